import { drizzle } from 'drizzle-orm/d1';
import * as schema from '../../db/schema.server';

/** A drizzle handle for one request; queries are functions that take it. */
export function getDb(d1: D1Database) {
  return drizzle(d1, { schema });
}

export type Db = ReturnType<typeof getDb>;

/** Raw SQL for queries drizzle does not express (grouped aggregates, index hints): rows as objects. */
export async function allRows<T>(db: Db, sql: string, ...params: unknown[]): Promise<T[]> {
  return (
    await db.$client
      .prepare(sql)
      .bind(...params)
      .all<T>()
  ).results;
}

/** The same as arrays, which cost less memory when a query returns many rows. */
export async function rawRows<T extends unknown[]>(
  db: Db,
  sql: string,
  ...params: unknown[]
): Promise<T[]> {
  return db.$client
    .prepare(sql)
    .bind(...params)
    .raw<T>();
}
