import type { AnswerValue } from '$api/survey/answers';
import { hasOptions, type Locale, type Question } from '$api/survey/model';

/** An answer as the respondent reads it back: option labels, numbers with their unit. */
export function displayAnswer(
  q: Question,
  value: AnswerValue | undefined,
  locale: Locale,
): string | null {
  if (value === undefined) return null;
  if (q.type === 'number') {
    const n = Number(value).toLocaleString(locale);
    return q.unit ? `${n} (${q.unit[locale]})` : n;
  }
  if (!hasOptions(q)) return String(value);
  const label = (code: string) => q.options.find((o) => o.code === code)?.label[locale] ?? code;
  return Array.isArray(value) ? value.map(label).join(', ') : label(String(value));
}
