import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vite';
import { i18nOptions } from './i18n.config.ts';

export default defineConfig({
  plugins: [paraglideVitePlugin(i18nOptions), sveltekit()],
});
