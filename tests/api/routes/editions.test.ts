import { beforeEach, describe, expect, it } from 'vitest';
import { EMPTY, addCounted, perturb, recordKey } from '../../../api/findings/cellkey';
import { addEditionWithResponses, api, clearDatabase, release } from '../fixtures';

beforeEach(clearDatabase);

describe('GET /api/v1/editions', () => {
  it('lists editions oldest first with the count their current release published, none before', async () => {
    await addEditionWithResponses(2026, 'open', 127, 3);
    await addEditionWithResponses(2025, 'published', 7);
    const list = async () =>
      (
        (await (await api('/api/v1/editions')).json()) as {
          editions: { year: number; status: string; responseCount: number | null; k: number }[];
        }
      ).editions.map((e) => [e.year, e.status, e.responseCount, e.k]);
    expect(await list()).toEqual([
      [2025, 'published', null, 10],
      [2026, 'open', null, 10],
    ]);
    await release(2025, 'final');
    await release(2026);
    // 124 current responses (3 withdrawn), with the noise their keys draw; 7 is under k.
    const current = Array.from({ length: 124 }, (_, i) => ({
      n: 1,
      key: recordKey(2026_00000 + i + 3),
    }));
    expect(await list()).toEqual([
      [2025, 'published', null, 10],
      [2026, 'open', perturb(current.reduce(addCounted, EMPTY)), 10],
    ]);
  }, 60_000);

  it('answers an empty list on an empty database', async () => {
    const res = await api('/api/v1/editions');
    expect(await res.json()).toEqual({ editions: [] });
  });
});
