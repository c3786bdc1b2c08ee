import adapter from '@sveltejs/adapter-cloudflare';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // The adapter writes its handler where web/wrangler.sveltekit.jsonc says; the platform proxy
    // of `vite dev` reads the real bindings from wrangler.toml.
    adapter: adapter({
      config: 'web/wrangler.sveltekit.jsonc',
      platformProxy: { configPath: 'wrangler.toml' },
    }),
    files: {
      src: 'web',
      assets: 'web/static',
      routes: 'web/routes',
      lib: 'web/lib',
      params: 'web/params',
      appTemplate: 'web/app.html',
      errorTemplate: 'web/error.html',
      hooks: { server: 'web/hooks.server', client: 'web/hooks.client', universal: 'web/hooks' },
    },
    alias: { $api: 'api', $db: 'db' },
    typescript: {
      // Type check the API, database and scripts too, not only what the web imports.
      config: (tsconfig) => {
        tsconfig.include.push(
          '../api/**/*.ts',
          '../db/**/*.ts',
          '../scripts/**/*.ts',
          '../*.config.ts',
        );
        return tsconfig;
      },
    },
    // SvelteKit adds a nonce (or hash) to its own inline scripts, so script-src needs no 'unsafe-inline'.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        // Turnstile's widget, rendered only when a site key is configured.
        'script-src': ['self', 'https://challenges.cloudflare.com'],
        'frame-src': ['https://challenges.cloudflare.com'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
        'base-uri': ['self'],
        'object-src': ['none'],
      },
    },
  },
};

export default config;
