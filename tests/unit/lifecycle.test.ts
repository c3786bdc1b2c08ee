import { describe, expect, it } from 'vitest';
import { EDITION_STATUSES } from '../../db/enums';
import { canTransition } from '../../api/editions/lifecycle';

describe('edition lifecycle', () => {
  it('allows exactly draft→open, open→closed, closed→open and closed→published', () => {
    const allowed = EDITION_STATUSES.flatMap((from) =>
      EDITION_STATUSES.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed).toEqual(['draft→open', 'open→closed', 'closed→open', 'closed→published']);
  });
});
