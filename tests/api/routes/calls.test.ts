import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  addEdition,
  addStaff,
  api,
  clearDatabase,
  count,
  newClient,
  postJson,
  signIn,
} from '../fixtures';

interface CallBody {
  slug: string;
  status: string;
  published: number;
  themes: string[];
  edition: number | null;
}
interface ErrorBody {
  error: { code: string; fields?: Record<string, string> };
}

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const CALL = {
  title: {
    fr: 'Les commentaires hostiles pendant l’événement',
    en: 'Hostile comments during the event',
  },
  prompt: {
    fr: 'Racontez-nous comment vous avez tenu face aux commentaires pendant l’événement.',
    en: 'Tell us how you held up against the comments during the event.',
  },
  opensOn: day(-10),
  closesOn: day(20),
  themes: ['hostility', 'crisis'],
};

const STORY =
  'Pendant tout l’événement, les commentaires haineux arrivaient par centaines et je modérais seule.';

let admin: string;
let moderator: string;

const staff = (method: string, path: string, cookie: string, body?: unknown) =>
  api(`/api/v1/staff${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'cf-connecting-ip': newClient(), cookie },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const testify = (body: Record<string, unknown> = {}) =>
  postJson('/api/v1/testimonials', { text: STORY, lang: 'fr', ...body });
const fieldsOf = async (res: Response) => ((await res.json()) as ErrorBody).error.fields ?? {};
const storedState = async () =>
  JSON.stringify(
    await env.DB.batch([
      env.DB.prepare('SELECT * FROM calls ORDER BY slug'),
      env.DB.prepare('SELECT id, call_slug FROM testimonials ORDER BY id'),
    ]).then((r) => r.map((x) => x.results)),
  );

beforeEach(async () => {
  await clearDatabase();
  await addEdition(2026, 'open');
  await addStaff('admin@example.org', 'admin');
  await addStaff('mod@example.org', 'moderator');
  admin = await signIn('admin@example.org');
  moderator = await signIn('mod@example.org');
});

describe('calls for testimonies', () => {
  it('are created by admins only, with an address made from the French title', async () => {
    expect((await staff('POST', '/calls', moderator, CALL)).status).toBe(403);
    const res = await staff('POST', '/calls', admin, { ...CALL, edition: 2026 });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      slug: 'les-commentaires-hostiles-pendant-l-evenement',
      status: 'open',
      published: 0,
      edition: 2026,
      themes: ['hostility', 'crisis'],
    });
    expect(await count('audit_log', "action = 'call.create'")).toBe(1);

    const refused = async (body: unknown, status: number, field: string) => {
      const r = await staff('POST', '/calls', admin, body);
      expect(r.status, JSON.stringify(body)).toBe(status);
      expect(await fieldsOf(r)).toHaveProperty([field]);
    };
    await refused(CALL, 409, 'slug');
    await refused({ ...CALL, slug: 'autre', closesOn: day(-20) }, 400, 'closesOn');
    await refused({ ...CALL, slug: 'autre', edition: 1999 }, 400, 'edition');
    await refused({ ...CALL, slug: 'Pas Une Adresse' }, 400, 'slug');
    await refused({ ...CALL, slug: 'autre', themes: ['nope'] }, 400, 'themes.0');
    await refused(
      { ...CALL, slug: 'autre', prompt: { fr: 'court', en: CALL.prompt.en } },
      400,
      'prompt.fr',
    );
    expect(await count('calls')).toBe(1);
  });

  it('are listed open first, then upcoming, then closed, each with its status', async () => {
    await staff('POST', '/calls', admin, {
      ...CALL,
      slug: 'passe',
      opensOn: day(-90),
      closesOn: day(-30),
    });
    await staff('POST', '/calls', admin, {
      ...CALL,
      slug: 'bientot',
      opensOn: day(5),
      closesOn: day(40),
    });
    await staff('POST', '/calls', admin, { ...CALL, slug: 'ouvert' });
    const { items } = (await (await api('/api/v1/calls')).json()) as { items: CallBody[] };
    expect(items.map((c) => [c.slug, c.status])).toEqual([
      ['ouvert', 'open'],
      ['bientot', 'upcoming'],
      ['passe', 'closed'],
    ]);
    expect((await api('/api/v1/calls/inconnu')).status).toBe(404);
    expect((await api('/api/v1/calls/PAS%20UN%20SLUG')).status).toBe(400);
  });

  it('are answered while open only; a testimony may stand free', async () => {
    await staff('POST', '/calls', admin, { ...CALL, slug: 'ouvert' });
    await staff('POST', '/calls', admin, {
      ...CALL,
      slug: 'bientot',
      opensOn: day(5),
      closesOn: day(40),
    });
    expect((await testify({ call: 'ouvert' })).status).toBe(201);
    expect((await testify()).status).toBe(201);
    const before = await storedState();
    for (const [call, status] of [
      ['bientot', 409],
      ['inconnu', 404],
      ['PAS UN SLUG', 400],
    ] as const) {
      const res = await testify({ call });
      expect(res.status, call).toBe(status);
      expect(await fieldsOf(res)).toHaveProperty(['call']);
    }
    expect(await storedState()).toBe(before);

    // Closing early moves its last day to before today: answering it is then refused.
    const closed = await staff('PATCH', '/calls/ouvert', admin, {
      closesOn: day(-1),
      opensOn: day(-10),
    });
    expect(closed.status).toBe(200);
    expect(((await closed.json()) as CallBody).status).toBe('closed');
    expect((await testify({ call: 'ouvert' })).status).toBe(409);
    expect((await staff('PATCH', '/calls/ouvert', admin, { closesOn: day(-30) })).status).toBe(400);
    expect((await staff('PATCH', '/calls/inconnu', admin, { closesOn: day(1) })).status).toBe(404);
    expect((await staff('PATCH', '/calls/ouvert', moderator, { closesOn: day(1) })).status).toBe(
      403,
    );
    expect(await count('audit_log', "action = 'call.update'")).toBe(1);
  });

  it('gather their testimonies: the queue says which call, the reader filters by it, themes counted under k', async () => {
    await staff('POST', '/calls', admin, { ...CALL, slug: 'ouvert' });
    for (let i = 0; i < 11; i++)
      await testify({ call: 'ouvert', themes: i < 10 ? ['hostility'] : ['crisis'] });
    await testify({ themes: ['hostility'] });
    const queue = (await (
      await staff('GET', '/testimonials?status=pending', moderator)
    ).json()) as {
      items: { id: string; call: string | null }[];
    };
    expect(queue.items.filter((t) => t.call === 'ouvert')).toHaveLength(11);
    for (const t of queue.items)
      expect((await staff('POST', `/testimonials/${t.id}/publish`, moderator, {})).status).toBe(
        200,
      );

    const answered = (await (await api('/api/v1/testimonials?call=ouvert&limit=100')).json()) as {
      items: { call: string | null }[];
    };
    expect(answered.items).toHaveLength(11);
    expect(answered.items.every((t) => t.call === 'ouvert')).toBe(true);
    const page = (await (await api('/api/v1/calls/ouvert')).json()) as {
      published: number;
      k: number;
      themeCounts: { theme: string; count: number | null }[];
    };
    expect(page.published).toBe(11);
    const counted = Object.fromEntries(page.themeCounts.map((t) => [t.theme, t.count]));
    expect(counted).toMatchObject({ hostility: 10, crisis: null, isolation: null });
    expect(page.k).toBe(10);
  });

  it('answer hostile bodies with a 4xx and change nothing', async () => {
    await staff('POST', '/calls', admin, { ...CALL, slug: 'ouvert' });
    const before = await storedState();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<[string, string]>(['POST', '/calls'], ['PATCH', '/calls/ouvert']),
        fc.oneof(
          fc.json(),
          fc.record({
            title: fc.oneof(fc.string(), fc.record({ fr: fc.string(), en: fc.integer() })),
            opensOn: fc.string(),
            closesOn: fc.oneof(fc.string(), fc.constant('2026-02-30')),
            themes: fc.array(fc.string()),
            edition: fc.oneof(fc.integer(), fc.string()),
          }),
        ),
        async ([method, path], body) => {
          const res = await staff(method, path, admin, body);
          expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(
            400,
          );
          expect(res.status).toBeLessThan(500);
        },
      ),
      { numRuns: 60 },
    );
    expect(await storedState()).toBe(before);
  });
});
