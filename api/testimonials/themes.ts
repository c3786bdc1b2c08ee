import type { Localized } from '../survey/model';

/** The fixed theme taxonomy of testimonials. Codes are stable: they key filters and counts. */
export const THEMES = {
  isolation: { fr: 'Isolement', en: 'Isolation' },
  hostility: { fr: 'Commentaires hostiles et harcèlement', en: 'Hostile comments and harassment' },
  pressure: {
    fr: 'Pression de la hiérarchie ou des clients',
    en: 'Pressure from management or clients',
  },
  availability: { fr: 'Disponibilité permanente', en: 'Always-on availability' },
  workload: { fr: 'Charge de travail', en: 'Workload' },
  recognition: { fr: 'Reconnaissance et utilité', en: 'Recognition and usefulness' },
  crisis: { fr: 'Crise et bad buzz', en: 'Crisis and bad buzz' },
  remote: { fr: 'Confinement et télétravail', en: 'Lockdown and remote work' },
  career: { fr: 'Carrière et rémunération', en: 'Career and pay' },
  support: { fr: 'Soutien et pairs', en: 'Support and peers' },
} as const satisfies Record<string, Localized>;

export type ThemeCode = keyof typeof THEMES;
export const THEME_CODES = Object.keys(THEMES) as [ThemeCode, ...ThemeCode[]];

/** The coarse context a testimonial may carry: two questions of the survey, same codes. */
export const CONTEXT_QUESTIONS = {
  employerType: 'profile.employer_type',
  experience: 'profile.experience',
} as const;
