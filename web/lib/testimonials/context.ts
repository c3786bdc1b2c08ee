import type { Locale } from '$api/survey/model';
import { optionsOf } from '$api/survey/model';
import { questionnaire2026_1 } from '$api/survey/questionnaires/2026-1';
import { CONTEXT_QUESTIONS, THEMES } from '$api/testimonials/themes';

/** The questionnaire whose profile options a testimonial may carry. */
const questionnaire = questionnaire2026_1;

/** The employer types and experience bands a testimonial may carry, with their labels. */
export const employerOptions = optionsOf(questionnaire, CONTEXT_QUESTIONS.employerType);
export const experienceOptions = optionsOf(questionnaire, CONTEXT_QUESTIONS.experience);

export const themeLabel = (code: string, locale: Locale) =>
  THEMES[code as keyof typeof THEMES]?.[locale] ?? code;

export function contextLabels(
  t: { employerType: string | null; experience: string | null },
  locale: Locale,
): string[] {
  const label = (options: typeof employerOptions, code: string | null) =>
    code ? options.find((o) => o.code === code)?.label[locale] : undefined;
  return [label(employerOptions, t.employerType), label(experienceOptions, t.experience)].filter(
    (x): x is string => Boolean(x),
  );
}
