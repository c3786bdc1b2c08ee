/**
 * The microdata of an edition as a table: its columns, derived from the
 * questionnaire, and the row of one response. Free text never becomes a
 * column; a multiple-choice question becomes one 0/1 column per option; the
 * instruments' scores are columns beside their items. Pure.
 */
import { cbiWorkScore, CBI_ITEMS, who5Score, WHO5_ITEMS } from '../findings/scoring';
import type { Instrument, Localized, Option, Question, Questionnaire } from '../survey/model';
import { questionsOf } from '../survey/questionnaires';
import type { Anonymisation, QuasiColumn } from './anonymise';

/** The value a quasi-identifier takes where it was suppressed to reach k-anonymity. */
export const SUPPRESSED = 'suppressed';

export type FieldType = 'string' | 'integer' | 'number';

export interface Column {
  name: string;
  type: FieldType;
  label: Localized;
  /** The question the column comes from; absent for an instrument's score. */
  question?: Question;
  /** The option of a multiple-choice question this 0/1 column stands for. */
  option?: Option;
  /** Set on the score column of an instrument. */
  score?: Instrument;
  /** Allowed values, with their labels, when the column is categorical. */
  values?: { value: string | number; label: Localized }[];
  min?: number;
  max?: number;
}

export const INSTRUMENT_SCORES: Record<
  Instrument,
  { name: string; type: FieldType; label: Localized; items: readonly string[] }
> = {
  who5: {
    name: 'score.who5',
    type: 'integer',
    label: { fr: 'Score WHO-5 (0–100)', en: 'WHO-5 score (0–100)' },
    items: WHO5_ITEMS,
  },
  cbi_work: {
    name: 'score.cbi_work',
    type: 'number',
    label: {
      fr: 'Score CBI, épuisement lié au travail (0–100)',
      en: 'CBI work-related burnout score (0–100)',
    },
    items: CBI_ITEMS,
  },
};

export const quasiIdentifiers = (questionnaire: Questionnaire) =>
  questionsOf(questionnaire).filter((q) => q.quasiIdentifier);

/** The codes and labels a quasi-identifier takes at a level of generalisation. */
function quasiValues(q: Question, level: number, suppressed: boolean): Column['values'] {
  const generalisation = q.generalisation ?? [];
  const groups =
    level === 0
      ? q.options!.map((o) => ({ value: o.code, label: o.label }))
      : level <= generalisation.length
        ? generalisation[level - 1]!.map((g) => ({ value: g.code, label: g.label }))
        : [];
  const mark = {
    value: SUPPRESSED,
    label: { fr: 'Masqué (anonymisation)', en: 'Masked (anonymisation)' },
  };
  return suppressed || level > generalisation.length ? [...groups, mark] : groups;
}

/**
 * The columns, in questionnaire order. Quasi-identifiers list the values of the level of
 * generalisation the anonymisation chose, so the schema describes the released file exactly.
 */
export function microdataColumns(questionnaire: Questionnaire, anonymisation: Anonymisation) {
  const quasi = quasiIdentifiers(questionnaire);
  const columns: Column[] = [];
  for (const q of questionsOf(questionnaire)) {
    const base = { question: q, label: q.label };
    switch (q.type) {
      case 'text':
        break;
      case 'single': {
        const index = quasi.indexOf(q);
        const values =
          index < 0
            ? q.options!.map((o) => ({ value: o.code, label: o.label }))
            : quasiValues(q, anonymisation.levels[index]!, anonymisation.suppressedCount > 0);
        columns.push({ ...base, name: q.code, type: 'string', values });
        break;
      }
      case 'scale':
        columns.push({
          ...base,
          name: q.code,
          type: 'integer',
          values: q.options!.map((o) => ({ value: o.score!, label: o.label })),
        });
        break;
      case 'number':
        columns.push({ ...base, name: q.code, type: 'number', min: q.min, max: q.max });
        break;
      case 'multi':
        for (const option of q.options!) {
          columns.push({
            ...base,
            name: `${q.code}.${option.code}`,
            type: 'integer',
            label: {
              fr: `${q.label.fr} — ${option.label.fr}`,
              en: `${q.label.en} — ${option.label.en}`,
            },
            option,
            min: 0,
            max: 1,
          });
        }
        break;
    }
    const instrument = q.instrument && INSTRUMENT_SCORES[q.instrument];
    if (instrument && instrument.items.at(-1) === q.code) {
      columns.push({
        name: instrument.name,
        type: instrument.type,
        label: instrument.label,
        score: q.instrument,
        min: 0,
        max: 100,
      });
    }
  }
  return columns;
}

/** One response's answers: question code → chosen option codes and number. */
export type ResponseAnswers = Map<string, { codes: string[]; num: number | null }>;

export type Cell = string | number | null;

/**
 * The numeric hierarchies the anonymiser works on: value 0 is "no answer" and stays apart at
 * every level; option i is value i.
 */
export function quasiColumn(q: Question, values: Uint8Array): QuasiColumn {
  const options = q.options!;
  const identity = [0, ...options.map((_, i) => i + 1)];
  const coarser = (q.generalisation ?? []).map((groups) => [
    0,
    ...options.map((o) => 1 + groups.findIndex((g) => g.members.includes(o.code))),
  ]);
  return { values, levels: [identity, ...coarser] };
}

/** How each quasi-identifier was released, in words, for the descriptor and the README. */
export function releasedLevels(quasi: Question[], levels: number[]) {
  return quasi.map((q, i) => {
    const level = levels[i]!;
    const steps = q.generalisation ?? [];
    const description: Localized =
      level === 0
        ? { fr: 'détail complet', en: 'full detail' }
        : level > steps.length
          ? { fr: 'masqué pour toutes les réponses', en: 'masked for every response' }
          : {
              fr: `regroupé en : ${steps[level - 1]!.map((g) => g.label.fr).join(' ; ')}`,
              en: `grouped as: ${steps[level - 1]!.map((g) => g.label.en).join('; ')}`,
            };
    return { question: q.code, level, description };
  });
}

/** The value of a quasi-identifier as released: generalised to `level`, or suppressed. */
function releasedCode(q: Question, code: string | undefined, level: number, suppressed: boolean) {
  const generalisation = q.generalisation ?? [];
  if (suppressed || level > generalisation.length) return SUPPRESSED;
  if (code === undefined) return null;
  if (level === 0) return code;
  return generalisation[level - 1]!.find((g) => g.members.includes(code))!.code;
}

export function microdataRow(
  columns: Column[],
  answers: ResponseAnswers,
  quasiLevels: Map<string, number>,
  suppressed: boolean,
): Cell[] {
  return columns.map((column) => {
    if (column.score) {
      const items = INSTRUMENT_SCORES[column.score].items.map((c) => answers.get(c)?.num ?? null);
      return column.score === 'who5' ? who5Score(items) : cbiWorkScore(items);
    }
    const q = column.question!;
    const answer = answers.get(q.code);
    if (column.option) return answer ? Number(answer.codes.includes(column.option.code)) : null;
    const level = quasiLevels.get(q.code);
    if (level !== undefined) return releasedCode(q, answer?.codes[0], level, suppressed);
    if (!answer) return null;
    return q.type === 'single' ? answer.codes[0]! : answer.num;
  });
}
