/**
 * Erasure that leaves nothing readable in the SQLite files (docs/architecture.md, privacy rules:
 * withdrawn data leaves no trace). SQLite does not wipe what it deletes: a
 * deleted record stays in its page as free space, a freed page keeps its
 * bytes, and every page written sits in the write-ahead log until the log
 * wraps around. `PRAGMA secure_delete` would wipe the first two, but D1
 * refuses every such pragma (SQLITE_AUTH), refuses VACUUM (it runs each query
 * in a transaction) and, in defensive mode, any write or trigger on the
 * full-text index's shadow tables. So erasure is done with ordinary SQL:
 *
 * 1. `zeroed()`: before a text is deleted or replaced, it is overwritten by
 *    the same number of bytes of '0'. A record of unchanged size is rewritten
 *    in place by SQLite, overflow pages included, so the free space it leaves
 *    holds zeros (checked in tests/e2e/traces.test.ts).
 * 2. Pages freed by a withdrawal, such as those of the full-text index that
 *    is rebuilt, are taken back by zero-filled filler rows in the same
 *    transaction, so their old bytes are overwritten before anything else can
 *    reuse them with the old bytes left in its unused part.
 * 3. `overwriteWal()` then wraps the write-ahead log around over zeros.
 *
 * What this cannot reach: copies SQLite left in the unused part of a page
 * when it rebalanced the b-tree before the withdrawal. Production D1 also
 * keeps its own history (Time Travel, 30 days), which the privacy page states.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from './db.server';

/**
 * As many '0' bytes as the value holds (NULL stays NULL): setting a text
 * column to this keeps its record's size, so SQLite overwrites it in place.
 */
export const zeroed = (column: SQLiteColumn): SQL =>
  sql`CASE WHEN ${column} IS NULL THEN NULL ELSE replace(hex(zeroblob(length(CAST(${column} AS BLOB)))), '00', '0') END`;

/** D1's page size, and the size at which SQLite checkpoints and wraps its log (workerd keeps the default). */
const PAGE_BYTES = 4096;
const AUTOCHECKPOINT_PAGES = 1000;
/**
 * A filler row of 484 + 4092·k bytes keeps 489 bytes in its b-tree cell and
 * fills k overflow pages to the last byte, so no freed page it takes keeps a
 * tail of old bytes. 1.7 MB, under D1's 2 MB limit for a value.
 */
const FILLER_OVERFLOW_PAGES = 427;
const FILLER_ROW_BYTES = 484 + (PAGE_BYTES - 4) * FILLER_OVERFLOW_PAGES;
/**
 * Pages written after a checkpoint to wrap the log: a withdrawn text was
 * written by a small transaction that began before the log reached the
 * checkpoint size, so it lies within the first AUTOCHECKPOINT_PAGES frames
 * and a few more.
 */
const WAL_OVERWRITE_PAGES = AUTOCHECKPOINT_PAGES + 256;

const FILLER = 'erasure_filler';

/**
 * The filler table, created on first use. It comes first in a withdrawal's
 * batch, so its own page is never one that the withdrawal frees.
 */
export const fillerTable = (db: Db) =>
  db.run(sql.raw(`CREATE TABLE IF NOT EXISTS ${FILLER} (bytes BLOB NOT NULL)`));

/**
 * Zero-filled rows that take at least `pages` pages: first the pages most
 * recently freed (SQLite reuses those first), then new ones at the end of the
 * file. Over AUTOCHECKPOINT_PAGES, the commit also checkpoints the log.
 */
export function fill(db: Db, pages: number) {
  const rows = Math.max(1, Math.ceil(pages / (FILLER_OVERFLOW_PAGES + 1)));
  return db.run(
    sql.raw(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${rows})
       INSERT INTO ${FILLER} (bytes) SELECT zeroblob(${FILLER_ROW_BYTES}) FROM n`,
    ),
  );
}

/** Enough filler for the commit of a withdrawal to checkpoint the log. */
export const CHECKPOINT_FILL_PAGES = AUTOCHECKPOINT_PAGES + 256;

/**
 * Wraps the write-ahead log around over zeros; run after a withdrawal whose
 * batch ended with `fill(CHECKPOINT_FILL_PAGES)` or more, so the log was just
 * checkpointed. The next transaction writes the log from its start again: one
 * of WAL_OVERWRITE_PAGES zeroed pages covers every frame that held the
 * withdrawn text. The filler is then let go: its pages stay free, and zero.
 */
export async function overwriteWal(db: Db): Promise<void> {
  try {
    await db.batch([
      fillerTable(db),
      db.run(sql.raw(`DELETE FROM ${FILLER}`)),
      fill(db, WAL_OVERWRITE_PAGES),
    ]);
    await db.run(sql.raw(`DELETE FROM ${FILLER}`));
  } catch (error) {
    // The withdrawal itself is committed: failing the request now would tell
    // the respondent it was not. The next withdrawal wraps the log again.
    console.error('Overwriting the write-ahead log after a withdrawal failed', error);
  }
}

/** Pages at least, with room for b-tree overhead, that `bytes` of stored values take. */
export const pagesFor = (bytes: number) => Math.ceil((2 * bytes) / PAGE_BYTES) + 16;
