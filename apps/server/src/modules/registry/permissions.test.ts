/**
 * The registry's permission matrix (engineering guide §11): every route of the module × role × zone
 * jurisdiction × record, checked against an oracle written from the policy table independently of the code.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, signIn } from '../../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../../test/harness.ts';
import { headRows } from './import-formats.ts';
import { writeCsv } from './spreadsheet.ts';
import { makeWorld } from './testing.ts';

type Scope = 'all' | 'jurisdiction' | 'own_enterprise';

/** The grants as the issue specifies them (admin all; leader reads; staff their zones; enterprise its own). */
const GRANTS: Record<string, Record<string, Scope>> = {
  admin: Object.fromEntries(
    [
      'zone.read',
      'zone.write',
      'enterprise.read',
      'enterprise.write',
      'project.read',
      'project.write',
      'plan.read',
      'plan.write',
      'stats.read',
      'import',
    ].map((a) => [`registry.${a}`, 'all' as Scope]),
  ),
  leader: Object.fromEntries(
    ['zone.read', 'enterprise.read', 'project.read', 'plan.read', 'stats.read'].map((a) => [
      `registry.${a}`,
      'all' as Scope,
    ]),
  ),
  staff: Object.fromEntries(
    [
      'zone.read',
      'zone.write',
      'enterprise.read',
      'enterprise.write',
      'project.read',
      'project.write',
      'plan.read',
      'plan.write',
      'stats.read',
      'import',
    ].map((a) => [`registry.${a}`, 'jurisdiction' as Scope]),
  ),
  enterprise: { 'registry.enterprise.read': 'own_enterprise', 'registry.project.read': 'own_enterprise' },
};

type ActorName = 'admin' | 'leader' | 'staffAll' | 'staffEzA' | 'staffA1' | 'staffB' | 'entE1' | 'entE2';
type Target = 'A' | 'B';
interface ActorSpec {
  role: string;
  zones: 'all' | string[];
  enterprise: string | null;
}
/** A record's place: the zones it lies in (ancestors included) and its enterprise; null = no record check. */
type Resource = { zones: string[]; enterprise: string | null } | null;

let t: TestApp;
let w: Awaited<ReturnType<typeof makeWorld>>;
const headers = {} as Record<ActorName, Record<string, string>>;
const actors = {} as Record<ActorName, ActorSpec>;
const voidable = {} as Record<Target, string>;
let counter = 0;

interface Case {
  action: string;
  request: (target: Target) => { url: string; payload?: unknown; contentType?: string };
  resource: (target: Target) => Resource;
  /** For lists: the id that must be listed exactly when the target record is readable. */
  lists?: { read: string; id: (target: Target) => string; resource: (target: Target) => Resource };
}

const zoneOf = (target: Target) => (target === 'A' ? w.parkA1.id : w.parkB.id);
const chain = (target: Target) => (target === 'A' ? [w.parkA1.id, w.ezA.id] : [w.parkB.id]);
const entOf = (target: Target) => (target === 'A' ? w.e1.id : w.e2.id);
const projOf = (target: Target) => (target === 'A' ? w.p1 : w.p2);
const onZone = (target: Target): Resource => ({ zones: chain(target), enterprise: null });
const onEnterprise = (target: Target): Resource => ({ zones: chain(target), enterprise: entOf(target) });
const authorityWide = (): Resource => ({ zones: [], enterprise: null });
const none = (): Resource => null;
const day = () => {
  counter += 1;
  return new Date(Date.UTC(1995, 0, 1) + counter * 86_400_000).toISOString().slice(0, 10);
};

function cases(): Record<string, Case> {
  const csvFile = (rows: (string | number | null)[][]) => ({
    payload: writeCsv(rows),
    contentType: 'text/csv',
  });
  return {
    'GET /api/zones': {
      action: 'registry.zone.read',
      request: () => ({ url: `/api/zones?pageSize=500&q=${encodeURIComponent(w.tag)}` }),
      resource: none,
      lists: { read: 'registry.zone.read', id: zoneOf, resource: onZone },
    },
    'GET /api/zones/summary': {
      action: 'registry.zone.read',
      request: () => ({ url: '/api/zones/summary' }),
      resource: none,
    },
    'GET /api/zones/map': {
      action: 'registry.zone.read',
      request: () => ({ url: '/api/zones/map' }),
      resource: none,
    },
    'GET /api/zones/options': {
      action: 'registry.zone.read',
      request: () => ({ url: '/api/zones/options' }),
      resource: none,
    },
    'GET /api/zones/:id': {
      action: 'registry.zone.read',
      request: (x) => ({ url: `/api/zones/${zoneOf(x)}` }),
      resource: onZone,
    },
    'POST /api/zones': {
      action: 'registry.zone.write',
      request: (x) => ({
        url: '/api/zones',
        payload: {
          nameVi: `KCN ma trận ${w.tag} ${++counter}`,
          kind: 'industrial_park',
          parentId: x === 'A' ? w.ezA.id : null,
        },
      }),
      resource: (x) => ({ zones: x === 'A' ? [w.ezA.id] : [], enterprise: null }),
    },
    'PATCH /api/zones/:id': {
      action: 'registry.zone.write',
      request: (x) => ({ url: `/api/zones/${zoneOf(x)}`, payload: { address: `Địa chỉ ${++counter}` } }),
      resource: onZone,
    },
    'POST /api/zones/:id/events': {
      action: 'registry.zone.write',
      request: (x) => ({
        url: `/api/zones/${zoneOf(x)}/events`,
        payload: { status: 'in_master_plan', eventDate: day() },
      }),
      resource: onZone,
    },
    'POST /api/zones/:id/events/:eventId/void': {
      action: 'registry.zone.write',
      request: (x) => ({
        url: `/api/zones/${zoneOf(x)}/events/${voidable[x]}/void`,
        payload: { reason: 'Ghi nhầm (kiểm thử)' },
      }),
      resource: onZone,
    },
    'POST /api/zones/:id/areas': {
      action: 'registry.zone.write',
      request: (x) => ({
        url: `/api/zones/${zoneOf(x)}/areas`,
        payload: { asOf: day(), totalAreaHa: '100' },
      }),
      resource: onZone,
    },
    'GET /api/zones/export': {
      action: 'registry.zone.read',
      request: () => ({ url: '/api/zones/export?format=csv' }),
      resource: none,
    },
    'GET /api/zones/events/export': {
      action: 'registry.zone.read',
      request: () => ({ url: '/api/zones/events/export?format=csv' }),
      resource: none,
    },
    'GET /api/zones/areas/export': {
      action: 'registry.zone.read',
      request: () => ({ url: '/api/zones/areas/export?format=csv' }),
      resource: none,
    },
    'GET /api/enterprises': {
      action: 'registry.enterprise.read',
      request: () => ({ url: `/api/enterprises?pageSize=500&q=${encodeURIComponent(w.tag)}` }),
      resource: none,
      lists: { read: 'registry.enterprise.read', id: entOf, resource: onEnterprise },
    },
    'GET /api/enterprises/options': {
      action: 'registry.enterprise.read',
      request: () => ({ url: '/api/enterprises/options' }),
      resource: none,
    },
    'GET /api/enterprises/:id': {
      action: 'registry.enterprise.read',
      request: (x) => ({ url: `/api/enterprises/${entOf(x)}` }),
      resource: onEnterprise,
    },
    'POST /api/enterprises': {
      action: 'registry.enterprise.write',
      request: (x) => ({
        url: '/api/enterprises',
        payload: {
          taxCode: String(4_100_000_000 + ++counter),
          nameVi: `Công ty ma trận ${counter}`,
          ownership: 'domestic',
          zoneIds: [zoneOf(x)],
        },
      }),
      resource: onZone,
    },
    'PATCH /api/enterprises/:id': {
      action: 'registry.enterprise.write',
      request: (x) => ({ url: `/api/enterprises/${entOf(x)}`, payload: { address: `Địa chỉ ${++counter}` } }),
      resource: onEnterprise,
    },
    'GET /api/enterprises/export': {
      action: 'registry.enterprise.read',
      request: () => ({ url: '/api/enterprises/export?format=csv' }),
      resource: none,
    },
    'GET /api/projects': {
      action: 'registry.project.read',
      request: () => ({ url: `/api/projects?pageSize=500&q=${encodeURIComponent(w.tag)}` }),
      resource: none,
      lists: { read: 'registry.project.read', id: (x) => projOf(x).id, resource: onEnterprise },
    },
    'GET /api/projects/:id': {
      action: 'registry.project.read',
      request: (x) => ({ url: `/api/projects/${projOf(x).id}` }),
      resource: onEnterprise,
    },
    'POST /api/projects': {
      action: 'registry.project.write',
      request: (x) => ({
        url: '/api/projects',
        payload: {
          projectCode: `M-${w.tag}-${++counter}`,
          nameVi: `Dự án ma trận ${counter}`,
          enterpriseId: entOf(x),
          zoneId: zoneOf(x),
          investmentType: 'ddi',
          vsicCode: '52',
        },
      }),
      resource: onZone,
    },
    'PATCH /api/projects/:id': {
      action: 'registry.project.write',
      request: (x) => ({
        url: `/api/projects/${projOf(x).id}`,
        payload: { objectives: `Mục tiêu ${++counter}` },
      }),
      resource: onEnterprise,
    },
    'POST /api/projects/:id/ledger': {
      action: 'registry.project.write',
      request: (x) => ({
        url: `/api/projects/${projOf(x).id}/ledger`,
        payload: {
          kind: 'adjustment',
          certificateNo: `MX-${w.tag}-${++counter}`,
          certificateDate: '2024-01-01',
          capitalChange: '1',
        },
      }),
      resource: onEnterprise,
    },
    'GET /api/projects/export': {
      action: 'registry.project.read',
      request: () => ({ url: '/api/projects/export?format=csv' }),
      resource: none,
    },
    'GET /api/ledger': {
      action: 'registry.project.read',
      request: () => ({ url: `/api/ledger?pageSize=500&q=${encodeURIComponent(w.tag)}` }),
      resource: none,
      lists: { read: 'registry.project.read', id: (x) => projOf(x).ledger[0]!.id, resource: onEnterprise },
    },
    'GET /api/ledger/:id': {
      action: 'registry.project.read',
      request: (x) => ({ url: `/api/ledger/${projOf(x).ledger[0]!.id}` }),
      resource: onEnterprise,
    },
    'GET /api/ledger/export': {
      action: 'registry.project.read',
      request: () => ({ url: '/api/ledger/export?format=csv' }),
      resource: none,
    },
    'GET /api/vsic': {
      action: 'registry.project.read',
      request: () => ({ url: '/api/vsic?level=1' }),
      resource: none,
    },
    'GET /api/plans': {
      action: 'registry.plan.read',
      request: () => ({ url: '/api/plans' }),
      resource: none,
    },
    'POST /api/plans': {
      action: 'registry.plan.write',
      request: () => ({
        url: '/api/plans',
        payload: { indicator: 'export_usd_m', yearFrom: 2030, value: '1', effectiveFrom: day() },
      }),
      resource: authorityWide,
    },
    'GET /api/plans/export': {
      action: 'registry.plan.read',
      request: () => ({ url: '/api/plans/export?format=csv' }),
      resource: none,
    },
    'GET /api/exchange-rates': {
      action: 'registry.plan.read',
      request: () => ({ url: '/api/exchange-rates' }),
      resource: none,
    },
    'POST /api/exchange-rates': {
      action: 'registry.plan.write',
      request: () => {
        const d = day();
        return {
          url: '/api/exchange-rates',
          payload: { currency: 'JPY', kind: 'daily', validFrom: d, validTo: d, vndPerUnit: '170' },
        };
      },
      resource: authorityWide,
    },
    'GET /api/exchange-rates/export': {
      action: 'registry.plan.read',
      request: () => ({ url: '/api/exchange-rates/export?format=csv' }),
      resource: none,
    },
    'GET /api/registry/stats/investment': {
      action: 'registry.stats.read',
      request: () => ({ url: '/api/registry/stats/investment?period=2024&groupBy=zone' }),
      resource: none,
    },
    'GET /api/registry/stats/capital': {
      action: 'registry.stats.read',
      request: () => ({ url: '/api/registry/stats/capital?asOf=2024-12-31' }),
      resource: none,
    },
    'GET /api/registry/import/templates/:entity': {
      action: 'registry.import',
      request: () => ({ url: '/api/registry/import/templates/zones?format=csv' }),
      resource: none,
    },
    'POST /api/registry/import/:entity': {
      action: 'registry.import',
      request: () => ({ url: '/api/registry/import/plans?dryRun=true', ...csvFile(headRows('plans')) }),
      resource: none,
    },
    'POST /api/registry/import/:entity/jobs': {
      action: 'registry.import',
      request: () => ({ url: '/api/registry/import/plans/jobs?dryRun=true', ...csvFile(headRows('plans')) }),
      resource: none,
    },
    'GET /api/registry/import/jobs/:id': {
      action: 'registry.import',
      request: () => ({ url: '/api/registry/import/jobs/00000000-0000-4000-8000-000000000000' }),
      resource: none,
    },
  };
}

/** The policy as the specification reads: the grant, then how far it reaches. */
function expected(
  actor: ActorSpec,
  action: string,
  resource: Resource,
): 'allow' | 'FORBIDDEN' | 'OUT_OF_JURISDICTION' {
  const scope = GRANTS[actor.role]?.[action];
  if (!scope) return 'FORBIDDEN';
  if (!resource || scope === 'all') return 'allow';
  if (scope === 'jurisdiction') {
    if (actor.zones === 'all') return 'allow';
    const listed = actor.zones;
    return resource.zones.some((z) => listed.includes(z)) ? 'allow' : 'OUT_OF_JURISDICTION';
  }
  return actor.enterprise !== null && resource.enterprise === actor.enterprise
    ? 'allow'
    : 'OUT_OF_JURISDICTION';
}

let table: Record<string, Case>;

async function check(name: ActorName, key: string, target: Target) {
  const c = table[key]!;
  const [method] = key.split(' ') as ['GET' | 'POST' | 'PATCH'];
  const req = c.request(target);
  const res = await t.app.inject({
    method,
    url: req.url,
    payload: req.payload instanceof Buffer ? req.payload : (req.payload as object | undefined),
    headers: { ...headers[name], ...(req.contentType && { 'content-type': req.contentType }) },
  });
  const want = expected(actors[name], c.action, c.resource(target));
  const label = `${name} ${key} on ${target}`;
  if (want === 'allow') {
    expect([401, 403], `${label}: ${res.body.slice(0, 200)}`).not.toContain(res.statusCode);
    expect(res.statusCode, `${label}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
    if (c.lists && res.statusCode === 200) {
      const ids = (res.json().items as { id: string }[]).map((i) => i.id);
      const visible = expected(actors[name], c.lists.read, c.lists.resource(target)) === 'allow';
      expect(ids.includes(c.lists.id(target)), `${label}: listed`).toBe(visible);
    }
  } else {
    expect({ label, status: res.statusCode, code: res.json().code }).toEqual({
      label,
      status: 403,
      code: want,
    });
  }
}

beforeAll(async () => {
  t = await buildTestApp();
  w = await makeWorld(t.db);
  table = cases();
  const specs: Record<ActorName, ActorSpec & { extra: Record<string, unknown> }> = {
    admin: { role: 'admin', zones: 'all', enterprise: null, extra: {} },
    leader: { role: 'leader', zones: 'all', enterprise: null, extra: {} },
    staffAll: { role: 'staff', zones: 'all', enterprise: null, extra: { zoneScope: 'all' } },
    staffEzA: {
      role: 'staff',
      zones: [w.ezA.id],
      enterprise: null,
      extra: { zoneScope: 'listed', zoneIds: [w.ezA.id] },
    },
    staffA1: {
      role: 'staff',
      zones: [w.parkA1.id],
      enterprise: null,
      extra: { zoneScope: 'listed', zoneIds: [w.parkA1.id] },
    },
    staffB: {
      role: 'staff',
      zones: [w.parkB.id],
      enterprise: null,
      extra: { zoneScope: 'listed', zoneIds: [w.parkB.id] },
    },
    entE1: { role: 'enterprise', zones: [], enterprise: w.e1.id, extra: { enterpriseId: w.e1.id } },
    entE2: { role: 'enterprise', zones: [], enterprise: w.e2.id, extra: { enterpriseId: w.e2.id } },
  };
  for (const [name, s] of Object.entries(specs) as [ActorName, (typeof specs)[ActorName]][]) {
    const user = await makeUser(t.db, s.role as 'admin', s.extra);
    headers[name] = await signIn(t.app, user.email);
    actors[name] = { role: s.role, zones: s.zones, enterprise: s.enterprise };
  }
  const admin = headers.admin;
  for (const x of ['A', 'B'] as const) {
    const ev = await t.app.inject({
      method: 'POST',
      url: `/api/zones/${zoneOf(x)}/events`,
      payload: { status: 'in_master_plan', eventDate: '1990-01-01' },
      headers: admin,
    });
    voidable[x] = ev.json().id;
  }
});
afterAll(() => t.close());

describe('registry permission matrix', () => {
  it('should grant in role_permissions exactly what the issue specifies for the registry', async () => {
    const rows = await t.db
      .selectFrom('role_permissions')
      .selectAll()
      .where('action', 'like', 'registry.%')
      .execute();
    const actual: Record<string, Record<string, string>> = {};
    for (const r of rows) actual[r.role] = { ...actual[r.role], [r.action]: r.scope };
    expect(actual).toEqual(GRANTS);
  });

  it('should have a matrix case for every route of the module, and no case for a route that does not exist', () => {
    const module = t.app.routeInventory
      .filter(
        (r) =>
          r.method !== 'HEAD' &&
          /^\/api\/(zones|enterprises|projects|ledger|plans|exchange-rates|registry|vsic)(\/|$)/.test(r.url),
      )
      .map((r) => `${r.method} ${r.url}`);
    expect(new Set(module)).toEqual(new Set(Object.keys(table)));
  });

  it('should allow or deny every route × role × jurisdiction × record as the policy table says', async () => {
    for (const key of Object.keys(table)) {
      for (const name of Object.keys(actors) as ActorName[]) {
        for (const target of ['A', 'B'] as const) await check(name, key, target);
      }
    }
  });

  it('should keep agreeing with the policy table for random sequences of requests', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.constantFrom(...(Object.keys(actors) as ActorName[])),
            fc.constantFrom(...Object.keys(table)),
            fc.constantFrom<Target>('A', 'B'),
          ),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        async (steps) => {
          for (const [name, key, target] of steps) await check(name, key, target);
        },
      ),
      { numRuns: 40 },
    );
  });
});
