import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { releaseDecision } from '../../api/releases/policy';

const edition = (responseCount: number, status: 'open' | 'closed' | 'published' = 'open') => ({
  status,
  responseCount,
  releaseThreshold: 50,
  k: 10,
});

describe('when an edition may have a new release', () => {
  it('needs R current responses more than at the last release', () => {
    expect(releaseDecision(edition(49), undefined, 'provisional')).toEqual({
      ok: false,
      reason: '49 new responses since the last release; 50 are needed.',
    });
    expect(releaseDecision(edition(50), undefined, 'provisional')).toEqual({ ok: true });
    const last = { respondents: 120, kind: 'provisional' as const };
    expect(releaseDecision(edition(169), last, 'provisional').ok).toBe(false);
    expect(releaseDecision(edition(170), last, 'provisional').ok).toBe(true);
  });

  it('never lets withdrawals bring a release on: they only take responses away', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 200 }),
        (atLast, added, withdrawn) => {
          const last = { respondents: atLast, kind: 'provisional' as const };
          const withWithdrawals = releaseDecision(
            edition(atLast + added - Math.min(withdrawn, atLast + added)),
            last,
            'provisional',
          );
          const without = releaseDecision(edition(atLast + added), last, 'provisional');
          if (withWithdrawals.ok) expect(without.ok).toBe(true);
          if (added < 50) expect(withWithdrawals.ok).toBe(false);
        },
      ),
    );
  });

  it('gives a published edition its final release, and nothing provisional after it', () => {
    expect(releaseDecision(edition(10, 'published'), undefined, 'final')).toEqual({ ok: true });
    expect(releaseDecision(edition(500, 'open'), undefined, 'final').ok).toBe(false);
    expect(
      releaseDecision(edition(500, 'closed'), { respondents: 10, kind: 'final' }, 'provisional'),
    ).toEqual({ ok: false, reason: 'The final release is out.' });
    expect(releaseDecision(edition(500, 'published'), undefined, 'provisional').ok).toBe(false);
  });
});
