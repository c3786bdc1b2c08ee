/**
 * When an edition may have a new release (docs/adr/006-releases.md). Pure.
 *
 * A provisional release needs at least R responses since the last published one, so that what
 * changed between two releases is the work of many respondents, never of one. Counting current
 * responses (not submissions) means withdrawals delay a release and never bring one on.
 */
import type { Edition, Release } from '../../db/schema.server';
import type { ReleaseKind } from '../../db/enums';

/**
 * R by default: five times the default k. A batch that small still spreads each profile over
 * several new respondents, and at the response rates of a yearly survey it gives a release every
 * few days while the edition is busy.
 */
export const DEFAULT_RELEASE_THRESHOLD = 50;
export const MAX_RELEASE_THRESHOLD = 10_000;

export type Decision = { ok: true } | { ok: false; reason: string };

export function releaseDecision(
  edition: Pick<Edition, 'status' | 'responseCount' | 'releaseThreshold' | 'k'>,
  last: Pick<Release, 'respondents' | 'kind'> | undefined,
  kind: ReleaseKind,
): Decision {
  if (kind === 'final') {
    return edition.status === 'published'
      ? { ok: true }
      : { ok: false, reason: 'Only a published edition gets its final release.' };
  }
  if (edition.status !== 'open' && edition.status !== 'closed')
    return { ok: false, reason: `A ${edition.status} edition gets no provisional release.` };
  if (last?.kind === 'final') return { ok: false, reason: 'The final release is out.' };
  const fresh = edition.responseCount - (last?.respondents ?? 0);
  const needed = Math.max(edition.releaseThreshold, edition.k);
  if (fresh < needed)
    return {
      ok: false,
      reason: `${Math.max(fresh, 0)} new responses since the last release; ${needed} are needed.`,
    };
  return { ok: true };
}
