/**
 * How a step lays its questions out on a phone: long single choices become selects, and runs of
 * rating items that share their scale become one rating group (a matrix from 600 px up).
 */
import { choicesOf, type Locale, type Question, type ScaleQuestion } from '$api/survey/model';

/**
 * A single choice is a select when its radios would take a phone's screen for little: more than
 * four options, or more than three in no order (15 regions as radios fill two screens). Ordered
 * answers of four stay radios, read as the scale they are.
 */
export const asSelect = (q: Question): boolean =>
  q.type === 'single' && (q.options.length > 4 || (!q.ordered && q.options.length > 3));

/** Options this short sit two to a row on a phone, over two lines at most. */
const SHORT_LABEL = 22;

export const shortOptions = (q: Question, locale: Locale): boolean =>
  choicesOf(q).every((o) => o.label[locale].length <= SHORT_LABEL);

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
