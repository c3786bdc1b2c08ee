import type { IndicatorDef } from '$api/findings/definitions';
import type { Locale } from '$api/survey/model';

type Unit = IndicatorDef['unit'];

/** A figure as the reader sees it: "33,3 %", "7 h", "62,7", or "< k" when suppressed. */
export function formatValue(value: number | null, unit: Unit, locale: Locale, k: number): string {
  if (value === null) return `< ${k}`;
  if (unit === 'percent')
    return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(
      value / 100,
    );
  const n = value.toLocaleString(locale, { maximumFractionDigits: 1 });
  return unit === 'hours' ? `${n} h` : n;
}

/**
 * A change between two editions, signed: "+3,2 pts", "-1 h", "0". Shares change in
 * percentage points, hence "pts" rather than "%"; null (not comparable) is "—". The
 * unit is joined by a no-break space so that a narrow column never splits it off.
 */
export function formatDifference(difference: number | null, unit: Unit, locale: Locale): string {
  if (difference === null) return '—';
  const n = difference.toLocaleString(locale, {
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  if (unit === 'percent') return `${n}\u00a0pts`;
  return unit === 'hours' ? `${n}\u00a0h` : n;
}

export function formatInterval(
  ci: [number, number] | null,
  unit: Unit,
  locale: Locale,
  k: number,
): string {
  return ci
    ? `${formatValue(ci[0], unit, locale, k)} – ${formatValue(ci[1], unit, locale, k)}`
    : '—';
}

/** Links to the same table from the API, as CSV and JSON. */
export function downloads(path: string, locale: Locale): { csv: string; json: string } {
  const join = path.includes('?') ? '&' : '?';
  return { csv: `/api/v1${path}${join}format=csv&lang=${locale}`, json: `/api/v1${path}` };
}
