import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { signIn } from '../../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../../test/harness.ts';
import { systemCtx } from '../../platform/context.ts';
import { writeCsv } from '../registry/spreadsheet.ts';
import { createIndicator } from './commands/create-indicator.ts';
import { createRule } from './commands/rules.ts';
import { submitReport } from './commands/submit-report.ts';
import { grantUnlock } from './commands/unlocks.ts';
import { clock } from './schedule.ts';
import { createMonthlyForm, fullValues, insertEnterprise, insertUser, insertZone } from './testing.ts';

/**
 * The permission matrix of every reporting and analytics route, property-based: for any actor (role × zone
 * jurisdiction × enterprise), route and target enterprise, the API allows exactly what the written rule says.
 * A route added without an entry in ROUTES makes the inventory test fail.
 */

type Role = 'admin' | 'leader' | 'staff' | 'enterprise';
type Scope = 'all' | 'jurisdiction' | 'own_enterprise';
/** The permissions of migration 0040, written out again as the specification. */
const GRANTS: Record<Role, Record<string, Scope>> = {
  admin: Object.fromEntries(
    [
      'reporting.indicator.read',
      'reporting.indicator.write',
      'reporting.form.read',
      'reporting.form.write',
      'reporting.submission.read',
      'reporting.submission.write',
      'reporting.submission.review',
      'reporting.unlock',
      'reporting.import',
      'reporting.monitor.read',
      'reporting.reminder.send',
      'analytics.read',
    ].map((a) => [a, 'all' as const]),
  ),
  leader: Object.fromEntries(
    [
      'reporting.indicator.read',
      'reporting.form.read',
      'reporting.submission.read',
      'reporting.monitor.read',
      'analytics.read',
    ].map((a) => [a, 'all' as const]),
  ),
  staff: {
    'reporting.indicator.read': 'all',
    'reporting.form.read': 'all',
    'reporting.submission.read': 'jurisdiction',
    'reporting.submission.write': 'jurisdiction',
    'reporting.submission.review': 'jurisdiction',
    'reporting.unlock': 'jurisdiction',
    'reporting.import': 'jurisdiction',
    'reporting.monitor.read': 'jurisdiction',
    'reporting.reminder.send': 'jurisdiction',
    'analytics.read': 'jurisdiction',
  },
  enterprise: {
    'reporting.indicator.read': 'all',
    'reporting.form.read': 'own_enterprise',
    'reporting.submission.read': 'own_enterprise',
    'reporting.submission.write': 'own_enterprise',
    'analytics.read': 'own_enterprise',
  },
};

interface ActorSpec {
  key: string;
  role: Role;
  /** Zones the staff member covers ('all' = every zone). */
  zones: 'all' | ('z1' | 'z2')[];
  enterprise: 'e1' | 'e2' | null;
}
const ACTORS: ActorSpec[] = [
  { key: 'admin', role: 'admin', zones: 'all', enterprise: null },
  { key: 'leader', role: 'leader', zones: 'all', enterprise: null },
  { key: 'staffAll', role: 'staff', zones: 'all', enterprise: null },
  { key: 'staffZ1', role: 'staff', zones: ['z1'], enterprise: null },
  { key: 'staffZ2', role: 'staff', zones: ['z2'], enterprise: null },
  { key: 'entE1', role: 'enterprise', zones: [], enterprise: 'e1' },
  { key: 'entE2', role: 'enterprise', zones: [], enterprise: 'e2' },
];
/** E1 is in a park inside economic zone z1; E2 in park z2. */
const ZONE_OF = { e1: 'z1', e2: 'z2' } as const;

type Target = 'e1' | 'e2';
/** How a route is checked: the action at all, on the target enterprise, or on every enterprise at once. */
type Kind = 'role' | 'enterprise';

function allowed(a: ActorSpec, action: string, kind: Kind, target: Target): boolean {
  const scope = GRANTS[a.role][action];
  if (!scope) return false;
  if (kind === 'role' || scope === 'all') return true;
  if (scope === 'jurisdiction') return a.zones === 'all' || a.zones.includes(ZONE_OF[target]);
  return a.enterprise === target;
}

let t: TestApp;
const headers: Record<string, Record<string, string>> = {};
const ids: Record<string, string> = {};
let n = 0;

interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  action: string;
  kind: Kind;
  request(target: Target): { url: string; payload?: object | string; contentType?: string };
}

const report = (target: Target, period = '2026M10') =>
  `/api/reporting/forms/${ids.form}/reports/${ids[target]}/${period}`;
const ROUTES: RouteSpec[] = [
  {
    method: 'GET',
    url: '/api/reporting/indicators',
    action: 'reporting.indicator.read',
    kind: 'role',
    request: () => ({ url: '/api/reporting/indicators' }),
  },
  {
    method: 'POST',
    url: '/api/reporting/indicators',
    action: 'reporting.indicator.write',
    kind: 'role',
    request: () => ({
      url: '/api/reporting/indicators',
      payload: { code: `perm_${++n}`, nameVi: 'x', nameEn: 'x', unit: 'usd', aggregation: 'sum' },
    }),
  },
  {
    method: 'PATCH',
    url: '/api/reporting/indicators/:code',
    action: 'reporting.indicator.write',
    kind: 'role',
    request: () => ({ url: '/api/reporting/indicators/perm_base', payload: { nameEn: `x${++n}` } }),
  },
  {
    method: 'GET',
    url: '/api/reporting/disaggregations',
    action: 'reporting.indicator.read',
    kind: 'role',
    request: () => ({ url: '/api/reporting/disaggregations' }),
  },
  {
    method: 'GET',
    url: '/api/reporting/forms',
    action: 'reporting.form.read',
    kind: 'role',
    request: () => ({ url: '/api/reporting/forms' }),
  },
  {
    method: 'GET',
    url: '/api/reporting/forms/:formId',
    action: 'reporting.form.read',
    kind: 'role',
    request: () => ({ url: `/api/reporting/forms/${ids.form}` }),
  },
  {
    method: 'POST',
    url: '/api/reporting/forms',
    action: 'reporting.form.write',
    kind: 'role',
    request: () => ({
      url: '/api/reporting/forms',
      payload: {
        code: `PERM-${++n}`,
        nameVi: 'x',
        nameEn: 'x',
        periodType: 'year',
        dueAfterDays: 90,
        lockAfterDays: 120,
        firstPeriod: '2025',
        indicators: [{ code: 'perm_base' }],
        active: false,
      },
    }),
  },
  {
    method: 'PATCH',
    url: '/api/reporting/forms/:formId',
    action: 'reporting.form.write',
    kind: 'role',
    request: () => ({ url: `/api/reporting/forms/${ids.form}`, payload: { nameEn: `Monthly ${++n}` } }),
  },
  {
    method: 'POST',
    url: '/api/reporting/forms/:formId/rules',
    action: 'reporting.form.write',
    kind: 'role',
    request: () => ({
      url: `/api/reporting/forms/${ids.form}/rules`,
      payload: {
        code: `R${++n}`,
        leftExpr: 'revenue',
        operator: 'ge',
        rightExpr: '0',
        severity: 'warning',
        messageVi: 'x',
        messageEn: 'x',
        active: false,
      },
    }),
  },
  {
    method: 'PATCH',
    url: '/api/reporting/rules/:ruleId',
    action: 'reporting.form.write',
    kind: 'role',
    request: () => ({ url: `/api/reporting/rules/${ids.rule}`, payload: { messageEn: `x${++n}` } }),
  },
  {
    // A rule that does not exist: allowed actors get 404, the others 403 (the shared rule stays for PATCH).
    method: 'DELETE',
    url: '/api/reporting/rules/:ruleId',
    action: 'reporting.form.write',
    kind: 'role',
    request: () => ({ url: `/api/reporting/rules/${crypto.randomUUID()}` }),
  },
  {
    method: 'GET',
    url: '/api/reporting/forms/:formId/unlocks',
    action: 'reporting.unlock',
    kind: 'role',
    request: () => ({ url: `/api/reporting/forms/${ids.form}/unlocks` }),
  },
  {
    method: 'POST',
    url: '/api/reporting/forms/:formId/unlocks',
    action: 'reporting.unlock',
    kind: 'enterprise',
    request: (tg) => ({
      url: `/api/reporting/forms/${ids.form}/unlocks`,
      payload: {
        periodId: '2026M08',
        enterpriseId: ids[tg],
        openUntil: '2026-11-30',
        reason: 'Kiểm thử quyền',
      },
    }),
  },
  {
    method: 'POST',
    url: '/api/reporting/unlocks/:unlockId/revoke',
    action: 'reporting.unlock',
    kind: 'enterprise',
    request: (tg) => ({ url: `/api/reporting/unlocks/${ids[`unlock_${tg}`]}/revoke` }),
  },
  {
    method: 'GET',
    url: '/api/reporting/forms/:formId/reports/:enterpriseId/:periodId',
    action: 'reporting.submission.read',
    kind: 'enterprise',
    request: (tg) => ({ url: report(tg) }),
  },
  {
    method: 'POST',
    url: '/api/reporting/forms/:formId/reports/:enterpriseId/:periodId/check',
    action: 'reporting.submission.read',
    kind: 'enterprise',
    request: (tg) => ({ url: `${report(tg)}/check`, payload: { values: fullValues() } }),
  },
  {
    method: 'PUT',
    url: '/api/reporting/forms/:formId/reports/:enterpriseId/:periodId/draft',
    action: 'reporting.submission.write',
    kind: 'enterprise',
    request: (tg) => ({ url: `${report(tg, '2026M09')}/draft`, payload: { values: fullValues() } }),
  },
  {
    method: 'POST',
    url: '/api/reporting/forms/:formId/reports/:enterpriseId/:periodId/submit',
    action: 'reporting.submission.write',
    kind: 'enterprise',
    request: (tg) => ({ url: `${report(tg)}/submit`, payload: { values: fullValues() } }),
  },
  {
    method: 'GET',
    url: '/api/reporting/forms/:formId/reports/:enterpriseId/:periodId/history',
    action: 'reporting.submission.read',
    kind: 'enterprise',
    request: (tg) => ({ url: `${report(tg)}/history` }),
  },
  {
    method: 'GET',
    url: '/api/reporting/submissions',
    action: 'reporting.submission.read',
    kind: 'role',
    request: () => ({ url: '/api/reporting/submissions' }),
  },
  {
    method: 'POST',
    url: '/api/reporting/submissions/:submissionId/accept',
    action: 'reporting.submission.review',
    kind: 'enterprise',
    request: (tg) => ({ url: `/api/reporting/submissions/${ids[`sub_${tg}`]}/accept` }),
  },
  {
    method: 'POST',
    url: '/api/reporting/submissions/:submissionId/return',
    action: 'reporting.submission.review',
    kind: 'enterprise',
    request: (tg) => ({
      url: `/api/reporting/submissions/${ids[`sub_${tg}`]}/return`,
      payload: { comment: 'Kiểm tra lại' },
    }),
  },
  {
    method: 'GET',
    url: '/api/reporting/enterprises/:enterpriseId/obligations',
    action: 'reporting.submission.read',
    kind: 'enterprise',
    request: (tg) => ({ url: `/api/reporting/enterprises/${ids[tg]}/obligations` }),
  },
  {
    method: 'GET',
    url: '/api/reporting/completeness',
    action: 'reporting.monitor.read',
    kind: 'role',
    request: () => ({ url: `/api/reporting/completeness?formId=${ids.form}&periods=2026M09` }),
  },
  {
    method: 'GET',
    url: '/api/reporting/completeness/missing',
    action: 'reporting.monitor.read',
    kind: 'role',
    request: () => ({ url: `/api/reporting/completeness/missing?formId=${ids.form}&periodId=2026M09` }),
  },
  {
    method: 'POST',
    url: '/api/reporting/forms/:formId/reminders',
    action: 'reporting.reminder.send',
    kind: 'role',
    request: () => ({ url: `/api/reporting/forms/${ids.form}/reminders`, payload: { periodId: '2026M09' } }),
  },
  {
    method: 'GET',
    url: '/api/reporting/forms/:formId/import-template',
    action: 'reporting.import',
    kind: 'role',
    request: () => ({ url: `/api/reporting/forms/${ids.form}/import-template?format=csv` }),
  },
  {
    method: 'POST',
    url: '/api/reporting/forms/:formId/import',
    action: 'reporting.import',
    kind: 'role',
    request: () => ({
      url: `/api/reporting/forms/${ids.form}/import?dryRun=true`,
      payload: writeCsv([
        ['#HEZA', `reporting:${ids.formCode}`, 'v1'],
        ['Mã số thuế (tax_code)', 'Kỳ (period)'],
      ]).toString('utf8'),
      contentType: 'text/csv',
    }),
  },
  {
    method: 'GET',
    url: '/api/analytics/indicators',
    action: 'analytics.read',
    kind: 'role',
    request: () => ({ url: '/api/analytics/indicators' }),
  },
  {
    method: 'GET',
    url: '/api/analytics/query',
    action: 'analytics.read',
    kind: 'role',
    request: () => ({ url: '/api/analytics/query?indicators=revenue&periods=2026M09&dimensions=zone' }),
  },
  {
    method: 'GET',
    url: '/api/analytics/export',
    action: 'analytics.read',
    kind: 'role',
    request: () => ({ url: '/api/analytics/export?format=csv&indicators=revenue&periods=2026M09' }),
  },
  {
    method: 'GET',
    url: '/api/analytics/headline',
    action: 'analytics.read',
    kind: 'role',
    request: () => ({ url: '/api/analytics/headline?period=2026M09' }),
  },
  {
    method: 'GET',
    url: '/api/analytics/map',
    action: 'analytics.read',
    kind: 'role',
    request: () => ({ url: '/api/analytics/map?indicator=revenue&period=2026M09' }),
  },
];

beforeAll(async () => {
  t = await buildTestApp();
  vi.spyOn(clock, 'today').mockReturnValue('2026-11-05');
  vi.spyOn(clock, 'now').mockReturnValue(new Date('2026-11-05T03:00:00Z'));
  const z1 = await insertZone(t.db, 'KKT Quyền 1', { kind: 'economic_zone' });
  const z1a = await insertZone(t.db, 'KCN Quyền 1a', { parentId: z1.id });
  const z2 = await insertZone(t.db, 'KCN Quyền 2');
  const e1 = await insertEnterprise(t.db, 'Công ty quyền 1', z1a.id);
  const e2 = await insertEnterprise(t.db, 'Công ty quyền 2', z2.id, { ownership: 'domestic' });
  ids.e1 = e1.id;
  ids.e2 = e2.id;
  const form = await createMonthlyForm(t.db);
  ids.form = form.id;
  ids.formCode = form.code;
  const ctx = systemCtx(t.db, 'test');
  await createIndicator(ctx, {
    code: 'perm_base',
    nameVi: 'Cơ sở',
    nameEn: 'Base',
    unit: 'usd',
    aggregation: 'sum',
  });
  ids.rule = (
    await createRule(ctx, form.id, {
      code: 'BASE',
      leftExpr: 'revenue',
      operator: 'ge',
      rightExpr: '0',
      severity: 'warning',
      messageVi: 'x',
      messageEn: 'x',
    })
  ).id;
  for (const tg of ['e1', 'e2'] as const) {
    ids[`sub_${tg}`] = (
      await submitReport(
        ctx,
        { formId: form.id, enterpriseId: ids[tg]!, periodId: '2026M10' },
        { values: fullValues() },
      )
    ).submissionId;
    ids[`unlock_${tg}`] = (
      await grantUnlock(ctx, form.id, {
        periodId: '2026M08',
        enterpriseId: ids[tg],
        openUntil: '2026-11-30',
        reason: 'Kiểm thử',
      })
    ).id;
  }
  const zoneIds = { z1: z1.id, z2: z2.id };
  for (const a of ACTORS) {
    const user = await insertUser(t.db, a.role, {
      ...(a.role === 'staff' && a.zones !== 'all' && { zoneIds: a.zones.map((z) => zoneIds[z]) }),
      ...(a.enterprise && { enterpriseId: ids[a.enterprise] }),
    });
    headers[a.key] = await signIn(t.app, user.email);
  }
  vi.restoreAllMocks();
}, 60_000);
afterAll(() => t.close());
beforeEach(() => {
  vi.spyOn(clock, 'today').mockReturnValue('2026-11-05');
  vi.spyOn(clock, 'now').mockReturnValue(new Date('2026-11-05T03:00:00Z'));
});
afterEach(() => vi.restoreAllMocks());

describe('permission matrix of reporting and analytics', () => {
  it('should have a specification for every route of the two modules', () => {
    const inventory = t.app.routeInventory
      .filter(
        (r) =>
          (r.url.startsWith('/api/reporting') || r.url.startsWith('/api/analytics')) && r.method !== 'HEAD',
      )
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(inventory).toEqual(ROUTES.map((r) => `${r.method} ${r.url}`).sort());
    for (const r of ROUTES) {
      const declared = t.app.routeInventory.find((x) => x.method === r.method && x.url === r.url)!.access;
      expect(declared, `${r.method} ${r.url}`).toEqual({ action: r.action });
    }
  });

  it('should allow exactly what the written rule allows, for any actor, route and enterprise', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ACTORS),
        fc.constantFrom(...ROUTES),
        fc.constantFrom<Target>('e1', 'e2'),
        async (actor, route, target) => {
          const req = route.request(target);
          const res = await t.app.inject({
            method: route.method,
            url: req.url,
            ...(req.payload !== undefined && { payload: req.payload }),
            headers: { ...headers[actor.key], ...(req.contentType && { 'content-type': req.contentType }) },
          });
          const expected = allowed(actor, route.action, route.kind, target);
          const outcome = {
            route: `${route.method} ${route.url}`,
            actor: actor.key,
            target,
            status: res.statusCode,
          };
          if (expected)
            expect(outcome, res.body).toEqual({ ...outcome, status: expect.not.toBeOneOf([401, 403]) });
          else expect(outcome, res.body).toEqual({ ...outcome, status: 403 });
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);
});
