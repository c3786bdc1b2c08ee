/**
 * How a step lays its questions out on a phone: long single choices become selects, and runs of
 * rating items that share their scale become one rating group (a matrix from 600 px up).
 */
import type { Question, ScaleQuestion } from '$api/survey/model';

/** A single choice longer than this is a select: 15 regions as radios fill two screens. */
export const SELECT_OVER = 8;

export const asSelect = (q: Question): boolean =>
  q.type === 'single' && q.options.length > SELECT_OVER;

export type Block =
  { kind: 'question'; question: Question } | { kind: 'rating'; items: ScaleQuestion[] };

const scaleKey = (q: ScaleQuestion) => q.options.map((o) => o.code).join(' ');

/** The step's questions in order, rating items that share a scale and follow each other grouped. */
export function blocksOf(questions: Question[]): Block[] {
  const blocks: Block[] = [];
  for (const q of questions) {
    const last = blocks.at(-1);
    if (q.type === 'scale' && last?.kind === 'rating' && scaleKey(last.items[0]!) === scaleKey(q)) {
      last.items.push(q);
    } else if (q.type === 'scale') {
      blocks.push({ kind: 'rating', items: [q] });
    } else {
      blocks.push({ kind: 'question', question: q });
    }
  }
  return blocks;
}
