/**
 * The permission matrix of the official-reports routes (engineering guide §11): every route × role, checked
 * with fast-check against an oracle written from the issue's table, independently of the migration:
 * staff draft and submit (and edit templates); leaders approve and issue (and publish); admin everything;
 * enterprises nothing; anonymous callers must sign in.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, signIn } from '../../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../../test/harness.ts';

type Role = 'admin' | 'leader' | 'staff' | 'enterprise' | 'anonymous';

const GRANTS: Record<Role, string[]> = {
  admin: [
    'template.read',
    'template.write',
    'report.read',
    'report.write',
    'report.submit',
    'report.approve',
    'report.issue',
    'report.publish',
  ],
  leader: ['template.read', 'report.read', 'report.approve', 'report.issue', 'report.publish'],
  staff: ['template.read', 'template.write', 'report.read', 'report.write', 'report.submit'],
  enterprise: [],
  anonymous: [],
};

/** What each route needs, by method and URL pattern. */
const ROUTES: Record<string, string> = {
  'GET /api/official-reports/templates': 'template.read',
  'GET /api/official-reports/templates/:code': 'template.read',
  'POST /api/official-reports/templates': 'template.write',
  'PUT /api/official-reports/templates/:code': 'template.write',
  'GET /api/official-reports/figures/catalogue': 'template.read',
  'POST /api/official-reports/templates/check': 'template.read',
  'GET /api/official-reports/reports': 'report.read',
  'POST /api/official-reports/reports': 'report.write',
  'GET /api/official-reports/reports/:id': 'report.read',
  'PUT /api/official-reports/reports/:id': 'report.write',
  'GET /api/official-reports/reports/:id/figures': 'report.read',
  'GET /api/official-reports/reports/:id/figures/:key/records': 'report.read',
  'GET /api/official-reports/reports/:id/preview': 'report.read',
  'GET /api/official-reports/reports/:id/consistency': 'report.read',
  'GET /api/official-reports/reports/:id/document.:format': 'report.read',
  'POST /api/official-reports/reports/:id/submit': 'report.submit',
  'POST /api/official-reports/reports/:id/return': 'report.approve',
  'POST /api/official-reports/reports/:id/approve': 'report.approve',
  'POST /api/official-reports/reports/:id/issue': 'report.issue',
  'POST /api/official-reports/reports/:id/publish': 'report.publish',
};

let t: TestApp;
let reportId: string;
const headers = {} as Record<Role, Record<string, string>>;

beforeAll(async () => {
  t = await buildTestApp();
  for (const role of ['admin', 'leader', 'staff', 'enterprise'] as const) {
    headers[role] = await signIn(t.app, (await makeUser(t.db, role)).email);
  }
  headers.anonymous = {};
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/official-reports/reports',
    headers: headers.staff,
    payload: { templateCode: 'investment-summary', periodId: '2031M01' },
  });
  expect(res.statusCode, res.body).toBe(201);
  reportId = res.json().id;
}, 60_000);
afterAll(() => t?.close());

function concrete(route: string): { method: string; url: string } {
  const [method, pattern] = route.split(' ') as [string, string];
  const url = pattern
    .replace(':code', 'investment-summary')
    .replace(':id', reportId)
    .replace(':key', 'fdi.total.usd')
    .replace('document.:format', 'document.docx');
  return { method, url };
}

describe('official-reports permission matrix', () => {
  it('should declare every route of the module, each with an access rule the oracle knows', () => {
    const mine = t.app.routeInventory.filter(
      (r) => r.url.startsWith('/api/official-reports') && r.method !== 'HEAD',
    );
    const seen = mine.map((r) => `${r.method} ${r.url}`).sort();
    expect(seen).toEqual(Object.keys(ROUTES).sort());
    for (const r of mine)
      expect(r.access).toEqual({ action: `official_reports.${ROUTES[`${r.method} ${r.url}`]}` });
  });

  it('should allow exactly what the role is granted, for any route and role', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(ROUTES)),
        fc.constantFrom<Role>('admin', 'leader', 'staff', 'enterprise', 'anonymous'),
        async (route, role) => {
          const { method, url } = concrete(route);
          // Writes get an empty body: an allowed caller is stopped by validation, so nothing changes.
          const res = await t.app.inject({
            method: method as 'GET',
            url,
            headers: headers[role],
            ...(method !== 'GET' && { payload: {} }),
          });
          const granted = GRANTS[role].includes(ROUTES[route]!);
          if (role === 'anonymous') expect(res.statusCode, `${route} ${role}`).toBe(401);
          else if (!granted) {
            expect(res.statusCode, `${route} ${role}`).toBe(403);
            expect(res.json().code).toBe('FORBIDDEN');
          } else
            expect([401, 403], `${route} ${role}: ${res.body.slice(0, 200)}`).not.toContain(res.statusCode);
        },
      ),
      { numRuns: 600, seed: 20241125 },
    );
  }, 120_000);
});
