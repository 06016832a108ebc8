import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('route inventory', () => {
  it('should find that every registered route declares its access rule', () => {
    const undeclared = t.app.routeInventory.filter((r) => r.access === undefined);
    expect(undeclared).toEqual([]);
    expect(t.app.routeInventory.length).toBeGreaterThan(10);
  });

  it('should refuse every non-public API route when nobody is signed in', async () => {
    const guarded = t.app.routeInventory.filter(
      (r) => r.access !== 'public' && r.method !== 'HEAD' && r.url.startsWith('/api/'),
    );
    expect(guarded.length).toBeGreaterThan(5);
    for (const r of guarded) {
      const url = r.url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      const res = await t.app.inject({
        method: r.method as 'GET',
        url,
        payload: r.method === 'GET' ? undefined : {},
      });
      expect({ route: `${r.method} ${r.url}`, status: res.statusCode, code: res.json().code }).toEqual({
        route: `${r.method} ${r.url}`,
        status: 401,
        code: 'AUTH_REQUIRED',
      });
    }
  });

  it('should describe every API route in the OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { paths: Record<string, Record<string, unknown>> };
    const api = t.app.routeInventory.filter(
      (r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD',
    );
    for (const r of api) {
      const path = r.url.replace(/^\/api/, '/api').replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${r.url}`).toBeDefined();
    }
  });
});
