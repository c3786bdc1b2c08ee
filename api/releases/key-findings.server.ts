/**
 * Key findings as the pages show them: the edition's current release, compared with the previous
 * edition's final release. Like every public read (api/releases/read.server.ts), it reads stored
 * release outputs only, never responses.
 */
import { and, desc, eq, lt } from 'drizzle-orm';
import { editions, releases, type Release } from '../../db/schema.server';
import type { Db } from '../lib/db.server';
import { ApiError } from '../lib/errors';
import { SUMMARY_OUTPUT, currentRelease, readOutput } from './queries.server';
import { getSummary, type ReleaseRef } from './read.server';
import { keyFindings, type KeyFinding } from '../findings/key-findings';
import type { Summary } from '../findings/summary';

export interface KeyFindings {
  edition: number;
  provisional: boolean;
  /** The release the sentences' figures come from, cited beside them. */
  release: ReleaseRef;
  /** The release the changes are measured from; null for the first edition. */
  previous: { edition: number; release: ReleaseRef } | null;
  findings: KeyFinding[];
}

const refOf = (r: Release): ReleaseRef => ({
  number: r.number,
  releasedOn: r.releasedOn,
  kind: r.kind,
});

/**
 * The final release of the latest edition before `year` that has one, with its summary. A
 * provisional release is no baseline: its figures may still move, and a change measured from
 * them would move with them.
 */
export async function previousFinalSummary(
  db: Db,
  year: number,
): Promise<{ summary: Summary; release: ReleaseRef } | null> {
  const release = await db.query.releases.findFirst({
    where: and(
      lt(releases.editionYear, year),
      eq(releases.status, 'published'),
      eq(releases.kind, 'final'),
    ),
    orderBy: [desc(releases.editionYear), desc(releases.id)],
  });
  if (!release) return null;
  const summary = await readOutput<Summary>(db, release.id, SUMMARY_OUTPUT);
  if (!summary) throw new Error(`Release ${release.id} has no summary`);
  return { summary, release: refOf(release) };
}

/**
 * The key findings of an edition whose released summary the caller already holds (the edition
 * page loads it anyway): only the previous edition's summary is read.
 */
export async function keyFindingsOf(
  db: Db,
  summary: Summary & { release: ReleaseRef },
): Promise<KeyFindings> {
  const previous = await previousFinalSummary(db, summary.edition);
  return {
    edition: summary.edition,
    provisional: summary.provisional,
    release: summary.release,
    previous: previous && { edition: previous.summary.edition, release: previous.release },
    findings: keyFindings(summary, previous?.summary ?? null),
  };
}

/** The key findings of the edition of `year`; a 404 ApiError as getSummary throws it when it has none. */
export async function getKeyFindings(db: Db, year: number): Promise<KeyFindings> {
  return keyFindingsOf(db, await getSummary(db, year));
}

/**
 * The key findings the home page opens with: the latest edition whose figures are final, or
 * failing that the latest with a provisional release; null before any release.
 */
export async function latestKeyFindings(db: Db): Promise<KeyFindings | null> {
  const list = await db.query.editions.findMany({
    columns: { year: true, status: true },
    orderBy: desc(editions.year),
  });
  let provisional: number | null = null;
  for (const edition of list) {
    if (edition.status === 'draft') continue;
    const release = await currentRelease(db, edition.year);
    if (!release) continue;
    if (release.kind === 'final') return keyFindingsOrNull(db, edition.year);
    provisional ??= edition.year;
  }
  return provisional === null ? null : keyFindingsOrNull(db, provisional);
}

// An edition whose questionnaire version is unknown has no findings (findingsEdition): the home
// page then shows none rather than failing.
async function keyFindingsOrNull(db: Db, year: number): Promise<KeyFindings | null> {
  try {
    return await getKeyFindings(db, year);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}
