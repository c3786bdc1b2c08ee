import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { accessKeys, outboundService } from './tests/api/outbound';

/** Unit and API tests run inside workerd, against a real local D1 with the migrations applied. */
export default defineConfig(async () => {
  const migrations = await readD1Migrations('db/migrations');
  const { privateJwk, publicJwk } = await accessKeys();
  return {
    plugins: [
      cloudflareTest({
        main: './tests/api/worker.ts',
        wrangler: { configPath: './wrangler.toml' },
        miniflare: {
          bindings: { TEST_MIGRATIONS: migrations, TEST_ACCESS_PRIVATE_JWK: privateJwk },
          outboundService: outboundService(publicJwk),
        },
      }),
    ],
    // The aliases of svelte.config.js, for modules shared with the pages.
    resolve: { alias: { $api: fileURLToPath(new URL('./api', import.meta.url)) } },
    test: {
      include: ['tests/unit/**/*.test.ts', 'tests/api/**/*.test.ts'],
      setupFiles: ['tests/api/apply-migrations.ts'],
      // Tests that publish a release take 2–4 s here; CI's machines are slower and shared, and a
      // timeout is not what these tests assert.
      testTimeout: 30_000,
      hookTimeout: 30_000,
    },
  };
});
