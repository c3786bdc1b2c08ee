import { beforeEach, describe, expect, it } from 'vitest';
import { api, clearDatabase } from '../fixtures';

beforeEach(clearDatabase);

describe('OpenAPI', () => {
  it('publishes a 3.1 document generated from the routes', async () => {
    const res = await api('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/v1/editions']),
    );
    expect(doc.components.schemas).toHaveProperty('Edition');
  });

  it('renders a readable reference at /api/docs', async () => {
    const res = await api('/api/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('/api/v1/editions');
    expect(html).not.toContain('<script');
  });
});
