/**
 * Creating editions and moving them through their lifecycle. Opening freezes
 * the questionnaire (its hash is kept); publishing freezes the figures (a
 * snapshot that later withdrawals no longer change). Every step is audited.
 */
import { eq } from 'drizzle-orm';
import { aggregates, auditLog, editions, type EditionStatus } from '../../db/schema';
import type { Db } from '../lib/db';
import { ApiError } from '../lib/errors';
import { PUBLISHED_SNAPSHOT, computeSummary } from '../findings/service';
import { auditEntry, type StaffMember } from '../staff/service';
import { getQuestionnaire } from '../survey/questionnaires';
import { questionnaireHash } from '../survey/service';
import { allowedTransitions, canTransition } from './lifecycle';
import { publishedEdition } from './package';
import { storePackage, type PackageStore } from './storage';

export interface NewEdition {
  year: number;
  questionnaireVersion: string;
  opensOn: string;
  closesOn: string;
  k: number;
}

export async function createEdition(
  db: Db,
  member: StaffMember,
  input: NewEdition,
  now = new Date(),
) {
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
  store: PackageStore,
  member: StaffMember,
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
  const statements = [];
  if (to === 'published') {
    changes.publishedOn = now.toISOString().slice(0, 10);
    const summary = await computeSummary(db, { ...edition, status: 'published' }, questionnaire);
    const row = {
      dataVersion: edition.dataVersion,
      payloadJson: JSON.stringify(summary),
      computedAt: now.toISOString(),
    };
    statements.push(
      db
        .insert(aggregates)
        .values({ editionYear: year, kind: PUBLISHED_SNAPSHOT, key: '', ...row })
        .onConflictDoUpdate({
          target: [aggregates.editionYear, aggregates.kind, aggregates.key],
          set: row,
        }),
    );
  }
  await db.batch([
    db.update(editions).set(changes).where(eq(editions.year, year)),
    ...statements,
    db
      .insert(auditLog)
      .values(auditEntry(member, `edition.${to}`, String(year), { from: edition.status }, now)),
  ]);
  if (to === 'published') await publishPackage(db, store, year);
  return { year, status: to };
}

/**
 * The package is built once the edition is published, since only published editions have one.
 * If building fails the publication stands: the first download builds it again.
 */
async function publishPackage(db: Db, store: PackageStore, year: number) {
  try {
    await storePackage(db, store, await publishedEdition(db, year));
  } catch (error) {
    console.error(`The ${year} data package was not built at publication`, error);
  }
}
