import { env } from 'cloudflare:workers';
import { parse } from 'csv-parse/browser/esm/sync';
import { strFromU8, unzipSync } from 'fflate';
import { parquetReadObjects } from 'hyparquet';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateResponses } from '../../../db/seed/generate';
import { getDb } from '../../../api/lib/db.server';
import { codeChanges } from '../../../api/publication/changelog';
import { MISSING_CODES } from '../../../api/publication/missing';
import { publishedEdition } from '../../../api/publication/package.server';
import { editionRisk } from '../../../api/editions/service.server';
import { openEdition, submitResponse } from '../../../api/survey/service.server';
import { isQuasiIdentifier, type QuasiIdentifierQuestion } from '../../../api/survey/model';
import { getQuestionnaire, optionsOf, questionsOf } from '../../../api/survey/questionnaires';
import { castCell, rowErrors, type SchemaField } from '../../support/table-schema';
import {
  addEdition,
  addStaff,
  api,
  clearDatabase,
  insertDemoResponses,
  newClient,
  postJson,
  buildPackage,
  release,
  runJob,
  signIn,
} from '../fixtures';

/** Words a respondent typed: they must never leave in the package. */
const FREE_TEXT = 'Mon manager Zéphyrin appelle le dimanche soir';
const YEAR = 2025;
const K = 10;

interface RiskReport {
  records: number;
  released: number;
  criteria: { k: number; l: number };
  quasiIdentifiers: string[];
  sensitiveAttributes: { name: string }[];
  before: {
    sampleUniques: number;
    declaredSubset: { quasiIdentifiers: string[]; sampleUniques: number };
  };
  after: {
    sampleUniques: number;
    k: number | null;
    l: Record<string, number | null>;
    classes: number;
    suppressedRecords: number;
  };
  allMasked: boolean;
  withheld: boolean;
  levels: { question: string; level: number; name: string; groups: { code: string }[] | null }[];
}

interface Package {
  files: Record<string, string>;
  /** Every file of the zip, by name inside its folder. */
  bytes: Record<string, Uint8Array>;
  folders: string[];
  zipBytes: number;
  csv: Record<string, string>[];
  header: string[];
  risk: RiskReport;
  descriptor: {
    licenses: { name: string }[];
    id: string;
    name: string;
    version: string;
    synthetic: boolean;
    description_en: string;
    anonymisation: {
      k: number;
      l: number;
      quasiIdentifiers: string[];
      sensitiveAttributes: string[];
      suppressedRecords: number;
      generalisation: { question: string; level: number }[];
      riskReport: { path: string; kReached: number | null; sampleUniquesAfter: number };
    };
    resources: {
      name: string;
      path: string;
      bytes: number;
      hash: string;
      type?: string;
      rows?: number;
      schema: {
        fields: (SchemaField & {
          quasiIdentifier?: true;
          title: string;
          title_en: string;
          categories?: { value: string | number; label: string; label_en: string }[];
          categoriesOrdered?: true;
          missingReasons?: string[];
        })[];
        missingValues: { value: string; label: string; label_fr: string }[];
        primaryKey?: string[];
      };
    }[];
  };
  parquet: Uint8Array;
}

async function download(year = YEAR): Promise<Package> {
  const res = await api(`/api/v1/editions/${year}/package`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/zip');
  expect(res.headers.get('content-disposition')).toContain(`observatoire-cm-${year}.zip`);
  const zip = new Uint8Array(await res.arrayBuffer());
  const folders = [...new Set(Object.keys(unzipSync(zip)).map((name) => name.split('/')[0]!))];
  const entries = Object.fromEntries(
    Object.entries(unzipSync(zip)).map(([name, bytes]) => [name.replace(/^[^/]+\//, ''), bytes]),
  );
  const files = Object.fromEntries(
    Object.entries(entries)
      .filter(([name]) => !name.endsWith('.parquet'))
      .map(([name, bytes]) => [name, strFromU8(bytes)]),
  );
  const rows = parse(files['responses.csv']!, { bom: false }) as string[][];
  const header = rows[0]!;
  const csv = rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!])));
  return {
    files,
    bytes: entries,
    folders,
    zipBytes: zip.length,
    csv,
    header,
    risk: JSON.parse(files['disclosure-risk.json']!),
    descriptor: JSON.parse(files['datapackage.json']!),
    parquet: entries['responses.parquet']!,
  };
}

/*
 * The attacker of docs/architecture.md, privacy rules: knows every quasi-identifier of a colleague (the whole profile and
 * contracted hours) and reads the served CSV. The checks below recompute, from that CSV and the
 * database, what the package claims.
 */
const QUASI = questionsOf(getQuestionnaire('2024.1')!).filter(isQuasiIdentifier);
/** The seven quasi-identifiers declared before 2026. */
const DECLARED = [
  'profile.employer_type',
  'profile.company_size',
  'profile.region',
  'profile.contract',
  'profile.experience',
  'profile.age_band',
  'profile.gender',
];
/** The missing codes, as the CSV writes them. */
const MISSING = MISSING_CODES.map((m) => String(m.code));
const band = (cell: string, cuts: [number, string][], last: string) =>
  MISSING.includes(cell) ? cell : (cuts.find(([below]) => Number(cell) < below)?.[1] ?? last);
/** Each sensitive attribute as the CSV shows it; a missing code (no answer) is a value too. */
const SENSITIVE: Record<string, (row: Record<string, string>) => string> = {
  'exposure.harassment_12m': (r) => r['exposure.harassment_12m']!,
  'score.who5.band': (r) =>
    band(
      r['score.who5']!,
      [
        [29, 'le28'],
        [50, '29_49'],
      ],
      'ge50',
    ),
  'score.cbi_work.band': (r) => band(r['score.cbi_work']!, [[50, 'lt50']], 'ge50'),
  'career.intent_leave': (r) => r['career.intent_leave']!,
  'career.salary_band': (r) => r['career.salary_band']!,
};

/** The classes of the released file on all the quasi-identifiers together. */
function audit(csv: Record<string, string>[]) {
  const classes = new Map<string, Record<string, string>[]>();
  for (const row of csv) {
    const key = JSON.stringify(QUASI.map((q) => row[q.code]));
    classes.set(key, [...(classes.get(key) ?? []), row]);
  }
  const sizes = [...classes.values()].map((c) => c.length);
  return {
    classes: classes.size,
    k: sizes.length ? Math.min(...sizes) : null,
    uniques: sizes.filter((s) => s === 1).length,
    l: Object.fromEntries(
      Object.entries(SENSITIVE).map(([name, value]) => [
        name,
        sizes.length
          ? Math.min(...[...classes.values()].map((c) => new Set(c.map(value)).size))
          : null,
      ]),
    ),
  };
}

/** Every current response's full-detail quasi-identifiers, as an attacker's table would hold them. */
async function fullDetail(year: number) {
  const ids = (
    await env.DB.prepare('SELECT id FROM responses WHERE edition_year = ?1 AND withdrawn = 0')
      .bind(year)
      .all<{ id: number }>()
  ).results.map((r) => r.id);
  const answers = (
    await env.DB.prepare(
      `SELECT a.response_id AS id, a.question_code AS q, a.option_code AS o, a.num_value AS x
       FROM answers a JOIN responses r ON r.id = a.response_id
       WHERE r.edition_year = ?1 AND r.withdrawn = 0`,
    )
      .bind(year)
      .all<{ id: number; q: string; o: string; x: number | null }>()
  ).results;
  const byId = new Map<number, Map<string, { o: string; x: number | null }>>(
    ids.map((id) => [id, new Map()]),
  );
  for (const a of answers) byId.get(a.id)?.set(a.q, { o: a.o, x: a.x });
  return [...byId.values()];
}

const uniquesOn = (records: Map<string, { o: string; x: number | null }>[], codes: string[]) => {
  const counts = new Map<string, number>();
  for (const r of records) {
    const key = JSON.stringify(codes.map((c) => r.get(c) ?? null));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.values()].filter((c) => c === 1).length;
};

/** How the questionnaire says an answer reads at a level: group, band, or masked. */
function releasedAs(
  q: QuasiIdentifierQuestion,
  level: number,
  answer: { o: string; x: number | null } | undefined,
) {
  const steps = q.type === 'number' ? (q.bands ?? []) : (q.generalisation ?? []);
  if (level > steps.length) return '-4';
  if (!answer) return '-2';
  if (q.type === 'number') {
    const x = answer.x!;
    if (level === 0) return String(x);
    return q.bands![level - 1]!.find(
      (b) =>
        (b.gt === undefined || x > b.gt) &&
        (b.gte === undefined || x >= b.gte) &&
        (b.lt === undefined || x < b.lt) &&
        (b.lte === undefined || x <= b.lte),
    )!.code;
  }
  if (level === 0) return answer.o === 'undisclosed' ? '-3' : answer.o;
  return q.generalisation![level - 1]!.find((g) => g.members.includes(answer.o))!.code;
}

/** Everything the attacker checks, on one served package. */
async function attack(year: number, p: Package) {
  const levels = new Map(
    p.descriptor.anonymisation.generalisation.map((g) => [g.question, g.level]),
  );
  const records = await fullDetail(year);
  const found = audit(p.csv);

  // (a) k and distinct l over all the quasi-identifiers together, on the file served.
  expect(p.csv.length).toBe(p.risk.withheld ? 0 : records.length);
  if (found.k !== null) expect(found.k).toBeGreaterThanOrEqual(p.descriptor.anonymisation.k);
  for (const l of Object.values(found.l)) if (l !== null) expect(l).toBeGreaterThanOrEqual(2);

  // (b) Re-attachment: a quasi-identifier is masked for every row or for none, and each released
  // value counts exactly the full-detail answers it stands for, so subtracting the rows from a
  // full-detail table leaves nothing to attach to anyone.
  for (const q of QUASI) {
    const masked = p.csv.filter((r) => r[q.code] === '-4').length;
    expect([0, p.csv.length], q.code).toContain(masked);
    if (!p.csv.length) continue;
    const served = new Map<string, number>();
    for (const r of p.csv) served.set(r[q.code]!, (served.get(r[q.code]!) ?? 0) + 1);
    const expected = new Map<string, number>();
    for (const r of records) {
      const value = releasedAs(q, levels.get(q.code)!, r.get(q.code));
      expected.set(value, (expected.get(value) ?? 0) + 1);
    }
    expect(served, q.code).toEqual(expected);
  }

  // (c) No record is unique on what it shows.
  expect(found.uniques).toBe(0);

  // (d) The risk report says what the file and the database show.
  const codes = QUASI.map((q) => q.code);
  expect(p.risk.quasiIdentifiers).toEqual(codes);
  expect(p.risk.sensitiveAttributes.map((s) => s.name)).toEqual(Object.keys(SENSITIVE));
  expect(p.risk).toMatchObject({
    records: records.length,
    released: p.csv.length,
    before: {
      sampleUniques: uniquesOn(records, codes),
      declaredSubset: { quasiIdentifiers: DECLARED, sampleUniques: uniquesOn(records, DECLARED) },
    },
    after: {
      sampleUniques: found.uniques,
      k: found.k,
      l: found.l,
      classes: found.classes,
      suppressedRecords: 0,
    },
  });
  expect(p.risk.levels.map((l) => [l.question, l.level])).toEqual(
    p.descriptor.anonymisation.generalisation.map((g) => [g.question, g.level]),
  );
  expect(p.descriptor.anonymisation.riskReport).toMatchObject({
    path: 'disclosure-risk.json',
    kReached: found.k,
    sampleUniquesAfter: 0,
  });
  return found;
}

const responsesResource = (p: Package) =>
  p.descriptor.resources.find((r) => r.name === 'responses')!;
const current = async () =>
  (await env.DB.prepare(
    'SELECT count(*) AS n FROM responses WHERE edition_year = ?1 AND withdrawn = 0',
  )
    .bind(YEAR)
    .first<{ n: number }>())!.n;

let admin: string;
let laterWithdrawal: string;
let pkg: Package;

beforeAll(async () => {
  await clearDatabase();
  const listed = await env.EXPORTS.list();
  await Promise.all(listed.objects.map((o) => env.EXPORTS.delete(o.key)));
  await addEdition(YEAR, 'open', {
    questionnaireVersion: '2024.1',
    opensOn: '2025-09-15',
    closesOn: '2025-12-14',
    k: K,
    demo: true,
  });
  const db = getDb(env.DB);
  const edition = await openEdition(db, YEAR);
  const codes: string[] = [];
  for (let i = 0; i < 3; i++) {
    const { withdrawalCode } = await submitResponse(
      db,
      edition,
      {
        'profile.employer_type': 'association',
        'profile.region': 'cor',
        'profile.age_band': 'a45_plus',
        'work.evenings_per_week': 4,
        'comment.free_text': FREE_TEXT,
      },
      `package-respondent-${i}-key`,
    );
    codes.push(withdrawalCode);
  }
  // The demo generator's answers for this edition, written directly for speed.
  const statements = [];
  for (const r of generateResponses(900)) {
    if (r.editionYear !== YEAR) continue;
    statements.push(
      env.DB.prepare(
        'INSERT INTO responses (id, edition_year, submitted_week, withdrawal_hash) VALUES (?, ?, ?, ?)',
      ).bind(r.id, YEAR, r.submittedWeek, r.withdrawalHash),
      ...r.answers.map((a) =>
        env.DB.prepare(
          'INSERT INTO answers (response_id, edition_year, question_code, option_code, num_value) VALUES (?, ?, ?, ?, ?)',
        ).bind(r.id, YEAR, a.questionCode, a.optionCode, a.numValue),
      ),
    );
  }
  for (let i = 0; i < statements.length; i += 500) await env.DB.batch(statements.slice(i, i + 500));

  // Withdrawn before publication: deleted outright.
  const withdraw = (code: string) =>
    api('/api/v1/responses', {
      method: 'DELETE',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': newClient() },
      body: JSON.stringify({ withdrawalCode: code }),
    });
  expect((await withdraw(codes[0]!)).status).toBe(204);
  laterWithdrawal = codes[1]!;

  await addStaff('admin@example.org', 'admin');
  admin = await signIn('admin@example.org');
  const step = (to: string) =>
    postJson(`/api/v1/staff/editions/${YEAR}/transition`, { to }, { cookie: admin });
  expect((await step('closed')).status).toBe(200);
  expect((await step('published')).status).toBe(200);
  // Until the release job has run, the download says to come back, and builds nothing itself.
  const early = await api(`/api/v1/editions/${YEAR}/package`);
  expect(early.status).toBe(202);
  expect(early.headers.get('retry-after')).toBe('60');
  expect(await early.json()).toEqual({ status: 'building', year: YEAR, retryAfter: 60 });
  expect(await env.EXPORTS.head(`packages/${YEAR}.zip`)).toBeNull();
  expect(await runJob({ scheduled: false })).toMatchObject([
    { year: YEAR, kind: 'final', status: 'complete', output: { release: { status: 'published' } } },
  ]);
  pkg = await download();
}, 120_000);

describe('the data package of a published edition', () => {
  it('is built and stored in R2 at publication', async () => {
    const stored = await env.EXPORTS.head(`packages/${YEAR}.zip`);
    expect(stored?.size).toBe(pkg.zipBytes);
    expect(pkg.folders).toEqual([`observatoire-cm-${YEAR}`]);
    expect(Object.keys(pkg.bytes).sort()).toEqual([
      'CHANGELOG.md',
      'CITATION.cff',
      'README.md',
      'codebook.csv',
      'codebook.md',
      'datapackage.json',
      'disclosure-risk.json',
      'groups.csv',
      'indicator-definitions.csv',
      'indicators.csv',
      'labels-en.sps',
      'load.R',
      'load.do',
      'load.sps',
      'questionnaire.en.md',
      'questionnaire.fr.md',
      'responses.csv',
      'responses.parquet',
    ]);
    expect(pkg.parquet.length).toBeGreaterThan(0);
  });

  it('has one CSV row per current response', async () => {
    expect(pkg.csv.length).toBe(await current());
    expect(pkg.csv.length).toBeGreaterThan(250);
    expect(responsesResource(pkg).rows).toBe(pkg.csv.length);
  });

  it('has every row valid against the Table Schema of datapackage.json', () => {
    const { fields, missingValues } = responsesResource(pkg).schema;
    expect(fields.map((f) => f.name)).toEqual(pkg.header);
    for (const f of fields) expect(f.title && f.title_en).toBeTruthy();
    const missing = missingValues.map((m) => m.value);
    const errors = pkg.csv.flatMap((row, i) =>
      rowErrors(fields, missing, row).map((e) => `row ${i + 1}: ${e}`),
    );
    expect(errors).toEqual([]);
  });

  it('turns multiple choice into 0/1 columns and scores the instruments', () => {
    for (const o of optionsOf(getQuestionnaire('2024.1')!, 'work.platforms'))
      expect(pkg.header).toContain(`work.platforms.${o.code}`);
    expect(pkg.header).not.toContain('work.platforms');
    expect(pkg.header).toEqual(expect.arrayContaining(['score.who5', 'score.cbi_work']));
    const scored = pkg.csv.filter((r) => r['score.who5'] !== '-2');
    expect(scored.length).toBeGreaterThan(100);
    for (const r of scored.slice(0, 50)) {
      const sum = [1, 2, 3, 4, 5].reduce((s, i) => s + Number(r[`wellbeing.who5_${i}`]), 0);
      expect(Number(r['score.who5'])).toBe(sum * 4);
    }
  });

  it('reads back from Parquet with hyparquet, value for value', async () => {
    const bytes = pkg.parquet;
    const file = new Uint8Array(bytes).buffer;
    const rows = (await parquetReadObjects({ file })) as Record<string, unknown>[];
    expect(rows.length).toBe(pkg.csv.length);
    const { fields } = responsesResource(pkg).schema;
    rows.forEach((row, i) => {
      const expected = Object.fromEntries(
        fields.map((f) => {
          const cell = pkg.csv[i]![f.name]!;
          return [f.name, (castCell(f, cell) as { value: unknown }).value];
        }),
      );
      const got = Object.fromEntries(fields.map((f) => [f.name, row[f.name] ?? null]));
      expect(got).toEqual(expected);
    });
  });

  it('has a codebook that covers every column, in French and English', () => {
    const codebook = parse(pkg.files['codebook.csv']!, { columns: true }) as Record<
      string,
      string
    >[];
    const described = new Set(codebook.map((r) => r.column));
    expect(pkg.header.filter((h) => !described.has(h))).toEqual([]);
    for (const r of codebook) expect(r.label_fr && r.label_en).toBeTruthy();
    for (const h of pkg.header) expect(pkg.files['codebook.md']).toContain(`\`${h}\``);
    expect(codebook.find((r) => r.column === 'score.cbi_work')!.scoring_en).toMatch(/reversed/);
  });

  it('gives every resource its size and SHA-256, a version, an id and a row-id primary key', async () => {
    const d = pkg.descriptor;
    const release = await env.DB.prepare(
      "SELECT number FROM releases WHERE edition_year = ?1 AND kind = 'final' AND status = 'published'",
    )
      .bind(YEAR)
      .first<{ number: number }>();
    expect(d.version).toBe(`${YEAR}.${release!.number}.0`);
    expect(d.id).toContain(`/donnees/${YEAR}#release-${release!.number}`);
    expect(d.name).toBe(`observatoire-cm-${YEAR}`);
    const described = d.resources.map((r) => r.path).sort();
    expect(described).toEqual(
      Object.keys(pkg.bytes)
        .filter((n) => n !== 'datapackage.json')
        .sort(),
    );
    for (const r of d.resources) {
      const bytes = pkg.bytes[r.path]!;
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(bytes)));
      const hex = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
      expect([r.path, r.bytes, r.hash]).toEqual([r.path, bytes.length, hex]);
      if (r.schema) expect(r.type, r.path).toBe('table');
    }
    const { schema } = responsesResource(pkg);
    expect(schema.primaryKey).toEqual(['row_id']);
    const ids = pkg.csv.map((r) => Number(r.row_id));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids.map((_, i) => i + 1));
    // Drawn at random, not in the order of the rows (which follow the stored ids).
    expect(ids.filter((id, i) => id === i + 1).length).toBeLessThan(ids.length / 10);
  });

  it('says why each value is missing, with one documented code per reason', () => {
    const { fields, missingValues } = responsesResource(pkg).schema;
    expect(missingValues).toEqual(
      MISSING_CODES.map((m) => ({
        value: String(m.code),
        label: m.label.en,
        label_fr: m.label.fr,
      })),
    );
    const codebook = parse(pkg.files['codebook.csv']!, { columns: true }) as Record<
      string,
      string
    >[];
    const documented = new Set(
      codebook.filter((r) => r.missing === '1').map((r) => `${r.column}=${r.value}`),
    );
    const seen = new Map<string, number>();
    for (const row of pkg.csv) {
      for (const f of fields) {
        const cell = row[f.name]!;
        if (!MISSING.includes(cell)) continue;
        expect(f.missingReasons, f.name).toContain(cell);
        expect(documented.has(`${f.name}=${cell}`), `${f.name}=${cell}`).toBe(true);
        seen.set(cell, (seen.get(cell) ?? 0) + 1);
      }
    }
    // Every reason occurs: not asked (routing), no answer, prefer not to say; and the anonymiser
    // masks at least one quasi-identifier of this edition (withheld).
    expect([...seen.keys()].sort()).toEqual(['-1', '-2', '-3', '-4']);
    expect(pkg.csv.some((r) => r['work.clients_count'] === '-1')).toBe(true);
    for (const m of MISSING_CODES) {
      expect(pkg.files['README.md']).toContain(`| \`${m.code}\` | \`${m.stata}\` | ${m.label.en}`);
      expect(pkg.files['codebook.md']).toContain(m.label.en);
    }
    // Not asked means the condition shows it: employer type released in full, or as a group.
    const routed = codebook.find((r) => r.column === 'work.clients_count')!;
    expect(routed.routing_en).toMatch(/profile\.employer_type.*agency.*freelance/);
  });

  it('has a label for every code in the data, and marks ordered scales', () => {
    const { fields } = responsesResource(pkg).schema;
    const codebook = parse(pkg.files['codebook.csv']!, { columns: true }) as Record<
      string,
      string
    >[];
    const labelled = new Map<string, Set<string>>();
    for (const r of codebook.filter((r) => r.value !== '')) {
      expect(r.value_label_fr && r.value_label_en, `${r.column}=${r.value}`).toBeTruthy();
      labelled.set(r.column!, (labelled.get(r.column!) ?? new Set()).add(r.value!));
    }
    for (const f of fields) {
      const labels = labelled.get(f.name) ?? new Set();
      for (const row of pkg.csv) {
        const cell = row[f.name]!;
        if (f.categories || MISSING.includes(cell)) {
          expect(labels.has(cell), `${f.name}=${cell}`).toBe(true);
        }
      }
      for (const c of f.categories ?? []) expect(labels.has(String(c.value))).toBe(true);
    }
    const field = (name: string) => fields.find((f) => f.name === name)!;
    expect(field('wellbeing.who5_1').categoriesOrdered).toBe(true);
    expect(field('exposure.hostile_frequency').categoriesOrdered).toBe(true);
    expect(field('exposure.harassment_12m').categoriesOrdered).toBeUndefined();
    // Scores to the precision of their scale.
    for (const r of pkg.csv) {
      expect(r['score.who5']).toMatch(/^-?\d+$/);
      expect(r['score.cbi_work']).toMatch(/^-?\d+(\.\d{1,2})?$/);
    }
  });

  it('maps the breakdown groups of indicators.csv onto the codes of the responses', () => {
    const groups = parse(pkg.files['groups.csv']!, { columns: true }) as Record<string, string>[];
    const indicators = parse(pkg.files['indicators.csv']!, { columns: true }) as Record<
      string,
      string
    >[];
    const mapped = new Set(groups.map((g) => `${g.dimension}/${g.group}`));
    for (const row of indicators.filter((r) => r.dimension !== '')) {
      expect(mapped.has(`${row.dimension}/${row.group}`), `${row.dimension}/${row.group}`).toBe(
        true,
      );
    }
    const team = groups.find((g) => g.dimension === 'team' && g.group === 'team')!;
    expect(team.options).toBe('team_2_3 team_4_plus');
    const { fields } = responsesResource(pkg).schema;
    for (const g of groups.filter((g) => g.reproducible === '1')) {
      const field = fields.find((f) => f.name === g.column)!;
      const allowed = [...(field.categories ?? []).map((c) => String(c.value)), ...MISSING];
      for (const v of g.values_in_responses!.split(' ')) expect(allowed, g.group).toContain(v);
    }
    const definitions = parse(pkg.files['indicator-definitions.csv']!, { columns: true }) as Record<
      string,
      string
    >[];
    expect(new Set(definitions.map((d) => d.indicator))).toEqual(
      new Set(indicators.map((r) => r.indicator)),
    );
    const harassed = definitions.find((d) => d.indicator === 'harassed_12m')!;
    expect(harassed.value_en).toMatch(/outside yes, no/);
    const cbi = definitions.find((d) => d.indicator === 'cbi_high')!;
    expect(cbi.value_en).toMatch(/wellbeing\.cbi_7 reversed.*at least 4 of 7/);
    expect(pkg.files['codebook.md']).toContain('### `cbi_high`');
  });

  it('says the data is synthetic, and how to cite this version', () => {
    expect(pkg.descriptor.synthetic).toBe(true);
    expect(pkg.descriptor.description_en).toMatch(/synthetic/i);
    expect(pkg.files['README.md']).toMatch(/synthetic/i);
    expect(pkg.files['CITATION.cff']).toMatch(/synthetic/i);
    expect(pkg.files['CITATION.cff']).toContain(`version: "${pkg.descriptor.version}"`);
    expect(pkg.files['CITATION.cff']).toMatch(/^cff-version: 1\.2\.0$/m);
  });

  it('carries the questionnaire with its routing, and loaders for R, SPSS and Stata', () => {
    const fr = pkg.files['questionnaire.fr.md']!;
    const en = pkg.files['questionnaire.en.md']!;
    for (const q of questionsOf(getQuestionnaire('2024.1')!)) {
      expect(fr).toContain(`\`${q.code}\``);
      expect(en).toContain(q.label.en);
    }
    expect(en).toMatch(/Asked only if the answer to profile\.employer_type/);
    expect(pkg.files['load.R']).toContain('ordered = TRUE');
    expect(pkg.files['load.sps']).toContain('MISSING VALUES');
    expect(pkg.files['load.do']).toContain('rename v2 profile_employer_type');
    for (const h of pkg.header) expect(pkg.files['load.R']).toContain(`"${h}"`);
  });

  it('holds k-anonymity on the quasi-identifiers of the file produced', () => {
    const quasi = responsesResource(pkg).schema.fields.filter((f) => f.quasiIdentifier);
    expect(quasi.map((f) => f.name).sort()).toEqual(
      questionsOf(getQuestionnaire('2024.1')!)
        .filter(isQuasiIdentifier)
        .map((q) => q.code)
        .sort(),
    );
    expect(pkg.descriptor.anonymisation.k).toBe(K);
    const classes = new Map<string, number>();
    for (const row of pkg.csv) {
      const key = quasi.map((f) => row[f.name]).join('|');
      classes.set(key, (classes.get(key) ?? 0) + 1);
    }
    const small = [...classes].filter(([, size]) => size < K);
    expect(small).toEqual([]);
    // The three respondents from Corsica aged 45+ in associations are not singled out.
    expect(pkg.csv.some((r) => r['profile.region'] === 'cor')).toBe(false);
  });

  it("withstands the attacker who knows a colleague's whole profile and contracted hours", async () => {
    const found = await attack(YEAR, pkg);
    expect(pkg.risk.before.sampleUniques).toBeGreaterThan(pkg.csv.length / 2);
    expect(found.k).toBeGreaterThanOrEqual(K);
    expect(pkg.risk.withheld).toBe(false);
  });

  it('states the disclosure risk in the README, in French and English', () => {
    const readme = pkg.files['README.md']!;
    expect(readme).toContain('## Risque de divulgation');
    expect(readme).toContain('## Disclosure risk');
    expect(readme).toContain(`| Responses unique in the released file | 0 |`);
    expect(readme).toContain(`| k reached (smallest combination) | ${pkg.risk.after.k} |`);
    expect(readme).toContain(
      `| Responses unique on the 11 quasi-identifiers at full detail, before protection | ${pkg.risk.before.sampleUniques} |`,
    );
    expect(readme).toContain('| Réponses masquées individuellement | 0 |');
    expect(readme).not.toMatch(/masqués? individuellement \| [1-9]/);
  });

  it('leaves free text out of every file', () => {
    expect(pkg.header).not.toContain('comment.free_text');
    for (const [name, text] of Object.entries(pkg.files)) {
      expect(text, name).not.toContain('Zéphyrin');
    }
    expect(new TextDecoder().decode(pkg.parquet)).not.toContain('Zéphyrin');
  });

  it('states the licence, the sources and the anonymisation', () => {
    expect(pkg.descriptor.licenses[0]!.name).toBe('etalab-2.0');
    expect(pkg.files['README.md']).toMatch(/Licence Ouverte/);
    expect(pkg.files['README.md']).toMatch(/How to cite/);
    const indicators = parse(pkg.files['indicators.csv']!, { columns: true }) as Record<
      string,
      string
    >[];
    for (const row of indicators.filter((r) => r.suppressed === 'true')) {
      expect([row.value, row.n]).toEqual(['', '']);
    }
    for (const row of indicators.filter((r) => r.suppressed === 'false')) {
      expect(Number(row.n)).toBeGreaterThanOrEqual(K);
    }
  });

  it('gives the admin the report the package carries, kept until the data changes', async () => {
    const db = getDb(env.DB);
    const edition = await publishedEdition(db, YEAR);
    expect(await editionRisk(db, edition)).toEqual(pkg.risk);
    const kept = await env.DB.prepare(
      "SELECT data_version FROM aggregates WHERE edition_year = ?1 AND kind = 'disclosure_risk'",
    )
      .bind(YEAR)
      .first<{ data_version: number }>();
    expect(kept?.data_version).toBe(edition.dataVersion);
    expect(await editionRisk(db, edition)).toEqual(pkg.risk);
  });

  it('withstands the same attacker on random editions', async () => {
    const q = new Map(QUASI.map((x) => [x.code, x]));
    const all = questionsOf(getQuestionnaire('2024.1')!);
    const pick = (codes: string[]) =>
      fc.oneof(
        { arbitrary: fc.constant(codes[0]!), weight: 3 },
        { arbitrary: fc.constantFrom(...codes), weight: 2 },
      );
    const codesOf = (code: string) =>
      optionsOf(getQuestionnaire('2024.1')!, code).map((o) => o.code);
    const scaled = all.filter((x) => x.type === 'scale' && x.instrument);
    const response = fc.record({
      quasi: fc.tuple(
        ...QUASI.map((x) =>
          fc.option<string | number>(
            x.type === 'number'
              ? fc.oneof(
                  { arbitrary: fc.constant(35), weight: 3 },
                  { arbitrary: fc.integer({ min: 0, max: 80 }), weight: 1 },
                  { arbitrary: fc.constant(37.5), weight: 1 },
                )
              : pick(x.options.map((o) => o.code)),
            { freq: 12 },
          ),
        ),
      ),
      harassment: fc.option(pick(codesOf('exposure.harassment_12m')), { freq: 10 }),
      intent: fc.option(pick(codesOf('career.intent_leave')), { freq: 10 }),
      salary: fc.option(pick(codesOf('career.salary_band')), { freq: 10 }),
      // One position for all instrument items, so scores spread over their bands.
      wellbeing: fc.option(fc.integer({ min: 0, max: 4 }), { freq: 10 }),
    });
    let year = 2040;
    let detailed = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(response, { minLength: 60, maxLength: 250 }),
        fc.integer({ min: 5, max: 12 }),
        async (responses, k) => {
          year++;
          await addEdition(year, 'published', {
            questionnaireVersion: '2024.1',
            publishedOn: `${year + 1}-01-01`,
            k,
          });
          const statements = [];
          for (const [i, r] of responses.entries()) {
            const id = year * 1000 + i;
            statements.push(
              env.DB.prepare(
                'INSERT INTO responses (id, edition_year, submitted_week, withdrawal_hash) VALUES (?, ?, ?, ?)',
              ).bind(id, year, '2040-W40', `random-${id}`),
            );
            const answer = (code: string, option: string, num: number | null) =>
              env.DB.prepare(
                'INSERT INTO answers (response_id, edition_year, question_code, option_code, num_value) VALUES (?, ?, ?, ?, ?)',
              ).bind(id, year, code, option, num);
            r.quasi.forEach((value, j) => {
              if (value === null) return;
              const question = q.get(QUASI[j]!.code)!;
              statements.push(
                typeof value === 'number'
                  ? answer(question.code, '', value)
                  : answer(question.code, value, null),
              );
            });
            if (r.harassment)
              statements.push(answer('exposure.harassment_12m', r.harassment, null));
            if (r.intent) statements.push(answer('career.intent_leave', r.intent, null));
            if (r.salary) statements.push(answer('career.salary_band', r.salary, null));
            if (r.wellbeing !== null) {
              for (const item of scaled) {
                const options = [...(item.type === 'scale' ? item.options : [])].sort(
                  (a, b) => a.score! - b.score!,
                );
                const option = options[Math.min(r.wellbeing, options.length - 1)]!;
                statements.push(answer(item.code, option.code, option.score!));
              }
            }
          }
          for (let i = 0; i < statements.length; i += 500)
            await env.DB.batch(statements.slice(i, i + 500));
          await release(year, 'final');
          await buildPackage(year);
          const served = await download(year);
          expect(served.descriptor.anonymisation.k).toBe(k);
          await attack(year, served);
          if (served.csv.length && !served.risk.allMasked) detailed++;
        },
      ),
      { numRuns: 8 },
    );
    // The property would hold vacuously if every release were withheld or fully masked.
    expect(detailed).toBeGreaterThan(2);
  }, 60_000);

  it('stays as published after a withdrawal: a new version would show which row left', async () => {
    const res = await api('/api/v1/responses', {
      method: 'DELETE',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': newClient() },
      body: JSON.stringify({ withdrawalCode: laterWithdrawal }),
    });
    expect(res.status).toBe(204);
    expect(await current()).toBe(pkg.csv.length - 1);
    const again = await download();
    expect(again.files).toEqual(pkg.files);
    expect(again.zipBytes).toBe(pkg.zipBytes);
  });

  it('builds one package at a time: a second build of the same version waits for the first', async () => {
    const db = getDb(env.DB);
    const edition = await publishedEdition(db, YEAR);
    const claim = (at: Date) =>
      env.DB.prepare(
        `INSERT OR REPLACE INTO aggregates (edition_year, kind, key, data_version, payload_json, computed_at)
         VALUES (?1, 'package_build', '', ?2, '{}', ?3)`,
      )
        .bind(YEAR, edition.dataVersion, at.toISOString())
        .run();
    // Another run is building this very version, and the stored zip is gone.
    await env.EXPORTS.delete(`packages/${YEAR}.zip`);
    await claim(new Date());
    await expect(buildPackage(YEAR)).rejects.toMatchObject({
      status: 503,
      code: 'package_building',
    });
    expect(await env.EXPORTS.head(`packages/${YEAR}.zip`)).toBeNull();
    const busy = await api(`/api/v1/editions/${YEAR}/package`);
    expect(busy.status).toBe(202);
    await busy.body?.cancel();
    // A claim left by a run that died is taken over after five minutes.
    await claim(new Date(Date.now() - 6 * 60_000));
    await buildPackage(YEAR);
    const rebuilt = await api(`/api/v1/editions/${YEAR}/package`);
    expect(rebuilt.status).toBe(200);
    await rebuilt.arrayBuffer();
  });

  it('exists only for published editions', async () => {
    await addEdition(2026, 'open');
    const open = await api('/api/v1/editions/2026/package');
    expect(open.status).toBe(404);
    expect(
      ((await open.json()) as { error: { fields: Record<string, string> } }).error.fields,
    ).toEqual({
      year: 'The 2026 edition is open.',
    });
    expect((await api('/api/v1/editions/2099/package')).status).toBe(404);
    expect((await api('/api/v1/editions/abc/package')).status).toBe(400);
  });

  it('answers any hostile year with a 4xx that names it, and leaves the package as it was', async () => {
    const before = await env.EXPORTS.head(`packages/${YEAR}.zip`);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.integer().map(String)), async (year) => {
        const res = await api(`/api/v1/editions/${encodeURIComponent(year)}/package`);
        if (res.status === 200) {
          expect(Number(year)).toBe(YEAR);
          await res.body?.cancel();
          return;
        }
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        const body = (await res.json()) as { error: { fields?: Record<string, string> } };
        // Only a path that matches no route (an empty year) gets a 404 without fields.
        if (res.status !== 404 || body.error.fields)
          expect(Object.keys(body.error.fields ?? {}).join()).toMatch(/year/);
      }),
      { numRuns: 60 },
    );
    expect((await env.EXPORTS.head(`packages/${YEAR}.zip`))?.etag).toBe(before?.etag);
  });
  it('lists in the changelog every code added or removed between editions', async () => {
    const year = 2039;
    await addEdition(year, 'published', { publishedOn: `${year + 1}-01-10`, demo: true });
    await insertDemoResponses(2026, 900, year);
    await release(year, 'final');
    await buildPackage(year);
    const served = await download(year);
    const changelog = served.files['CHANGELOG.md']!;
    const changes = codeChanges(getQuestionnaire('2024.1')!, getQuestionnaire('2026.1')!);
    const codes = [
      ...changes.addedQuestions.map((c) => `added question \`${c}\``),
      ...changes.removedQuestions.map((c) => `removed question \`${c}\``),
      ...changes.addedOptions.map((c) => `added option \`${c}\``),
      ...changes.removedOptions.map((c) => `removed option \`${c}\``),
    ];
    expect(changes.addedQuestions).toEqual([
      'work.disconnect_holidays',
      'exposure.support_after_attack',
      'support.disconnect_policy',
    ]);
    for (const line of codes) expect(changelog).toContain(line);
    // Each earlier edition with the levels its own package released.
    expect(changelog).toContain(`## ${YEAR} — questionnaire 2024.1`);
    expect(changelog).toContain(`## ${year} — questionnaire 2026.1`);
    for (const l of pkg.risk.levels) {
      expect(changelog).toContain(`| \`${l.question}\` | ${l.level} |`);
    }
    expect(served.descriptor.version).toMatch(new RegExp(`^${year}\\.\\d+\\.0$`));
  }, 60_000);
});
