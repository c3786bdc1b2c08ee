/**
 * Scores of the validated well-being instruments of the questionnaire (wellbeing.who5_1..5 and
 * wellbeing.cbi_1..7), from the option scores stored with each answer.
 */

/** WHO-5 below 50 indicates poor well-being and is the usual screening cut-off (Topp et al. 2015). */
export const WHO5_POOR_BELOW = 50;
/** WHO-5 at or below 28 indicates likely depression (Topp et al. 2015). */
export const WHO5_DEPRESSION_AT_OR_BELOW = 28;
/** CBI scale scores of 50 or more are read as high burnout (Kristensen et al. 2005). */
export const CBI_HIGH_AT_OR_ABOVE = 50;

/** The WHO-5 question codes, in the order `who5Score` expects them. */
export const WHO5_ITEMS = [
  'wellbeing.who5_1',
  'wellbeing.who5_2',
  'wellbeing.who5_3',
  'wellbeing.who5_4',
  'wellbeing.who5_5',
] as const;

/** The CBI work-related question codes, in the order `cbiWorkScore` expects them. */
export const CBI_ITEMS = [
  'wellbeing.cbi_1',
  'wellbeing.cbi_2',
  'wellbeing.cbi_3',
  'wellbeing.cbi_4',
  'wellbeing.cbi_5',
  'wellbeing.cbi_6',
  'wellbeing.cbi_7',
] as const;

/** "Enough energy for family and friends": a high answer means less burnout, so it is reversed. */
export const CBI_REVERSED_ITEM = 'wellbeing.cbi_7';

/** More than half of the 7 CBI items must be answered for a score (see `cbiWorkScore`). */
export const CBI_MIN_ITEMS = 4;

type Item = number | null | undefined;

function checkItems(name: string, items: readonly Item[], length: number, max: number): void {
  if (items.length !== length) {
    throw new RangeError(`${name}: expected ${length} items, got ${items.length}`);
  }
  for (const item of items) {
    // Option scores come from the questionnaire: anything else is a bug upstream, and scoring it
    // silently would publish a wrong figure.
    if (item != null && !(Number.isFinite(item) && item >= 0 && item <= max)) {
      throw new RangeError(`${name}: item score ${item} outside 0..${max}`);
    }
  }
}

/**
 * WHO-5 percentage score: the raw sum of the five items (0–5 each) times 4, giving 0–100.
 * Null unless all five items are answered: the WHO scoring guidance defines no imputation, and
 * a sum over fewer items is not on the same scale.
 */
export function who5Score(items: readonly Item[]): number | null {
  checkItems('who5Score', items, WHO5_ITEMS.length, 5);
  let sum = 0;
  for (const item of items) {
    if (item == null) return null;
    sum += item;
  }
  return sum * 4;
}

/**
 * Work-related burnout score of the Copenhagen Burnout Inventory: the mean of items 1..7 on 0–100,
 * item 7 ("enough energy for family and friends") reversed because a high answer there means
 * less burnout.
 *
 * Kristensen et al. (2005) score a scale as the mean of the answered items, provided more than
 * half of them are answered: with 7 items, at least 4. Fewer answers would let one or two items
 * stand for the whole construct, so the score is null then.
 */
export function cbiWorkScore(items: readonly Item[]): number | null {
  checkItems('cbiWorkScore', items, CBI_ITEMS.length, 100);
  let sum = 0;
  let answered = 0;
  items.forEach((item, i) => {
    if (item == null) return;
    sum += CBI_ITEMS[i] === CBI_REVERSED_ITEM ? 100 - item : item;
    answered += 1;
  });
  if (answered < CBI_MIN_ITEMS) return null;
  return sum / answered;
}
