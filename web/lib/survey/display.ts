import type { AnswerValue } from '$api/survey/answers';
import type { Locale, Question } from '$api/survey/model';

/** An answer as the respondent reads it back: option labels, numbers with their unit. */
export function displayAnswer(
  q: Question,
  value: AnswerValue | undefined,
  locale: Locale,
): string | null {
  if (value === undefined) return null;
  const label = (code: string) => q.options?.find((o) => o.code === code)?.label[locale] ?? code;
  if (Array.isArray(value)) return value.map(label).join(', ');
  if (typeof value === 'number') {
    const n = value.toLocaleString(locale);
    return q.unit ? `${n} (${q.unit[locale]})` : n;
  }
  return q.type === 'text' ? value : label(value);
}
