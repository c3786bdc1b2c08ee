/**
 * An edition's headline indicators beside the previous edition's. Pure: it
 * reads two summaries that already passed disclosure control, so a suppressed
 * figure stays suppressed and no difference is ever computed from one.
 */
import type { IndicatorFigure } from '../findings/summary';
import type { Localized } from '../survey/model';

export interface IndicatorComparison {
  code: string;
  label: Localized;
  unit: IndicatorFigure['unit'];
  /** This edition's value; null when suppressed (under k). */
  current: number | null;
  /** The previous edition's value; null when suppressed there or not measured (see `measuredBefore`). */
  previous: number | null;
  /** False when the previous edition did not publish this indicator at all. */
  measuredBefore: boolean;
  /** current − previous in the indicator's unit (percentage points for shares); null unless both are published. */
  difference: number | null;
}

const published = (figure: IndicatorFigure | undefined) =>
  figure && !figure.suppressed ? figure.value : null;

/** Published figures are rounded to one decimal; so is their difference, without a "-0". */
const roundDifference = (x: number) => Math.round(x * 10) / 10 + 0;

export function compareIndicators(
  current: readonly IndicatorFigure[],
  previous: readonly IndicatorFigure[],
): IndicatorComparison[] {
  const before = new Map(previous.map((figure) => [figure.code, figure]));
  return current.map((figure) => {
    const earlier = before.get(figure.code);
    const now = published(figure);
    const then = published(earlier);
    return {
      code: figure.code,
      label: figure.label,
      unit: figure.unit,
      current: now,
      previous: then,
      measuredBefore: earlier !== undefined,
      difference: now !== null && then !== null ? roundDifference(now - then) : null,
    };
  });
}
