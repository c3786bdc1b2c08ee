/** Display conditions in words, for the codebook and the printable questionnaire. Pure. */
import { choicesOf, type Locale, type Question } from '../survey/model';

/** "Asked if …", or null for a question asked to everyone. */
export function routingText(q: Question, all: Question[], locale: Locale): string | null {
  if (!q.showIf) return null;
  const on = all.find((c) => c.code === q.showIf!.question);
  const labels = q.showIf.anyOf.map((code) => {
    const option = on && choicesOf(on).find((o) => o.code === code);
    return `« ${option?.label[locale] ?? code} » (${code})`;
  });
  const question = on ? on.label[locale] : q.showIf.question;
  const choices = labels.join(locale === 'fr' ? ' ou ' : ' or ');
  return locale === 'fr'
    ? `Posée seulement si la réponse à ${q.showIf.question} (« ${question} ») est ${choices} ; sinon, code -1 (non posée).`
    : `Asked only if the answer to ${q.showIf.question} ("${question}") is ${choices.replace(/« (.*?) »/g, '"$1"')}; otherwise code -1 (not asked).`;
}
