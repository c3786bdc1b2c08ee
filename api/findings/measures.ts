/**
 * Per-respondent measures as SQL: each yields (response_id, value) for one
 * edition (?1), withdrawn responses left out. Aggregates are then grouped
 * in SQLite into small frequency tables, so no read and no cold computation
 * ever moves every answer into the Worker.
 */
import type { MeasureCode } from './definitions';
import { CBI_ITEMS, CBI_MIN_ITEMS, CBI_REVERSED_ITEM, WHO5_ITEMS } from './scoring';

const list = (codes: readonly string[]) => codes.map((c) => `'${c}'`).join(', ');

const number = (question: string) =>
  `SELECT response_id, num_value AS value FROM answers WHERE edition_year = ?1 AND question_code = '${question}' AND num_value IS NOT NULL`;

/**
 * A measure that reads one single-choice question: 1 when the answer is one of `yes`, 0 for any
 * other option (or, with `among`, for those only). The disclosure audit reads these too, to tie
 * an indicator's breakdowns to the cross-tabs of the same question.
 */
export interface FlagMeasure {
  question: string;
  yes: string[];
  among?: string[];
}

export const FLAG_MEASURES: Partial<Record<MeasureCode, FlagMeasure>> = {
  messages_days_off: { question: 'work.messages_days_off', yes: ['often', 'always'] },
  hostile_frequency: { question: 'exposure.hostile_frequency', yes: ['weekly', 'daily'] },
  // "Prefer not to say" is neither yes nor no: left out of the denominator.
  harassed: { question: 'exposure.harassment_12m', yes: ['yes'], among: ['yes', 'no'] },
  intent_leave: { question: 'career.intent_leave', yes: ['yes'] },
};

const flag = ({ question, yes, among }: FlagMeasure) =>
  `SELECT response_id, CASE WHEN option_code IN (${list(yes)}) THEN 1 ELSE 0 END AS value FROM answers
   WHERE edition_year = ?1 AND question_code = '${question}'${among ? ` AND option_code IN (${list(among)})` : ''}`;

const MEASURES: Record<MeasureCode, string> = {
  overtime: `SELECT a.response_id, a.num_value - c.num_value AS value FROM answers a
    JOIN answers c ON c.response_id = a.response_id AND c.question_code = 'work.hours_contract'
    WHERE a.edition_year = ?1 AND a.question_code = 'work.hours_actual'`,
  evenings: number('work.evenings_per_week'),
  weekends: number('work.weekends_per_month'),
  messages_days_off: flag(FLAG_MEASURES.messages_days_off!),
  hostile_frequency: flag(FLAG_MEASURES.hostile_frequency!),
  harassed: flag(FLAG_MEASURES.harassed!),
  who5: `SELECT response_id, sum(num_value) * 4 AS value FROM answers
    WHERE edition_year = ?1 AND question_code IN (${list(WHO5_ITEMS)})
    GROUP BY response_id HAVING count(*) = ${WHO5_ITEMS.length}`,
  cbi: `SELECT response_id, avg(CASE WHEN question_code = '${CBI_REVERSED_ITEM}' THEN 100 - num_value ELSE num_value END) AS value
    FROM answers WHERE edition_year = ?1 AND question_code IN (${list(CBI_ITEMS)})
    GROUP BY response_id HAVING count(*) >= ${CBI_MIN_ITEMS}`,
  intent_leave: flag(FLAG_MEASURES.intent_leave!),
};

/** The measure restricted to current responses. */
export function measureSql(measure: MeasureCode): string {
  return `SELECT m.response_id, m.value FROM (${MEASURES[measure]}) m
    JOIN responses r ON r.id = m.response_id AND r.withdrawn = 0`;
}
