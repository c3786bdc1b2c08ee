import type { Db } from './db.server';

/** The Hono environment of every sub-app: the Worker's bindings, and the request's database. */
export interface AppEnv {
  Bindings: Env;
  Variables: { db: Db };
}
