import type { Db } from '../lib/db.server';
import { ApiError } from '../lib/errors';
import { getSummary } from '../releases/read.server';

/** The edition's last release, or null before its first one. */
export async function lastRelease(db: Db, year: number) {
  try {
    return await getSummary(db, year);
  } catch (e) {
    if (e instanceof ApiError && e.code === 'no_release_yet') return null;
    throw e;
  }
}
