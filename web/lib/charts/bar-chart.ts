/** One bar: a value with its optional interval; null when suppressed (no bar is drawn). */
export interface BarDatum {
  key: string;
  label: string;
  value: number | null;
  ci: [number, number] | null;
  /** What the reader sees beside the bar: the value with its unit, or "< k". */
  text: string;
}
