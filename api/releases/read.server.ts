/**
 * Public findings: read from the edition's current release only (docs/adr/006-releases.md), with
 * one indexed lookup per output. Nothing here reads responses, so between two releases nothing
 * public changes, whatever is submitted or withdrawn.
 */
import { eq } from 'drizzle-orm';
import { editions, type Release } from '../../db/schema.server';
import type { Db } from '../lib/db.server';
import { ApiError } from '../lib/errors';
import type { AuditReport } from './build.server';
import type { ReleaseChanges } from './changes';
import {
  CROSSTAB_OUTPUT,
  SUMMARY_OUTPUT,
  currentRelease,
  latestAttempt,
  publishedReleases,
  readOutput,
} from './queries.server';
import { getQuestionnaire } from '../survey/questionnaires';
import { crosstabAxes, oriented, pairKey, type Crosstab } from '../findings/crosstab';
import type { Summary } from '../findings/summary';

/** How a release is cited beside each figure. */
export interface ReleaseRef {
  number: number;
  releasedOn: string;
  kind: Release['kind'];
}

const refOf = (r: Release): ReleaseRef => ({
  number: r.number,
  releasedOn: r.releasedOn,
  kind: r.kind,
});

/**
 * The edition of `year` with its current release, or a 404 naming the year: unopened editions
 * have no findings, and an open one has none until its first release.
 */
export async function findingsEdition(db: Db, year: number) {
  const edition = await db.query.editions.findFirst({ where: eq(editions.year, year) });
  const questionnaire = edition && getQuestionnaire(edition.questionnaireVersion);
  if (!edition || !questionnaire || edition.status === 'draft') {
    throw new ApiError(404, 'edition_not_found', `There are no findings for ${year}.`, {
      year: 'No findings for this year.',
    });
  }
  const release = await currentRelease(db, year);
  if (!release) {
    throw new ApiError(
      404,
      'no_release_yet',
      `The ${year} edition has no release yet: its first figures are published once ${edition.releaseThreshold} responses have arrived.`,
      { year: 'No release yet.' },
    );
  }
  return { edition, questionnaire, release };
}

export async function getSummary(db: Db, year: number): Promise<Summary & { release: ReleaseRef }> {
  const { release } = await findingsEdition(db, year);
  const summary = await readOutput<Summary>(db, release.id, SUMMARY_OUTPUT);
  if (!summary) throw new Error(`Release ${release.id} has no summary`);
  return { ...summary, release: refOf(release) };
}

export async function getCrosstab(
  db: Db,
  year: number,
  row: string,
  col: string,
): Promise<Crosstab & { release: ReleaseRef }> {
  const { questionnaire, release } = await findingsEdition(db, year);
  const axes = crosstabAxes(questionnaire);
  const isRow = (code: string) => axes.rows.some((a) => a.code === code);
  const isCol = (code: string) => axes.cols.some((a) => a.code === code);
  const [dimension, other] = isRow(row) ? [row, col] : [col, row];
  if (!isRow(dimension) || !isCol(other)) {
    const explain = `Cross one of ${axes.rows.map((a) => a.code).join(', ')} with a single-choice question outside the profile.`;
    const fields: Record<string, string> = {};
    if (!isRow(row) && !isCol(row)) fields.row = explain;
    if (!isRow(col) && !isCol(col)) fields.col = explain;
    if (Object.keys(fields).length === 0) fields.col = explain;
    throw new ApiError(400, 'invalid_question', 'These questions cannot be crossed.', fields);
  }
  const key = pairKey(dimension, other);
  const table = await readOutput<Crosstab>(db, release.id, CROSSTAB_OUTPUT, key);
  if (!table) throw new Error(`Release ${release.id} has no cross-tab ${key}`);
  return { ...oriented(table, row), release: refOf(release) };
}

/** An indicator across the editions that have a release, oldest first. */
/** Each opened edition's current release summary, oldest first: what trends read across editions. */
async function currentSummaries(db: Db) {
  const list = await db.query.editions.findMany({ orderBy: (e, { asc }) => [asc(e.year)] });
  const all = [];
  for (const edition of list) {
    if (edition.status === 'draft' || !getQuestionnaire(edition.questionnaireVersion)) continue;
    const release = await currentRelease(db, edition.year);
    if (!release) continue;
    const summary = await readOutput<Summary>(db, release.id, SUMMARY_OUTPUT);
    if (summary)
      all.push({
        edition: edition.year,
        provisional: release.kind === 'provisional',
        release: refOf(release),
        summary,
      });
  }
  return all;
}

export async function getTrend(db: Db, code: string) {
  return (await currentSummaries(db)).flatMap(({ summary, ...point }) => {
    const figure = summary.indicators.find((i) => i.code === code);
    return figure ? [{ ...point, ...figure }] : [];
  });
}

/** A question's figures in every edition that asked it: its code means the same across them. */
export async function getQuestionTrend(db: Db, code: string) {
  return (await currentSummaries(db)).flatMap(({ summary, ...point }) => {
    const figure = summary.questions.find((q) => q.code === code);
    return figure ? [{ ...point, k: summary.k, figure }] : [];
  });
}

/** The releases page: each published release of an edition, newest first, with what changed. */
export async function listReleases(db: Db, year: number) {
  const edition = await db.query.editions.findFirst({ where: eq(editions.year, year) });
  if (!edition || edition.status === 'draft')
    throw new ApiError(404, 'edition_not_found', `There is no ${year} edition.`, {
      year: 'Unknown edition.',
    });
  return (await publishedReleases(db, year)).map((r) => ({
    ...refOf(r),
    n: r.publicN,
    changes: JSON.parse(r.changesJson) as ReleaseChanges,
  }));
}

/** For the admin: the current release, and the cells named by the audit if the last try was refused. */
export async function releaseStatus(db: Db, year: number) {
  const [current, attempt] = await Promise.all([currentRelease(db, year), latestAttempt(db, year)]);
  const refused =
    attempt?.status === 'refused'
      ? (JSON.parse(attempt.auditJson) as AuditReport).findings.map((f) => f.target)
      : null;
  return { current: current ? refOf(current) : null, refused };
}
