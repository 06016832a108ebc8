/**
 * The portal's permission matrix (engineering guide §11): every /api/portal route × role, checked against an
 * oracle written from the table (admin all; staff content and statistics release, all zones; leader
 * reads; enterprise nothing) independently of the migration's rows. The portal is authority-wide, so a staff
 * member's zones do not narrow it: staff covering one zone only are checked too.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, signIn } from '../../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../../test/harness.ts';
import { makePortalWorld } from './testing.ts';

const GRANTS: Record<string, string[]> = {
  admin: [
    'portal.content.read',
    'portal.content.write',
    'portal.content.publish',
    'portal.statistics.read',
    'portal.statistics.publish',
    'portal.settings.write',
  ],
  staff: [
    'portal.content.read',
    'portal.content.write',
    'portal.content.publish',
    'portal.statistics.read',
    'portal.statistics.publish',
  ],
  staffOneZone: [
    'portal.content.read',
    'portal.content.write',
    'portal.content.publish',
    'portal.statistics.read',
    'portal.statistics.publish',
  ],
  leader: ['portal.content.read', 'portal.statistics.read'],
  enterprise: [],
};
type ActorName = keyof typeof GRANTS;

let t: TestApp;
const headers = {} as Record<ActorName, Record<string, string>>;
let routes: { method: string; url: string; action: string }[] = [];

beforeAll(async () => {
  t = await buildTestApp();
  const w = await makePortalWorld(t.db);
  const users = {
    admin: await makeUser(t.db, 'admin'),
    staff: await makeUser(t.db, 'staff'),
    staffOneZone: await makeUser(t.db, 'staff', { zoneScope: 'listed', zoneIds: [w.parkB.id] }),
    leader: await makeUser(t.db, 'leader'),
    enterprise: await makeUser(t.db, 'enterprise'),
  };
  for (const [name, u] of Object.entries(users)) headers[name as ActorName] = await signIn(t.app, u.email);
  routes = t.app.routeInventory
    .filter((r) => r.url.startsWith('/api/portal/') && r.method !== 'HEAD')
    .map((r) => {
      const access = r.access;
      if (!access || typeof access !== 'object')
        throw new Error(`${r.method} ${r.url} is not guarded by an action`);
      return { method: r.method, url: r.url, action: access.action };
    });
});
afterAll(() => t.close());

describe('portal permission matrix', () => {
  it('should guard every staff route of the portal by a portal action', () => {
    expect(routes.length).toBeGreaterThanOrEqual(18);
    for (const r of routes) expect(r.action, `${r.method} ${r.url}`).toMatch(/^portal\./);
  });

  it('should allow a route exactly when the role holds its action', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...(Object.keys(GRANTS) as ActorName[])),
        fc.constantFrom(...routes),
        async (actor, route) => {
          const url = route.url.replace(':id', '00000000-0000-4000-8000-000000000001').replace(':lang', 'vi');
          const upload = /\/(images|files)$/.test(route.url) && route.method === 'POST';
          const res = await t.app.inject({
            method: route.method as 'GET',
            url: upload ? `${url}?name=x.png` : url,
            headers: { ...headers[actor], ...(upload ? { 'content-type': 'image/png' } : {}) },
            payload: route.method === 'GET' ? undefined : upload ? Buffer.from('x') : {},
          });
          const allowed = GRANTS[actor]!.includes(route.action);
          if (allowed) {
            expect([401, 403], `${actor} ${route.method} ${route.url}: ${res.body}`).not.toContain(
              res.statusCode,
            );
          } else {
            expect(
              { status: res.statusCode, code: res.json().code },
              `${actor} ${route.method} ${route.url}`,
            ).toEqual({
              status: 403,
              code: 'FORBIDDEN',
            });
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('should refuse every staff route without a session and leave the public pages open', async () => {
    for (const r of routes) {
      const res = await t.app.inject({
        method: r.method as 'GET',
        url: r.url.replace(':id', '00000000-0000-4000-8000-000000000001').replace(':lang', 'vi'),
        payload: r.method === 'GET' ? undefined : {},
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
    const publicUrls = t.app.routeInventory.filter(
      (r) => !r.url.startsWith('/api/') && r.access !== 'public',
    );
    expect(publicUrls).toEqual([]);
  });
});
