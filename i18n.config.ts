import type { CompilerOptions } from '@inlang/paraglide-js';

/** French paths and their English translations; the first pattern that matches wins. */
const translatedPaths: [fr: string, en: string][] = [
  ['/enquete', '/en/survey'],
  ['/enquete/reprendre/:code', '/en/survey/resume/:code'],
  ['/enquete/:year/relecture', '/en/survey/:year/review'],
  ['/enquete/:year/merci', '/en/survey/:year/thanks'],
  ['/enquete/:year/:step', '/en/survey/:year/:step'],
  ['/enquete/:year', '/en/survey/:year'],
  ['/retrait', '/en/withdraw'],
  ['/aide', '/en/help'],
  ['/confidentialite', '/en/privacy'],
  ['/temoigner/merci', '/en/testify/thanks'],
  ['/temoigner', '/en/testify'],
  ['/temoignages', '/en/testimonials'],
  ['/temoignages/themes', '/en/testimonials/themes'],
  ['/temoignages/appels/:slug', '/en/testimonials/calls/:slug'],
  ['/temoignages/:id', '/en/testimonials/:id'],
  ['/resultats', '/en/results'],
  ['/resultats/tendances', '/en/results/trends'],
  ['/resultats/methodologie', '/en/results/methodology'],
  ['/resultats/:year/ventilations', '/en/results/:year/breakdowns'],
  ['/resultats/:year/croisements', '/en/results/:year/crosstabs'],
  ['/resultats/:year/diffusions', '/en/results/:year/releases'],
  ['/resultats/:year/questions', '/en/results/:year/questions'],
  ['/resultats/:year/questions/:code', '/en/results/:year/questions/:code'],
  ['/resultats/:year', '/en/results/:year'],
  ['/rapport/:year', '/en/report/:year'],
  ['/graphiques/:kind', '/en/charts/:kind'],
  ['/integrer/:kind', '/en/embed/:kind'],
  ['/donnees', '/en/data'],
  ['/donnees/:year', '/en/data/:year'],
];

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
    ...translatedPaths.map(([fr, en]) => ({
      pattern: fr,
      localized: [
        ['en', en],
        ['fr', fr],
      ] as [string, string][],
    })),
    {
      pattern: '/:path(.*)?',
      localized: [
        ['en', '/en/:path(.*)?'],
        ['fr', '/:path(.*)?'],
      ],
    },
  ],
} satisfies CompilerOptions;
