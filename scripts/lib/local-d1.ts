/**
 * Opens the local D1 database that wrangler and miniflare keep on disk, with
 * Node's built-in SQLite. Bulk scripts write to it directly because going
 * through the D1 HTTP shim would take minutes for 100,000 responses.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

export const DEFAULT_PERSIST_DIR = '.wrangler/state';

export function localD1Path(persistDir = DEFAULT_PERSIST_DIR): string {
  const dir = join(persistDir, 'v3', 'd1', 'miniflare-D1DatabaseObject');
  const files = existsSync(dir)
    ? readdirSync(dir).filter((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite')
    : [];
  if (files.length !== 1) {
    throw new Error(
      files.length === 0
        ? `No local D1 database under ${dir}. Run "npm run db:migrate" first.`
        : `Several local D1 databases under ${dir}; expected one.`,
    );
  }
  return join(dir, files[0]!);
}

export function openLocalD1(persistDir?: string): DatabaseSync {
  const db = new DatabaseSync(localD1Path(persistDir));
  const migrated = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'editions'")
    .get();
  if (!migrated) throw new Error('The local D1 has no schema. Run "npm run db:migrate" first.');
  db.exec('PRAGMA foreign_keys = ON');
  return db;
}
