/** Where a call stands on a day: its opening and closing days are both inside it. */
export type CallStatus = 'upcoming' | 'open' | 'closed';

export const CALL_STATUSES = ['upcoming', 'open', 'closed'] as const;

export const callStatus = (
  call: { opensOn: string; closesOn: string },
  today: string,
): CallStatus => (today < call.opensOn ? 'upcoming' : today > call.closesOn ? 'closed' : 'open');

/** The UTC day of `now`, as calls and publication days are written. */
export const dayOf = (now: Date): string => now.toISOString().slice(0, 10);

/**
 * A slug from a title: lower case, accents dropped, words joined by dashes. What an admin leaves
 * blank in the form becomes this.
 */
export const slugify = (title: string): string =>
  title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
