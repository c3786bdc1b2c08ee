import type { CompilerOptions } from '@inlang/paraglide-js';

/**
 * One definition of the locale routing, shared by the Vite build and by the
 * stand-alone compile that type checks run on. French is the base locale and
 * lives at the root; English lives under /en.
 */
export const i18nOptions = {
  project: './project.inlang',
  outdir: './web/lib/paraglide',
  strategy: ['url', 'baseLocale'],
  urlPatterns: [
    {
      pattern: '/:path(.*)?',
      localized: [
        ['en', '/en/:path(.*)?'],
        ['fr', '/:path(.*)?'],
      ],
    },
  ],
} satisfies CompilerOptions;
