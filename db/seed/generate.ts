/**
 * The demo data generator: pure and deterministic (seeded RNG), so the demo
 * is the same on every machine and tests can compare runs. Responses are
 * drawn from a few latent traits so the usual correlations show: long hours
 * go with evening work, lower WHO-5 and higher burnout scores.
 */
import { hasOptions, type Question } from '../../api/survey/model';
import { getQuestionnaire, questionsOf } from '../../api/survey/questionnaires';
import { isoWeek } from '../../api/lib/iso-week';
import { reviewForAuthor } from '../../api/testimonials/flag-review';
import { dayOf, slugify } from '../../api/testimonials/calls/status';
import { Rng } from './rng';
import { demoTestimonials, type DemoTestimonial, type ThemeCode } from './testimonials';

export const DEFAULT_SEED = 20260915;
export const DEFAULT_RESPONSES = 3000;

export interface DemoEdition {
  year: number;
  status: 'open' | 'published';
  questionnaireVersion: string;
  opensOn: string;
  closesOn: string;
  publishedOn: string | null;
  k: number;
}

/** One row of the answers table, without its response and edition keys. */
export interface DemoAnswer {
  questionCode: string;
  optionCode: string;
  numValue: number | null;
}

export interface DemoResponse {
  id: number;
  editionYear: number;
  submittedWeek: string;
  withdrawalHash: string;
  answers: DemoAnswer[];
}

export const demoEditions: DemoEdition[] = [
  {
    year: 2024,
    status: 'published',
    questionnaireVersion: '2024.1',
    opensOn: '2024-09-16',
    closesOn: '2024-12-15',
    publishedOn: '2025-02-03',
    k: 10,
  },
  {
    year: 2025,
    status: 'published',
    questionnaireVersion: '2024.1',
    opensOn: '2025-09-15',
    closesOn: '2025-12-14',
    publishedOn: '2026-02-02',
    k: 10,
  },
  {
    year: 2026,
    status: 'open',
    questionnaireVersion: '2026.1',
    opensOn: '2026-09-14',
    closesOn: '2026-12-13',
    publishedOn: null,
    k: 10,
  },
];

/** Later editions draw more respondents, as a growing survey does. */
const EDITION_SHARE = [0.28, 0.33, 0.39];

export function editionSizes(total: number): number[] {
  const sizes = EDITION_SHARE.map((share) => Math.round(total * share));
  sizes[sizes.length - 1]! += total - sizes.reduce((a, b) => a + b, 0);
  return sizes;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

interface Traits {
  employer: string;
  contract: string;
  overtime: number;
  hostility: number;
  support: number;
  strain: number;
}

function profileAnswers(rng: Rng): {
  traits: Omit<Traits, 'strain' | 'overtime'>;
  fixed: Record<string, string>;
} {
  const employer = rng.weighted({
    brand: 30,
    agency: 24,
    public: 14,
    association: 8,
    media: 7,
    freelance: 17,
  });
  const contract =
    employer === 'freelance'
      ? 'freelance'
      : rng.weighted({ permanent: 70, fixed_term: 13, apprentice: 17 });
  const hostility = clamp(
    rng.normal(employer === 'public' || employer === 'media' ? 0.6 : 0, 1),
    -3,
    3,
  );
  const support = clamp(rng.normal(employer === 'freelance' ? -0.5 : 0.2, 1), -3, 3);
  return {
    traits: { employer, contract, hostility, support },
    fixed: {
      'profile.employer_type': employer,
      'profile.contract': contract,
      'profile.team':
        employer === 'freelance'
          ? 'sole'
          : rng.weighted({ sole: 48, team_2_3: 32, team_4_plus: 20 }),
      'profile.region': rng.weighted({
        idf: 42,
        ara: 10,
        pac: 6,
        occ: 7,
        naq: 7,
        hdf: 6,
        ges: 5,
        pdl: 5,
        bre: 4,
        nor: 3,
        bfc: 2,
        cvl: 2,
        cor: 0.5,
        drom: 0.5,
        abroad: 1,
      }),
      'profile.gender': rng.weighted({ woman: 68, man: 27, non_binary: 2, undisclosed: 3 }),
      'profile.age_band': rng.weighted({
        a18_24: 18,
        a25_29: 34,
        a30_34: 24,
        a35_44: 17,
        a45_plus: 7,
      }),
      'profile.experience':
        contract === 'apprentice'
          ? 'y0_2'
          : rng.weighted({ y0_2: 18, y2_5: 37, y5_10: 30, y10_plus: 15 }),
    },
  };
}

/** A scale answer near `position` (0 = lowest option, 1 = highest), with noise. */
function scaleAnswer(q: Question, position: number, rng: Rng): DemoAnswer {
  const options = [...(hasOptions(q) ? q.options : [])].sort(
    (a, b) => (a.score ?? 0) - (b.score ?? 0),
  );
  const index = clamp(
    Math.round((position + rng.normal(0, 0.12)) * (options.length - 1)),
    0,
    options.length - 1,
  );
  const option = options[index]!;
  return { questionCode: q.code, optionCode: option.code, numValue: option.score ?? null };
}

function numberAnswer(q: Question, value: number): DemoAnswer {
  if (q.type !== 'number') throw new Error(`${q.code} is not a number question.`);
  return { questionCode: q.code, optionCode: '', numValue: clamp(Math.round(value), q.min, q.max) };
}

function optionAnswer(q: Question, code: string): DemoAnswer {
  const score = hasOptions(q) ? q.options.find((o) => o.code === code)?.score : undefined;
  return { questionCode: q.code, optionCode: code, numValue: score ?? null };
}

const FREQUENCY4 = ['never', 'sometimes', 'often', 'always'];
const pickByLevel = (levels: string[], level: number) =>
  levels[clamp(Math.floor(level * levels.length), 0, levels.length - 1)]!;

function answersFor(questions: Question[], rng: Rng): DemoAnswer[] {
  const { traits, fixed } = profileAnswers(rng);
  const contractHours =
    traits.contract === 'freelance'
      ? rng.int(30, 50)
      : rng.weighted({ '35': 70, '37': 12, '39': 14, '24': 4 });
  const overtime = clamp(
    rng.normal(traits.employer === 'agency' || traits.employer === 'freelance' ? 7 : 4.5, 4) +
      traits.hostility,
    -2,
    30,
  );
  const strain = clamp(
    (overtime - 5) / 8 + traits.hostility * 0.35 - traits.support * 0.3 + rng.normal(0, 0.5),
    -3,
    3,
  );
  const level = (x: number) => clamp(0.5 + x / 4, 0, 1);
  const answers: DemoAnswer[] = [];
  const answer = (code: string) => fixed[code];

  for (const q of questions) {
    if (q.showIf && !q.showIf.anyOf.includes(String(answer(q.showIf.question) ?? ''))) continue;
    // Real respondents skip optional questions now and then.
    if (!q.required && rng.chance(0.04)) continue;
    const given = fixed[q.code];
    if (given !== undefined) {
      answers.push(optionAnswer(q, given));
      continue;
    }
    switch (q.code) {
      case 'work.hours_contract':
        answers.push(numberAnswer(q, Number(contractHours)));
        break;
      case 'work.hours_actual':
        answers.push(numberAnswer(q, Number(contractHours) + overtime));
        break;
      case 'work.evenings_per_week':
        answers.push(numberAnswer(q, clamp(rng.normal(overtime / 3.5, 1.2), 0, 7)));
        break;
      case 'work.weekends_per_month':
        answers.push(
          numberAnswer(
            q,
            clamp(rng.normal(overtime / 5 + (traits.employer === 'public' ? 0.8 : 0), 1), 0, 5),
          ),
        );
        break;
      case 'work.messages_days_off':
      case 'exposure.urgent_requests':
      case 'exposure.validation_pressure':
        answers.push(optionAnswer(q, pickByLevel(FREQUENCY4, level(strain + rng.normal(0, 0.8)))));
        break;
      case 'exposure.hostile_frequency':
        answers.push(
          optionAnswer(
            q,
            pickByLevel(
              ['never', 'rarely', 'monthly', 'weekly', 'daily'],
              level(traits.hostility * 1.3 + 0.2 + rng.normal(0, 0.6)),
            ),
          ),
        );
        break;
      case 'exposure.harassment_12m': {
        const code = rng.chance(0.03)
          ? 'undisclosed'
          : rng.chance(clamp(0.22 + traits.hostility * 0.12, 0.02, 0.9))
            ? 'yes'
            : 'no';
        fixed[q.code] = code;
        answers.push(optionAnswer(q, code));
        break;
      }
      case 'exposure.support_after_attack':
        answers.push(
          optionAnswer(
            q,
            traits.support > 0.5 ? 'sufficient' : traits.support > -0.5 ? 'insufficient' : 'none',
          ),
        );
        break;
      case 'support.recognition':
      case 'support.usefulness':
        answers.push(scaleAnswer(q, level(traits.support - strain * 0.4), rng));
        break;
      case 'career.intent_leave':
        answers.push(optionAnswer(q, strain > 0.9 ? 'yes' : strain > 0 ? 'maybe' : 'no'));
        break;
      case 'career.salary_band':
        answers.push(
          optionAnswer(
            q,
            rng.chance(0.06)
              ? 'undisclosed'
              : pickByLevel(
                  ['lt25k', 'k25_30', 'k30_35', 'k35_40', 'k40_50', 'k50_plus'],
                  level(
                    rng.normal(fixed['profile.region'] === 'idf' ? 0.4 : -0.3, 1) +
                      (fixed['profile.experience'] === 'y10_plus' ? 1 : 0),
                  ),
                ),
          ),
        );
        break;
      case 'work.clients_count':
        answers.push(
          numberAnswer(q, traits.employer === 'freelance' ? rng.int(2, 12) : rng.int(3, 25)),
        );
        break;
      case 'work.accounts_count':
        answers.push(numberAnswer(q, Math.exp(rng.normal(2, 0.7))));
        break;
      default:
        if (q.type === 'scale' && q.instrument === 'who5')
          answers.push(scaleAnswer(q, level(-strain * 1.1 + 0.3), rng));
        else if (q.type === 'scale' && q.instrument === 'cbi_work') {
          // CBI item 7 asks about energy left, so a strained respondent answers it low.
          const reversed = q.code === 'wellbeing.cbi_7';
          answers.push(scaleAnswer(q, level(reversed ? -strain : strain), rng));
        } else if (q.type === 'multi') {
          for (const option of q.options)
            if (rng.chance(option.code === 'other' ? 0.05 : 0.45))
              answers.push(optionAnswer(q, option.code));
        } else if (q.type === 'single' || q.type === 'scale') {
          answers.push(optionAnswer(q, q.options[rng.int(0, q.options.length - 1)]!.code));
        } else if (q.type === 'number') {
          answers.push(numberAnswer(q, rng.int(q.min, Math.min(q.max, 10))));
        }
      // Free text stays empty: synthetic comments would only be noise.
    }
  }
  return answers;
}

function weekWithin(edition: DemoEdition, rng: Rng): string {
  const start = Date.parse(`${edition.opensOn}T00:00:00Z`);
  const end = Math.min(
    Date.parse(`${edition.closesOn}T00:00:00Z`),
    Date.parse('2026-11-16T00:00:00Z'),
  );
  return isoWeek(new Date(start + rng.next() * (end - start)));
}

/** Yields the demo responses one by one, so 100,000 of them never sit in memory. */
export function* generateResponses(total: number, seed = DEFAULT_SEED): Generator<DemoResponse> {
  const rng = new Rng(seed);
  const sizes = editionSizes(total);
  for (const [i, edition] of demoEditions.entries()) {
    const questions = questionsOf(getQuestionnaire(edition.questionnaireVersion)!);
    for (let n = 0; n < sizes[i]!; n++) {
      yield {
        id: rng.int48(),
        editionYear: edition.year,
        submittedWeek: weekWithin(edition, rng),
        // The hash of a code nobody was shown: demo responses cannot be withdrawn.
        withdrawalHash: rng.hex128() + rng.hex128(),
        answers: answersFor(questions, rng),
      };
    }
  }
}

export interface DemoCall {
  slug: string;
  title: { fr: string; en: string };
  prompt: { fr: string; en: string };
  opensOn: string;
  closesOn: string;
  /** Suggested to those answering it; the demo testimonies touching the first answer it. */
  themes: ThemeCode[];
  editionYear: number | null;
}

const DAY_MS = 86_400_000;
const daysFrom = (now: Date, days: number) => dayOf(new Date(now.getTime() + days * DAY_MS));

/**
 * Three demo calls: two closed, gathered for the published editions' reports, and one open
 * around `now`, so that the demo always has a call to answer. Their addresses are made from their
 * French titles, as an admin's are.
 */
export function demoCalls(now = new Date()): DemoCall[] {
  const calls: Omit<DemoCall, 'slug'>[] = [
    {
      title: {
        fr: 'Confinement : comment avez-vous tenu ?',
        en: 'Lockdown: how did you hold up?',
      },
      prompt: {
        fr: 'Mars 2020 : du jour au lendemain, les comptes de votre structure sont devenus son principal lien avec le public. Racontez comment vous avez travaillé pendant le confinement : l’isolement, la pression, ce qui vous a aidé à tenir.',
        en: 'March 2020: overnight, your organisation’s accounts became its main link with the public. Tell us how you worked during the lockdown: the isolation, the pressure, what helped you hold up.',
      },
      opensOn: '2020-03-17',
      closesOn: '2020-06-30',
      themes: ['remote', 'isolation', 'pressure'],
      editionYear: 2024,
    },
    {
      title: {
        fr: 'Sous pression : la charge, les soirs, les clients',
        en: 'Under pressure: the workload, the evenings, the clients',
      },
      prompt: {
        fr: 'Les messages le soir, les demandes urgentes, les clients ou la hiérarchie qui en veulent toujours plus : racontez une semaine où la charge a débordé, et comment vous l’avez vécue.',
        en: 'Messages in the evening, urgent requests, clients or managers who always want more: tell us about a week when the workload spilled over, and how you lived through it.',
      },
      opensOn: '2025-09-15',
      closesOn: '2025-12-14',
      themes: ['workload', 'pressure', 'availability'],
      editionYear: 2025,
    },
    {
      title: {
        fr: 'Les commentaires hostiles pendant l’événement',
        en: 'Hostile comments during the event',
      },
      prompt: {
        fr: 'Un lancement, un match, une annonce, une polémique : pendant un événement, les commentaires hostiles affluent. Racontez comment vous les avez reçus et modérés, qui vous a soutenu, et ce que vous feriez autrement.',
        en: 'A launch, a match, an announcement, a row: during an event, hostile comments pour in. Tell us how you received and moderated them, who backed you up, and what you would do differently.',
      },
      opensOn: daysFrom(now, -30),
      closesOn: daysFrom(now, 60),
      themes: ['hostility', 'crisis'],
      editionYear: demoEditions.find((e) => e.status === 'open')?.year ?? null,
    },
  ];
  return calls.map((call) => ({ slug: slugify(call.title.fr), ...call }));
}

export interface DemoTestimonialRow extends DemoTestimonial {
  id: string;
  submittedWeek: string;
  publishedOn: string | null;
  withdrawalHash: string;
  call: string | null;
}

/**
 * What the testimony form would store for a demo text: redacted, then the flags its fictional
 * author chose (`replace`, by their words) replaced; the other flags stay in the text.
 */
export function demoStoredText(t: Pick<DemoTestimonial, 'text' | 'lang' | 'replace'>): string {
  const words = new Set(t.replace ?? []);
  const keys = reviewForAuthor(t.text, t.lang)
    .choices.filter((choice) => words.has(choice.text))
    .map((choice) => choice.key);
  return reviewForAuthor(t.text, t.lang, keys).text;
}

/**
 * The call a demo testimony answers: the first whose first theme it touches; a testimony still
 * waiting for moderation answers an open call only.
 */
function callFor(t: DemoTestimonial, calls: DemoCall[], today: string): DemoCall | undefined {
  return calls.find(
    (c) => t.themes.includes(c.themes[0]!) && (t.status === 'published' || c.closesOn >= today),
  );
}

/**
 * The demo testimonies, each written on a day of its call's (three days before its publication,
 * which is not after `now`'s day), or of the two years of demo editions.
 */
export function generateTestimonials(seed = DEFAULT_SEED, now = new Date()): DemoTestimonialRow[] {
  const rng = new Rng(seed ^ 0x5eed);
  const calls = demoCalls(now);
  const utc = (day: string) => Date.parse(`${day}T00:00:00Z`);
  // The day, not the instant: the same data all day long.
  const today = dayOf(now);
  return demoTestimonials.map(({ replace, ...t }) => {
    const call = callFor(t, calls, today);
    const [from, to] = call
      ? [utc(call.opensOn), Math.min(utc(call.closesOn), utc(today) - 3 * DAY_MS)]
      : [Date.UTC(2024, 9, 1), Date.UTC(2024, 9, 1) + 760 * DAY_MS];
    const day = new Date(from + rng.next() * (to - from));
    return {
      ...t,
      text: demoStoredText({ ...t, replace }),
      id: rng.hex128().slice(0, 12),
      submittedWeek: isoWeek(day),
      publishedOn:
        t.status === 'published'
          ? new Date(day.getTime() + 3 * DAY_MS).toISOString().slice(0, 10)
          : null,
      withdrawalHash: rng.hex128() + rng.hex128(),
      call: call?.slug ?? null,
    };
  });
}

/**
 * The demo admin. Its TOTP key is public like its password, so that anyone trying the demo can
 * add it to an authenticator app, or print the current code with `npm run demo:code`.
 */
export const DEMO_ADMIN = {
  email: 'admin@demo.observatoire-cm.fr',
  password: 'demo-admin-2026',
  role: 'admin',
  totpSecret: 'DEMODEMODEMODEMODEMODEMODEMODEMO',
} as const;

/**
 * Extra published testimonials for benchmarks: sentences of the demo texts
 * recombined, so searches meet real French and English words at any volume.
 * The published demo texts went through the redactor and the flagger already
 * (and hold neither contact details nor flags), so their sentences need not again.
 */
export function* generateExtraTestimonials(
  total: number,
  seed = DEFAULT_SEED,
): Generator<DemoTestimonialRow> {
  const rng = new Rng(seed ^ 0xbe7c);
  const sentences = demoTestimonials
    .filter((t) => t.status === 'published')
    .flatMap((t) => t.text.split(/(?<=[.!?…])\s+/).map((s) => ({ s, lang: t.lang })));
  const themes = [...new Set(demoTestimonials.flatMap((t) => t.themes))];
  for (let i = 0; i < total; i++) {
    const lang = rng.chance(0.7) ? 'fr' : 'en';
    const pool = sentences.filter((x) => x.lang === lang);
    const text = Array.from(
      { length: rng.int(3, 7) },
      () => pool[rng.int(0, pool.length - 1)]!.s,
    ).join(' ');
    const day = new Date(Date.UTC(2024, 9, 1) + rng.next() * 760 * 86_400_000);
    yield {
      lang,
      text,
      themes: [
        ...new Set(
          Array.from({ length: rng.int(1, 3) }, () => themes[rng.int(0, themes.length - 1)]!),
        ),
      ],
      status: 'published',
      id: rng.hex128().slice(0, 12),
      submittedWeek: isoWeek(day),
      publishedOn: day.toISOString().slice(0, 10),
      withdrawalHash: rng.hex128() + rng.hex128(),
      call: null,
    };
  }
}
