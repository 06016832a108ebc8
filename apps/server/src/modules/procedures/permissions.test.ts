import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEnterprise, makeZone } from '../../../test/factories.ts';
import { counterBody, procedure, procedureTestApp, staffOf, userOf } from './testing.ts';

/**
 * The permission matrix of the procedures, calendar and feedback routes, property-based: for any route and
 * any kind of actor, the answer must be what the specification below says. The specification is written
 * out here from the design (role → actions → scope), not read from the migrations, so a wrong grant in the
 * database or a route guarded by the wrong action fails the test.
 */

type Scope = 'all' | 'jurisdiction' | 'own_enterprise';
const GRANTS: Record<string, Record<string, Scope>> = {
  admin: {
    'calendar.read': 'all',
    'calendar.write': 'all',
    'procedures.catalogue.read': 'all',
    'procedures.catalogue.write': 'all',
    'procedures.dossier.read': 'all',
    'procedures.stats.read': 'all',
    'feedback.item.read': 'all',
    'feedback.category.write': 'all',
    'feedback.stats.read': 'all',
  },
  leader: {
    'calendar.read': 'all',
    'procedures.catalogue.read': 'all',
    'procedures.dossier.read': 'all',
    'procedures.dossier.process': 'all',
    'procedures.stats.read': 'all',
    'feedback.item.read': 'all',
    'feedback.item.process': 'all',
    'feedback.stats.read': 'all',
  },
  staff: {
    'calendar.read': 'all',
    'procedures.catalogue.read': 'all',
    'procedures.dossier.read': 'jurisdiction',
    'procedures.dossier.intake': 'jurisdiction',
    'procedures.dossier.process': 'jurisdiction',
    'procedures.stats.read': 'jurisdiction',
    'feedback.item.read': 'all',
    'feedback.item.intake': 'all',
    'feedback.item.process': 'all',
    'feedback.stats.read': 'all',
  },
  enterprise: {
    'procedures.dossier.submit': 'own_enterprise',
    'procedures.dossier.read': 'own_enterprise',
    'feedback.item.read': 'own_enterprise',
  },
};

/** The action each route is guarded by ('public' = anyone), as designed. */
const ROUTES: Record<string, string> = {
  'GET /api/calendar/years/:year': 'public',
  'GET /api/calendar/official-days': 'calendar.read',
  'GET /api/calendar/official-days/:date/impact': 'calendar.write',
  'PUT /api/calendar/official-days/:date': 'calendar.write',
  'DELETE /api/calendar/official-days/:date': 'calendar.write',
  'GET /api/procedures/catalogue': 'public',
  'GET /api/procedures/catalogue/:code': 'public',
  'GET /api/procedures/catalogue/:code/appointment': 'public',
  'GET /api/procedures/catalogue/:code/versions': 'procedures.catalogue.read',
  'POST /api/procedures/catalogue': 'procedures.catalogue.write',
  'GET /api/procedures/agency': 'procedures.catalogue.read',
  'PUT /api/procedures/agency': 'procedures.catalogue.write',
  'POST /api/procedures/uploads': 'public',
  'POST /api/procedures/dossiers': 'public',
  'POST /api/procedures/dossiers/counter': 'procedures.dossier.intake',
  'GET /api/procedures/dossiers': 'procedures.dossier.read',
  'GET /api/procedures/queue': 'procedures.dossier.read',
  'GET /api/procedures/dossiers/:id': 'procedures.dossier.read',
  'GET /api/procedures/dossiers/:id/forms/:form/:format': 'procedures.dossier.read',
  'GET /api/procedures/dossiers/:id/files/:fileId': 'procedures.dossier.read',
  'POST /api/procedures/dossiers/:id/receive': 'procedures.dossier.intake',
  'POST /api/procedures/dossiers/:id/intake-supplement': 'procedures.dossier.intake',
  'POST /api/procedures/dossiers/:id/reject': 'procedures.dossier.intake',
  'POST /api/procedures/dossiers/:id/supplement/counter': 'procedures.dossier.intake',
  'POST /api/procedures/dossiers/:id/transfer': 'procedures.dossier.intake',
  'POST /api/procedures/dossiers/:id/claim': 'procedures.dossier.process',
  'POST /api/procedures/dossiers/:id/assign': 'procedures.dossier.process',
  'POST /api/procedures/dossiers/:id/result': 'procedures.dossier.process',
  'POST /api/procedures/dossiers/:id/complete-step': 'procedures.dossier.process',
  'POST /api/procedures/dossiers/:id/appraisal-supplement': 'procedures.dossier.process',
  'POST /api/procedures/dossiers/:id/extend': 'procedures.dossier.process',
  'POST /api/procedures/dossiers/:id/stop': 'procedures.dossier.process',
  'POST /api/procedures/dossiers/:id/return': 'procedures.dossier.intake',
  'POST /api/procedures/dossiers/:id/archive': 'procedures.dossier.intake',
  'POST /api/procedures/dossiers/:id/withdraw': 'procedures.dossier.intake',
  'POST /api/procedures/dossiers/:id/supplement': 'public',
  'GET /api/public/dossiers/track': 'public',
  'GET /api/public/dossiers/:id/forms/:form/:format': 'public',
  'GET /api/public/dossiers/:id/result': 'public',
  'GET /api/procedures/statistics': 'procedures.stats.read',
  'GET /api/procedures/scorecard': 'procedures.stats.read',
  'GET /api/feedback/categories': 'public',
  'PUT /api/feedback/categories/:code': 'feedback.category.write',
  'POST /api/feedback': 'public',
  'POST /api/feedback/counter': 'feedback.item.intake',
  'GET /api/feedback': 'feedback.item.read',
  'GET /api/feedback/statistics': 'feedback.stats.read',
  'GET /api/feedback/:id': 'feedback.item.read',
  'POST /api/feedback/:id/take': 'feedback.item.process',
  'POST /api/feedback/:id/route': 'feedback.item.process',
  'POST /api/feedback/:id/notes': 'feedback.item.process',
  'POST /api/feedback/:id/answer': 'feedback.item.process',
  'POST /api/feedback/:id/category': 'feedback.item.process',
  'POST /api/feedback/:id/publish': 'feedback.item.process',
  'POST /api/feedback/:id/close': 'feedback.item.process',
  'POST /api/feedback/:id/reopen': 'feedback.item.process',
  'GET /api/public/feedback/track': 'public',
  'POST /api/public/feedback/:code/rate': 'public',
  'POST /api/public/feedback/:code/reopen': 'public',
  'GET /api/public/feedback/answers': 'public',
};
const MINE = /^\/api\/(procedures|calendar|feedback|public\/dossiers|public\/feedback)(\/|$)/;

let t: Awaited<ReturnType<typeof procedureTestApp>>;
type Actor = {
  name: string;
  role: string | null;
  zones: 'all' | 'z1' | 'z2' | null;
  enterprise: 'e1' | 'e2' | null;
  headers?: Record<string, string>;
};
const actors: Actor[] = [];
let fixture: { id: string; zone1: string; enterprise1: string };
let addr = 0;

beforeAll(async () => {
  t = await procedureTestApp();
  const z1 = await makeZone(t.db);
  const z2 = await makeZone(t.db);
  const e1 = await makeEnterprise(t.db);
  const e2 = await makeEnterprise(t.db);
  const office = await staffOf(t, 'office');
  actors.push({ name: 'guest', role: null, zones: null, enterprise: null });
  actors.push({
    name: 'admin',
    role: 'admin',
    zones: null,
    enterprise: null,
    headers: (await userOf(t, 'admin')).headers,
  });
  actors.push({
    name: 'leader',
    role: 'leader',
    zones: null,
    enterprise: null,
    headers: (await userOf(t, 'leader')).headers,
  });
  actors.push({
    name: 'staff office all',
    role: 'staff',
    zones: 'all',
    enterprise: null,
    headers: office.headers,
  });
  actors.push({
    name: 'staff labour all',
    role: 'staff',
    zones: 'all',
    enterprise: null,
    headers: (await staffOf(t, 'labour')).headers,
  });
  actors.push({
    name: 'staff office z1',
    role: 'staff',
    zones: 'z1',
    enterprise: null,
    headers: (await staffOf(t, 'office', [z1.id])).headers,
  });
  actors.push({
    name: 'staff office z2',
    role: 'staff',
    zones: 'z2',
    enterprise: null,
    headers: (await staffOf(t, 'office', [z2.id])).headers,
  });
  actors.push({
    name: 'enterprise e1',
    role: 'enterprise',
    zones: null,
    enterprise: 'e1',
    headers: (await userOf(t, 'enterprise', e1.id)).headers,
  });
  actors.push({
    name: 'enterprise e2',
    role: 'enterprise',
    zones: null,
    enterprise: 'e2',
    headers: (await userOf(t, 'enterprise', e2.id)).headers,
  });
  // The fixture: an archived dossier of enterprise e1 in zone z1 (every transition from it is INVALID_STATE).
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/procedures/dossiers/counter',
    headers: office.headers,
    payload: counterBody(await procedure(t, 'BQL-LD-01'), {
      zoneId: z1.id,
      decision: 'reject',
      rejection: { reason: 'r' },
    }),
  });
  const id = res.json().id as string;
  await t.app.inject({
    method: 'POST',
    url: `/api/procedures/dossiers/${id}/archive`,
    headers: office.headers,
    payload: {},
  });
  await t.db.updateTable('dossiers').set({ enterprise_id: e1.id }).where('id', '=', id).execute();
  fixture = { id, zone1: z1.id, enterprise1: e1.id };
}, 120_000);
afterAll(() => t.close());

/** The specification: may this actor pass the route's guard at all? */
function allowedAtAction(actor: Actor, action: string): boolean {
  if (action === 'public') return true;
  return actor.role !== null && GRANTS[actor.role]?.[action] !== undefined;
}

/** The specification: may this actor act on the fixture dossier (zone z1, enterprise e1)? */
function allowedOnFixture(actor: Actor, action: string): boolean {
  if (!allowedAtAction(actor, action) || action === 'public') return false;
  const scope = GRANTS[actor.role!]![action]!;
  if (scope === 'all') return true;
  if (scope === 'jurisdiction') return actor.zones === 'all' || actor.zones === 'z1';
  return actor.enterprise === 'e1';
}

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
function concrete(url: string, id: string, form = '06'): string {
  return url
    .replace(':year', '2026')
    .replace(':date', '2026-12-31')
    .replace(':fileId', UNKNOWN)
    .replace(':form', form)
    .replace(':format', 'docx')
    .replace(':code', 'environment')
    .replace(':id', id);
}

describe('permission matrix', () => {
  it('should register exactly the designed routes, each with the designed guard', () => {
    const mine = t.app.routeInventory.filter((r) => MINE.test(r.url) && r.method !== 'HEAD');
    const actual = Object.fromEntries(
      mine.map((r) => [
        `${r.method} ${r.url}`,
        r.access === 'public' ? 'public' : typeof r.access === 'object' ? r.access.action : String(r.access),
      ]),
    );
    expect(actual).toEqual(ROUTES);
  });

  it('should let every actor through exactly the routes whose action their role holds', async () => {
    const routes = Object.entries(ROUTES);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.constantFrom(...actors),
        async ([route, action], actor) => {
          const [method, url] = route.split(' ') as [string, string];
          const res = await t.app.inject({
            method: method as 'GET',
            url: concrete(url, UNKNOWN),
            headers: actor.headers,
            remoteAddress: `10.9.${Math.floor(++addr / 250)}.${addr % 250}`,
            ...(method === 'GET' ? {} : { payload: {} }),
          });
          const code = res.statusCode >= 400 ? res.json().code : null;
          if (!actor.role && action !== 'public') {
            expect({ route, status: res.statusCode }).toEqual({ route, status: 401 });
          } else if (!allowedAtAction(actor, action)) {
            expect({ route, actor: actor.name, status: res.statusCode, code }).toEqual({
              route,
              actor: actor.name,
              status: 403,
              code: 'FORBIDDEN',
            });
          } else {
            expect({ route, actor: actor.name, status: res.statusCode }).not.toMatchObject({ status: 401 });
            expect({ route, actor: actor.name, code }).not.toMatchObject({ code: 'FORBIDDEN' });
          }
        },
      ),
      { numRuns: 600 },
    );
  });

  it('should apply zones and enterprise ownership to one dossier for every actor and dossier route', async () => {
    const bodies: Record<string, object> = {
      receive: {},
      'intake-supplement': { reason: 'r', items: [{ name: 'x', reason: 'y' }] },
      reject: { reason: 'r' },
      'supplement/counter': { documents: [{ name: 'x', originals: 1 }] },
      transfer: {},
      claim: {},
      assign: { userId: UNKNOWN },
      result: { resultNumber: '1' },
      'complete-step': {},
      'appraisal-supplement': { reason: 'r', items: [{ name: 'x', reason: 'y' }] },
      extend: { reason: 'r', newDueDate: '2030-01-02', signerName: 'A', signerTitle: 'B' },
      stop: { reason: 'r' },
      return: { method: 'counter' },
      archive: {},
      withdraw: { reason: 'r' },
    };
    const dossierRoutes = Object.entries(ROUTES).filter(
      ([r, a]) => r.includes('/api/procedures/dossiers/:id') && a !== 'public' && !r.includes(':fileId'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...dossierRoutes),
        fc.constantFrom(...actors.filter((a) => a.role)),
        async ([route, action], actor) => {
          const [method, url] = route.split(' ') as [string, string];
          const path = url.split('/:id/')[1] ?? '';
          const res = await t.app.inject({
            method: method as 'GET',
            // The fixture was refused at intake: its form is the refusal (03).
            url: concrete(url, fixture.id, '03'),
            headers: actor.headers,
            ...(method === 'GET' ? {} : { payload: bodies[path] ?? {} }),
          });
          const code = res.statusCode >= 400 ? res.json().code : null;
          if (allowedOnFixture(actor, action)) {
            // Allowed: past the policy; reads succeed, transitions find the archived dossier in the wrong state
            // (the one-stop and step rules come after the state check).
            expect({ route, actor: actor.name, status: res.statusCode }).toEqual({
              route,
              actor: actor.name,
              status: method === 'GET' ? 200 : 409,
            });
          } else {
            expect({
              route,
              actor: actor.name,
              status: res.statusCode,
              code: ['FORBIDDEN', 'OUT_OF_JURISDICTION'].includes(code),
            }).toEqual({
              route,
              actor: actor.name,
              status: 403,
              code: true,
            });
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
