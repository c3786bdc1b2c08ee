/** Reading and writing releases and their outputs. */
import { and, desc, eq } from 'drizzle-orm';
import { releaseOutputs, releases, type Release } from '../../db/schema.server';
import type { Db } from '../lib/db.server';

export const SUMMARY_OUTPUT = 'summary';
export const CROSSTAB_OUTPUT = 'crosstab';

/** The release the public sees for an edition: its latest published one. */
export async function currentRelease(db: Db, year: number): Promise<Release | undefined> {
  return db.query.releases.findFirst({
    where: and(eq(releases.editionYear, year), eq(releases.status, 'published')),
    orderBy: desc(releases.id),
  });
}

/** The latest release of any status, published or refused. */
export async function latestAttempt(db: Db, year: number): Promise<Release | undefined> {
  return db.query.releases.findFirst({
    where: eq(releases.editionYear, year),
    orderBy: desc(releases.id),
  });
}

/** Published releases of an edition, newest first. */
export async function publishedReleases(db: Db, year: number): Promise<Release[]> {
  return db.query.releases.findMany({
    where: and(eq(releases.editionYear, year), eq(releases.status, 'published')),
    orderBy: desc(releases.id),
  });
}

export async function readOutput<T>(
  db: Db,
  releaseId: number,
  kind: string,
  key = '',
): Promise<T | undefined> {
  const row = await db.query.releaseOutputs.findFirst({
    where: and(
      eq(releaseOutputs.releaseId, releaseId),
      eq(releaseOutputs.kind, kind),
      eq(releaseOutputs.key, key),
    ),
    columns: { payloadJson: true },
  });
  return row && (JSON.parse(row.payloadJson) as T);
}

/** Every output of a release of one kind, by key. */
export async function readOutputs<T>(
  db: Db,
  releaseId: number,
  kind: string,
): Promise<Map<string, T>> {
  const rows = await db.query.releaseOutputs.findMany({
    where: and(eq(releaseOutputs.releaseId, releaseId), eq(releaseOutputs.kind, kind)),
    columns: { key: true, payloadJson: true },
  });
  return new Map(rows.map((r) => [r.key, JSON.parse(r.payloadJson) as T]));
}

export interface NewOutput {
  kind: string;
  key: string;
  payload: unknown;
}

/**
 * Stores a release and its outputs in one batch (a transaction in D1), so a release is either
 * whole or absent: its id is chosen up front, since the outputs refer to it. Only the release job
 * writes releases, one at a time. D1 binds at most 100 parameters per statement: outputs go 20 to
 * a statement (4 parameters each).
 */
export async function insertRelease(
  db: Db,
  release: Omit<Release, 'id'>,
  outputs: NewOutput[],
): Promise<number> {
  const [last] = await db
    .select({ id: releases.id })
    .from(releases)
    .orderBy(desc(releases.id))
    .limit(1);
  const id = (last?.id ?? 0) + 1;
  const rows = outputs.map((o) => ({
    releaseId: id,
    kind: o.kind,
    key: o.key,
    payloadJson: JSON.stringify(o.payload),
  }));
  const statements = [];
  for (let i = 0; i < rows.length; i += 20)
    statements.push(db.insert(releaseOutputs).values(rows.slice(i, i + 20)));
  await db.batch([db.insert(releases).values({ ...release, id }), ...statements]);
  return id;
}
