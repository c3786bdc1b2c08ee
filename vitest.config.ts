import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { siteverify } from './tests/api/turnstile-siteverify';

/** Unit and API tests run inside workerd, against a real local D1 with the migrations applied. */
export default defineConfig(async () => {
  const migrations = await readD1Migrations('db/migrations');
  return {
    plugins: [
      cloudflareTest({
        main: './tests/api/worker.ts',
        wrangler: { configPath: './wrangler.toml' },
        miniflare: { bindings: { TEST_MIGRATIONS: migrations }, outboundService: siteverify },
      }),
    ],
    // The aliases of svelte.config.js, for modules shared with the pages.
    resolve: { alias: { $api: fileURLToPath(new URL('./api', import.meta.url)) } },
    test: {
      include: ['tests/unit/**/*.test.ts', 'tests/api/**/*.test.ts'],
      setupFiles: ['tests/api/apply-migrations.ts'],
    },
  };
});
