import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../api/lib/crypto';
import { newTotpSecret } from '../../api/staff/totp';
import { DEMO_ADMIN } from '../../db/seed/generate';
import { openLocalD1 } from '../../scripts/lib/local-d1';
import { baseURL, currentTotpCode, persistDir } from './browser';

/**
 * Issue #15's authorisation proof for the pages: every staff page, as anonymous, as a session
 * with a password but no second factor, as a moderator and as an admin. The pages are read from
 * the routes, so a new one must be added here.
 */

type Caller = 'anonymous' | 'pending' | 'moderator' | 'admin';
const MODERATOR = { email: 'matrice@example.org', password: 'une phrase de passe longue' };

/** 200, 403, or where the page sends the caller (the path of its redirect). */
const EXPECTED: Record<string, Record<Caller, number | string>> = {
  '/admin': {
    anonymous: '/admin/temoignages',
    pending: '/admin/temoignages',
    moderator: '/admin/temoignages',
    admin: '/admin/temoignages',
  },
  '/admin/temoignages': {
    anonymous: '/admin/connexion',
    pending: '/admin/verification',
    moderator: 200,
    admin: 200,
  },
  '/admin/journal': {
    anonymous: '/admin/connexion',
    pending: '/admin/verification',
    moderator: 403,
    admin: 200,
  },
  '/admin/editions': {
    anonymous: '/admin/connexion',
    pending: '/admin/verification',
    moderator: 403,
    admin: 200,
  },
  '/admin/appels': {
    anonymous: '/admin/connexion',
    pending: '/admin/verification',
    moderator: 403,
    admin: 200,
  },
  '/admin/equipe': {
    anonymous: '/admin/connexion',
    pending: '/admin/verification',
    moderator: 403,
    admin: 200,
  },
  '/admin/compte': {
    anonymous: '/admin/connexion',
    pending: '/admin/verification',
    moderator: 200,
    admin: 200,
  },
  '/admin/codes-de-secours': {
    anonymous: '/admin/connexion',
    pending: '/admin/verification',
    moderator: 200,
    admin: 200,
  },
  // A password alone never reaches enrolment for an account that has a factor.
  '/admin/enrolement': {
    anonymous: '/admin/connexion',
    pending: '/admin/verification',
    moderator: 200,
    admin: 200,
  },
  '/admin/verification': {
    anonymous: '/admin/connexion',
    pending: 200,
    moderator: 200,
    admin: 200,
  },
  '/admin/connexion': { anonymous: 200, pending: 200, moderator: 200, admin: 200 },
  '/admin/deconnexion': {
    anonymous: '/admin',
    pending: '/admin',
    moderator: '/admin',
    admin: '/admin',
  },
  '/admin/invitation/unknown-token': { anonymous: 404, pending: 404, moderator: 404, admin: 404 },
};

/** The staff pages as the routes define them; `[token]` stands for an unknown invitation. */
function staffPages(dir = 'web/routes/admin', path = '/admin'): string[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  const own = entries.some((e) => e.name.startsWith('+page')) ? [path] : [];
  return own.concat(
    entries
      .filter((e) => e.isDirectory())
      .flatMap((e) =>
        staffPages(
          `${dir}/${e.name}`,
          `${path}/${e.name === '[token]' ? 'unknown-token' : e.name}`,
        ),
      ),
  );
}

let clients = 0;

async function signedIn(email: string, password: string, verify: boolean): Promise<string> {
  const headers = {
    'content-type': 'application/json',
    'cf-connecting-ip': `198.51.100.${++clients}`,
  };
  const res = await fetch(`${baseURL()}/api/v1/staff/login`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(200);
  const cookie = /__Host-cm_staff=[^;]+/.exec(res.headers.get('set-cookie')!)![0];
  if (verify) {
    const proof = await fetch(`${baseURL()}/api/v1/staff/second-factor/totp`, {
      method: 'POST',
      headers: { ...headers, cookie },
      body: JSON.stringify({ code: currentTotpCode(email) }),
    });
    expect(proof.status).toBe(204);
  }
  return cookie;
}

const cookies: Partial<Record<Caller, string>> = {};

beforeAll(async () => {
  const db = openLocalD1(persistDir());
  try {
    db.prepare(
      `INSERT INTO staff (email, password_hash, role, totp_secret, created_at) VALUES (?, ?, 'moderator', ?, ?)
       ON CONFLICT(email) DO NOTHING`,
    ).run(
      MODERATOR.email,
      await hashPassword(MODERATOR.password),
      newTotpSecret(),
      new Date().toISOString(),
    );
  } finally {
    db.close();
  }
  cookies.pending = await signedIn(DEMO_ADMIN.email, DEMO_ADMIN.password, false);
  cookies.moderator = await signedIn(MODERATOR.email, MODERATOR.password, true);
  cookies.admin = await signedIn(DEMO_ADMIN.email, DEMO_ADMIN.password, true);
});

describe('staff pages', () => {
  it('are all in the matrix', () => {
    expect(staffPages().sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('open to the right callers only, in French and in English', async () => {
    for (const [page, expected] of Object.entries(EXPECTED))
      for (const caller of ['anonymous', 'pending', 'moderator', 'admin'] as const)
        for (const locale of ['', '/en']) {
          const res = await fetch(`${baseURL()}${locale}${page}`, {
            redirect: 'manual',
            headers: cookies[caller] ? { cookie: cookies[caller] } : {},
          });
          const want = expected[caller];
          const got =
            res.status >= 300 && res.status < 400
              ? new URL(res.headers.get('location')!, baseURL()).pathname.replace(/^\/en/, '')
              : res.status;
          expect(got, `${caller} ${locale}${page}`).toBe(want);
          expect(res.headers.get('cache-control'), `${caller} ${locale}${page}`).toContain(
            'no-store',
          );
        }
  });
});
