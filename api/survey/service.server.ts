/**
 * The survey's use cases, shared by the JSON API and the form pages:
 * which edition takes answers, atomic submission with idempotent retries,
 * withdrawal, and server-side drafts.
 */
import { and, eq, isNotNull, lt, ne } from 'drizzle-orm';
import { answers as answersTable, editions, responses, surveyDrafts } from '../../db/schema.server';
import { ApiError } from '../lib/errors';
import type { Db } from '../lib/db.server';
import { randomCode, randomId48, sealCode, sha256Hex, unsealCode } from '../lib/crypto';
import {
  CHECKPOINT_FILL_PAGES,
  fill,
  fillerTable,
  overwriteWal,
  zeroed,
} from '../lib/erasure.server';
import { isoWeek } from '../lib/iso-week';
import type { Questionnaire } from './model';
import { getQuestionnaire } from './questionnaires';
import { matchesFrozenHash } from './questionnaires/hash';
import { toAnswerRows, type Answers } from './answers';

export const DRAFT_LIFETIME_DAYS = 30;
/** D1 binds at most 100 parameters per statement; an answer row takes 6. */
const ANSWER_ROWS_PER_INSERT = 16;

export { questionnaireHash } from './questionnaires/hash';

export type SurveyEdition = typeof editions.$inferSelect & { questionnaire: Questionnaire };

/** The edition of `year` with its questionnaire, or a 404 naming the year. */
export async function findEdition(db: Db, year: number): Promise<SurveyEdition> {
  const edition = await db.query.editions.findFirst({ where: eq(editions.year, year) });
  const questionnaire = edition && getQuestionnaire(edition.questionnaireVersion);
  if (!edition || !questionnaire) {
    throw new ApiError(404, 'edition_not_found', `There is no ${year} edition of the survey.`, {
      year: 'No edition for this year.',
    });
  }
  return { ...edition, questionnaire };
}

/** An edition that takes answers now; otherwise a 409 that says when it opens or that it closed. */
export async function openEdition(db: Db, year: number): Promise<SurveyEdition> {
  const edition = await findEdition(db, year);
  if (edition.status !== 'open') {
    const when =
      edition.status === 'draft' ? `opens on ${edition.opensOn}` : `closed on ${edition.closesOn}`;
    throw new ApiError(409, 'edition_not_open', `The ${year} edition is not open: it ${when}.`, {
      year: `The edition ${when}.`,
    });
  }
  // An opened questionnaire is frozen: answers to another version would not compare.
  if (
    edition.questionnaireHash &&
    !(await matchesFrozenHash(edition.questionnaireHash, edition.questionnaire))
  ) {
    throw new Error(
      `The questionnaire ${edition.questionnaireVersion} changed after the ${year} edition opened.`,
    );
  }
  return edition;
}

export interface Submission {
  withdrawalCode: string;
  /** True when this key had already stored a response: nothing new was written. */
  replayed: boolean;
}

/** The submission already stored under this Idempotency-Key, if any. */
export async function previousSubmission(
  db: Db,
  idempotencyKey: string,
): Promise<Submission | null> {
  const keyHash = await sha256Hex(`idempotency:${idempotencyKey}`);
  const previous = await db.query.responses.findFirst({
    where: eq(responses.idempotencyHash, keyHash),
    columns: { withdrawalSealed: true },
  });
  if (!previous?.withdrawalSealed) return null;
  return {
    withdrawalCode: await unsealCode(previous.withdrawalSealed, idempotencyKey),
    replayed: true,
  };
}

const isUniqueViolation = (error: unknown) =>
  String((error as { cause?: unknown })?.cause ?? error).includes('UNIQUE constraint failed');

/**
 * Stores a response and all its answers in one atomic batch. `answers` must
 * have passed validateAnswers. The same Idempotency-Key returns the same
 * withdrawal code and stores nothing new, even when two requests race.
 */
export async function submitResponse(
  db: Db,
  edition: SurveyEdition,
  answers: Answers,
  idempotencyKey: string,
  now = new Date(),
): Promise<Submission> {
  const previous = await previousSubmission(db, idempotencyKey);
  if (previous) return previous;

  const withdrawalCode = randomCode();
  const id = randomId48();
  const week = isoWeek(now);
  const rows = toAnswerRows(edition.questionnaire, answers).map((row) => ({
    ...row,
    responseId: id,
    editionYear: edition.year,
  }));
  const answerInserts = [];
  for (let i = 0; i < rows.length; i += ANSWER_ROWS_PER_INSERT) {
    answerInserts.push(db.insert(answersTable).values(rows.slice(i, i + ANSWER_ROWS_PER_INSERT)));
  }
  try {
    await db.batch([
      // Keys only need to outlive a retry: forget those of earlier weeks.
      db
        .update(responses)
        .set({ idempotencyHash: null, withdrawalSealed: null })
        .where(and(isNotNull(responses.idempotencyHash), lt(responses.submittedWeek, week))),
      db.insert(responses).values({
        id,
        editionYear: edition.year,
        submittedWeek: week,
        withdrawalHash: await sha256Hex(withdrawalCode),
        idempotencyHash: await sha256Hex(`idempotency:${idempotencyKey}`),
        withdrawalSealed: await sealCode(withdrawalCode, idempotencyKey),
      }),
      ...answerInserts,
    ]);
  } catch (error) {
    // Another request with the same key won the race: answer as it did.
    if (isUniqueViolation(error)) {
      const raced = await previousSubmission(db, idempotencyKey);
      if (raced) return raced;
    }
    throw error;
  }
  return { withdrawalCode, replayed: false };
}

export type Withdrawal = 'deleted' | 'excluded';

/**
 * Withdraws the response behind a code. Before publication it is deleted;
 * after, the published figures are frozen, so it is only excluded from
 * future exports, and its free-text answers, which no figure uses, are
 * deleted. Either way its text leaves no trace in the database files
 * (api/lib/erasure.server.ts). Returns null when no response has that code.
 */
export async function withdrawResponse(db: Db, withdrawalCode: string): Promise<Withdrawal | null> {
  const hash = await sha256Hex(withdrawalCode);
  const found = await db
    .select({ id: responses.id, status: editions.status, withdrawn: responses.withdrawn })
    .from(responses)
    .innerJoin(editions, eq(editions.year, responses.editionYear))
    .where(eq(responses.withdrawalHash, hash))
    .get();
  if (!found) return null;
  const texts = and(eq(answersTable.responseId, found.id), isNotNull(answersTable.textValue));
  const outcome: Withdrawal = found.status === 'published' ? 'excluded' : 'deleted';
  await db.batch([
    fillerTable(db),
    // Overwritten in place first, so what the deletion frees holds zeros.
    db
      .update(answersTable)
      .set({ textValue: zeroed(answersTable.textValue) })
      .where(texts),
    ...(outcome === 'excluded'
      ? [
          db.delete(answersTable).where(texts),
          db.update(responses).set({ withdrawn: true }).where(eq(responses.id, found.id)),
        ]
      : [db.delete(responses).where(eq(responses.id, found.id))]),
    fill(db, CHECKPOINT_FILL_PAGES),
  ]);
  await overwriteWal(db);
  return outcome;
}

export interface Draft {
  editionYear: number;
  answers: Answers;
  section: string | null;
}

const day = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);

/**
 * An expired draft's answers are erased at the first new draft after it expires; its row, then
 * only a hash, an edition and a day, stays this many days more, so that its resume link can say
 * it expired rather than that it is unknown.
 */
export const EXPIRED_DRAFT_KEPT_DAYS = 90;

/**
 * Starts a draft and returns its resume code, which only the respondent keeps.
 * Expired drafts' answers go first, overwritten before they are emptied.
 */
export async function createDraft(db: Db, year: number, now = new Date()): Promise<string> {
  const resumeCode = randomCode();
  const unerased = and(lt(surveyDrafts.expiresOn, day(now)), ne(surveyDrafts.answersJson, ''));
  await db.batch([
    db
      .update(surveyDrafts)
      .set({ answersJson: zeroed(surveyDrafts.answersJson) })
      .where(unerased),
    db.update(surveyDrafts).set({ answersJson: '', section: null }).where(unerased),
    db
      .delete(surveyDrafts)
      .where(lt(surveyDrafts.expiresOn, day(addDays(now, -EXPIRED_DRAFT_KEPT_DAYS)))),
    db.insert(surveyDrafts).values({
      resumeHash: await sha256Hex(resumeCode),
      editionYear: year,
      expiresOn: day(addDays(now, DRAFT_LIFETIME_DAYS)),
    }),
  ]);
  return resumeCode;
}

export async function loadDraft(
  db: Db,
  resumeCode: string,
  now = new Date(),
): Promise<Draft | null> {
  const found = await resumeDraft(db, resumeCode, now);
  return found.status === 'draft' ? found.draft : null;
}

/** What a resume code leads to: its draft, or why there is none. */
export type Resumed =
  { status: 'draft'; draft: Draft } | { status: 'expired' | 'submitted' | 'unknown' };

export async function resumeDraft(db: Db, resumeCode: string, now = new Date()): Promise<Resumed> {
  const row = await db.query.surveyDrafts.findFirst({
    where: eq(surveyDrafts.resumeHash, await sha256Hex(resumeCode)),
  });
  if (row && row.expiresOn < day(now)) return { status: 'expired' };
  if (row) {
    const answers = JSON.parse(row.answersJson) as Answers;
    return {
      status: 'draft',
      draft: { editionYear: row.editionYear, answers, section: row.section },
    };
  }
  // A sent survey's draft is deleted; its resume code is the submission's idempotency key.
  return { status: (await previousSubmission(db, resumeCode)) ? 'submitted' : 'unknown' };
}

/**
 * Saves the answers so far; each save gives the draft another 30 days. The
 * previous answers are overwritten in place first: a record of another size
 * is written elsewhere, and the old one would stay readable in free space.
 */
export async function saveDraft(
  db: Db,
  resumeCode: string,
  draft: Omit<Draft, 'editionYear'>,
  now = new Date(),
) {
  const mine = eq(surveyDrafts.resumeHash, await sha256Hex(resumeCode));
  await db.batch([
    db
      .update(surveyDrafts)
      .set({ answersJson: zeroed(surveyDrafts.answersJson) })
      .where(mine),
    db
      .update(surveyDrafts)
      .set({
        answersJson: JSON.stringify(draft.answers),
        section: draft.section,
        expiresOn: day(addDays(now, DRAFT_LIFETIME_DAYS)),
      })
      .where(mine),
  ]);
}

/** Deletes a submitted draft, overwritten first: its answers must go with a withdrawn response. */
export async function deleteDraft(db: Db, resumeCode: string) {
  const mine = eq(surveyDrafts.resumeHash, await sha256Hex(resumeCode));
  await db.batch([
    db
      .update(surveyDrafts)
      .set({ answersJson: zeroed(surveyDrafts.answersJson) })
      .where(mine),
    db.delete(surveyDrafts).where(mine),
  ]);
}
