import { beforeEach, describe, expect, it } from 'vitest';
import { api, clearDatabase } from '../fixtures';

beforeEach(clearDatabase);

describe('GET /api/health', () => {
  it('says the Worker and D1 answer', async () => {
    const res = await api('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
  });
});
