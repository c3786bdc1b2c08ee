/**
 * The questionnaire as respondents saw it, as a printable Markdown document in one language:
 * sections, each question with its code, help, options with their codes, bounds, whether it is
 * required, and to whom it was asked (routing). Generated from the questionnaire. Pure.
 */
import { hasOptions, type Locale, type Question, type Questionnaire } from '../survey/model';
import { questionsOf } from '../survey/questionnaires';
import { routingText } from './routing';

const WORDS = {
  fr: {
    title: (year: number, version: string) =>
      `Questionnaire de l’enquête ${year} (version ${version})`,
    intro:
      'Le questionnaire tel que les répondants l’ont vu, avec le code de chaque question et de chaque réponse, celui des colonnes de `responses.csv`. Les questions à texte libre ne sont pas publiées dans les données.',
    types: {
      single: 'Une seule réponse',
      multi: 'Plusieurs réponses possibles (une colonne 0/1 par option)',
      scale: 'Échelle (la valeur publiée est le score de l’option)',
      number: 'Nombre',
      text: 'Texte libre (non publié)',
    },
    required: 'Réponse obligatoire',
    bounds: (min?: number, max?: number, unit?: string) =>
      `De ${min ?? '…'} à ${max ?? '…'}${unit ? ` ${unit}` : ''}`,
    score: 'score',
    everyone: 'Posée à tous.',
  },
  en: {
    title: (year: number, version: string) =>
      `Questionnaire of the ${year} survey (version ${version})`,
    intro:
      'The questionnaire as respondents saw it, with the code of each question and answer, which are those of the columns of `responses.csv`. Free-text questions are not released in the data.',
    types: {
      single: 'One answer',
      multi: 'Several answers allowed (one 0/1 column per option)',
      scale: 'Scale (the released value is the option’s score)',
      number: 'Number',
      text: 'Free text (not released)',
    },
    required: 'Answer required',
    bounds: (min?: number, max?: number, unit?: string) =>
      `From ${min ?? '…'} to ${max ?? '…'}${unit ? ` ${unit}` : ''}`,
    score: 'score',
    everyone: 'Asked to everyone.',
  },
};

function question(q: Question, all: Question[], locale: Locale, n: number): string[] {
  const w = WORDS[locale];
  const lines = [`### ${n}. ${q.label[locale]}`, '', `\`${q.code}\` — ${w.types[q.type]}`, ''];
  if (q.help) lines.push(`*${q.help[locale]}*`, '');
  lines.push(`- ${routingText(q, all, locale) ?? w.everyone}`);
  if (q.required) lines.push(`- ${w.required}`);
  if (q.type === 'number') lines.push(`- ${w.bounds(q.min, q.max, q.unit?.[locale])}`);
  if (hasOptions(q)) {
    lines.push('');
    for (const o of q.options) {
      const score = o.score !== undefined ? ` (${w.score} ${o.score})` : '';
      lines.push(`- [ ] ${o.label[locale]} — \`${o.code}\`${score}`);
    }
  }
  lines.push('');
  return lines;
}

export function questionnaireMd(
  questionnaire: Questionnaire,
  year: number,
  locale: Locale,
): string {
  const w = WORDS[locale];
  const all = questionsOf(questionnaire);
  const lines = [
    `# ${w.title(year, questionnaire.version)}`,
    '',
    questionnaire.title[locale],
    '',
    w.intro,
    '',
  ];
  let n = 0;
  for (const section of questionnaire.sections) {
    lines.push(`## ${section.title[locale]}`, '');
    if (section.intro) lines.push(section.intro[locale], '');
    for (const q of section.questions) lines.push(...question(q, all, locale, ++n));
  }
  return lines.join('\n');
}
