/**
 * Which published testimonials the report quotes under each theme. Pure: the
 * report service reads each theme's newest testimonials and this picks from them.
 */
/** How many testimonies a report quotes under each theme at most. */
export const QUOTES_PER_THEME = 2;

export interface ThemeSelection<T> {
  theme: string;
  items: T[];
}

/**
 * Up to `perTheme` testimonials a theme, in the themes' order, each quoted once
 * only: a testimonial touching several themes goes under the first one, and
 * the next theme takes its next candidate. Themes left with none are dropped.
 */
export function pickPerTheme<T extends { id: string }>(
  candidates: readonly ThemeSelection<T>[],
  perTheme: number,
): ThemeSelection<T>[] {
  const quoted = new Set<string>();
  const picked: ThemeSelection<T>[] = [];
  for (const { theme, items } of candidates) {
    const fresh = items.filter((t) => !quoted.has(t.id)).slice(0, perTheme);
    for (const t of fresh) quoted.add(t.id);
    if (fresh.length > 0) picked.push({ theme, items: fresh });
  }
  return picked;
}
