// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Db } from '$api/lib/db.server';

declare global {
  namespace App {
    interface Error {
      message: string;
    }
    interface Locals {
      /** The request's D1 handle, set once by hooks.server.ts. */
      db: Db;
    }
    interface Platform {
      env: Env;
      ctx: ExecutionContext;
      caches: CacheStorage;
    }
  }
}

export {};
