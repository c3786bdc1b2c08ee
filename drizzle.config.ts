import { defineConfig } from 'drizzle-kit';

// Flat SQL files that `wrangler d1 migrations apply` reads as they are.
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema.server.ts',
  out: './db/migrations',
});
