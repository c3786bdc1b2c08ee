import type { Locale } from '$api/survey/model';

/** A calendar day (YYYY-MM-DD) written out for the reader, e.g. "30 juin 2026". */
export function formatDay(isoDay: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${isoDay}T00:00:00Z`),
  );
}
