/**
 * Creating editions and moving them through their lifecycle. Opening freezes
 * the questionnaire (its hash is kept); publishing asks the release job for
 * the final release, which freezes the figures and builds the data package.
 * Every step is audited.
 */
import { freezeQuotes } from '../report/quotes.server';
import { and, asc, eq } from 'drizzle-orm';
import { aggregates, auditLog, editions, type Edition } from '../../db/schema.server';
import { type EditionStatus } from '../../db/enums';
import { sha256Hex } from '../lib/crypto';
import type { Db } from '../lib/db.server';
import { ApiError } from '../lib/errors';
import { auditEntry, type Actor } from '../audit/log.server';
import { getQuestionnaire } from '../survey/questionnaires';
import { questionnaireHash } from '../survey/service.server';
import { releaseDecision } from '../releases/policy';
import { currentRelease } from '../releases/queries.server';
import { L_DIVERSITY, SEARCH_BUDGET } from '../publication/anonymise';
import { allowedTransitions, canTransition } from './lifecycle';
import { assessEdition } from '../publication/package.server';
import type { DisclosureRisk } from '../publication/risk';

/** Every edition, oldest first, as the admin page lists them. */
export async function listEditions(db: Db): Promise<Edition[]> {
  return db.select().from(editions).orderBy(asc(editions.year));
}

export interface NewEdition {
  year: number;
  questionnaireVersion: string;
  opensOn: string;
  closesOn: string;
  k: number;
  /** R: new responses between two provisional releases; at least k. */
  releaseThreshold: number;
}

export async function createEdition(db: Db, member: Actor, input: NewEdition, now = new Date()) {
  if (!getQuestionnaire(input.questionnaireVersion)) {
    throw new ApiError(400, 'unknown_questionnaire', 'No questionnaire has this version.', {
      questionnaireVersion: 'Unknown version.',
    });
  }
  if (await db.query.editions.findFirst({ where: eq(editions.year, input.year) })) {
    throw new ApiError(409, 'edition_exists', `The ${input.year} edition already exists.`, {
      year: 'Already exists.',
    });
  }
  await db.batch([
    db.insert(editions).values({ ...input, status: 'draft' }),
    db
      .insert(auditLog)
      .values(auditEntry(member, 'edition.create', String(input.year), input, now)),
  ]);
}

export async function transitionEdition(
  db: Db,
  member: Actor,
  year: number,
  to: EditionStatus,
  now = new Date(),
) {
  const edition = await db.query.editions.findFirst({ where: eq(editions.year, year) });
  if (!edition)
    throw new ApiError(404, 'edition_not_found', `There is no ${year} edition.`, {
      year: 'Unknown edition.',
    });
  if (!canTransition(edition.status, to)) {
    const allowed = allowedTransitions(edition.status);
    throw new ApiError(
      409,
      'illegal_transition',
      `A ${edition.status} edition cannot become ${to}.`,
      {
        to: allowed.length
          ? `From ${edition.status}: ${allowed.join(' or ')}.`
          : `A ${edition.status} edition is final.`,
      },
    );
  }
  const questionnaire = getQuestionnaire(edition.questionnaireVersion)!;
  const changes: Partial<typeof editions.$inferInsert> = { status: to };
  if (to === 'open' && !edition.questionnaireHash)
    changes.questionnaireHash = await questionnaireHash(questionnaire);
  if (to === 'published') {
    changes.publishedOn = now.toISOString().slice(0, 10);
    changes.releaseRequested = 'final';
  }
  await db.batch([
    db.update(editions).set(changes).where(eq(editions.year, year)),
    // Publishing keeps the report's quotes: the next testimony published does not change it.
    ...(to === 'published' ? await freezeQuotes(db, year) : []),
    db
      .insert(auditLog)
      .values(auditEntry(member, `edition.${to}`, String(year), { from: edition.status }, now)),
  ]);
  return { year, status: to };
}

/**
 * An admin asks for a provisional release now rather than at the next daily tick. Refused, with
 * the reason, unless the threshold is met; the release job builds it within minutes.
 */
export async function requestRelease(db: Db, member: Actor, year: number, now = new Date()) {
  const edition = await db.query.editions.findFirst({ where: eq(editions.year, year) });
  if (!edition)
    throw new ApiError(404, 'edition_not_found', `There is no ${year} edition.`, {
      year: 'Unknown edition.',
    });
  const decision = releaseDecision(edition, await currentRelease(db, year), 'provisional');
  if (!decision.ok)
    throw new ApiError(409, 'release_not_due', decision.reason, { year: decision.reason });
  await db.batch([
    db.update(editions).set({ releaseRequested: 'provisional' }).where(eq(editions.year, year)),
    db.insert(auditLog).values(auditEntry(member, 'release.request', String(year), null, now)),
  ]);
  return { year, requested: 'provisional' as const };
}

const RISK_KIND = 'disclosure_risk';

/**
 * The disclosure-risk report the edition's package would carry if it were built now, for the
 * admin to read before publishing. Assessing reads every response, so the report is kept per
 * data version and per fingerprint of what the release depends on besides the data (the
 * questionnaire with its generalisation levels, k, l, the search budget).
 */
export async function editionRisk(db: Db, edition: Edition): Promise<DisclosureRisk> {
  const fingerprint = await sha256Hex(
    JSON.stringify([
      getQuestionnaire(edition.questionnaireVersion),
      edition.k,
      L_DIVERSITY,
      SEARCH_BUDGET,
    ]),
  );
  const hit = await db.query.aggregates.findFirst({
    where: and(eq(aggregates.editionYear, edition.year), eq(aggregates.kind, RISK_KIND)),
    columns: { dataVersion: true, payloadJson: true },
  });
  if (hit?.dataVersion === edition.dataVersion) {
    const stored = JSON.parse(hit.payloadJson) as { fingerprint: string; risk: DisclosureRisk };
    if (stored.fingerprint === fingerprint) return stored.risk;
  }
  const { risk } = await assessEdition(db, edition);
  const row = {
    dataVersion: edition.dataVersion,
    payloadJson: JSON.stringify({ fingerprint, risk }),
    computedAt: new Date().toISOString(),
  };
  await db
    .insert(aggregates)
    .values({ editionYear: edition.year, kind: RISK_KIND, key: '', ...row })
    .onConflictDoUpdate({
      target: [aggregates.editionYear, aggregates.kind, aggregates.key],
      set: row,
    });
  return risk;
}
