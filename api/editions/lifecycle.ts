import type { EditionStatus } from '../../db/enums';

/**
 * The edition lifecycle: draft → open → closed → published. A closed edition
 * may reopen (a deadline extended); a published one is final.
 */
const NEXT: Record<EditionStatus, readonly EditionStatus[]> = {
  draft: ['open'],
  open: ['closed'],
  closed: ['open', 'published'],
  published: [],
};

export function canTransition(from: EditionStatus, to: EditionStatus): boolean {
  return NEXT[from].includes(to);
}

export function allowedTransitions(from: EditionStatus): readonly EditionStatus[] {
  return NEXT[from];
}
