import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEnterprise } from '../../../test/factories.ts';
import { procedureTestApp, staffOf, userOf } from '../procedures/testing.ts';

/**
 * Record-level rules of feedback, property-based: an enterprise user reads only its own items; an item is
 * handled (taken, noted, answered, published, closed, reopened) only by staff of its unit or a leader, and
 * re-routed also by the one-stop. Written from the design, independently of access.ts.
 */

type Actor = {
  name: string;
  role: 'admin' | 'leader' | 'staff' | 'enterprise';
  unit?: string;
  own?: boolean;
  headers: Record<string, string>;
};
let t: Awaited<ReturnType<typeof procedureTestApp>>;
const actors: Actor[] = [];
let item: string;

beforeAll(async () => {
  t = await procedureTestApp();
  const e1 = await makeEnterprise(t.db);
  const e2 = await makeEnterprise(t.db);
  const owner = await userOf(t, 'enterprise', e1.id);
  actors.push({ name: 'admin', role: 'admin', headers: (await userOf(t, 'admin')).headers });
  actors.push({ name: 'leader', role: 'leader', headers: (await userOf(t, 'leader')).headers });
  for (const unit of ['labour', 'office', 'environment'] as const) {
    actors.push({ name: `staff ${unit}`, role: 'staff', unit, headers: (await staffOf(t, unit)).headers });
  }
  actors.push({ name: 'enterprise own', role: 'enterprise', own: true, headers: owner.headers });
  actors.push({
    name: 'enterprise other',
    role: 'enterprise',
    own: false,
    headers: (await userOf(t, 'enterprise', e2.id)).headers,
  });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/feedback',
    headers: owner.headers,
    payload: { kind: 'feedback', categoryCode: 'labour', requesterName: 'DN', subject: 'S', body: 'B' },
  });
  item = res.json().id;
}, 120_000);
afterAll(() => t.close());

const readAllowed = (a: Actor) => a.role !== 'enterprise' || a.own === true;
/** Handling: the item's unit (labour) or a leader; routing also the one-stop. Admin and enterprise never. */
const handleAllowed = (a: Actor, path: string) =>
  a.role === 'leader' ||
  (a.role === 'staff' && (a.unit === 'labour' || (path === 'route' && a.unit === 'office')));

describe('feedback record-level rules', () => {
  it('should let only the right people read and handle an item', async () => {
    // Bodies that fail after the policy (INVALID_STATE on a received item, or a harmless no-op), so a pass
    // changes nothing that later runs depend on.
    const paths: [string, object][] = [
      ['close', {}],
      ['publish', { public: true }],
      ['reopen', { reason: 'r' }],
      ['route', { unit: 'labour' }],
      ['notes', { body: 'ghi chú' }],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...actors),
        fc.constantFrom<[string, object] | ['read', null]>(['read', null], ...paths),
        async (actor, [path, body]) => {
          const res =
            path === 'read'
              ? await t.app.inject({ method: 'GET', url: `/api/feedback/${item}`, headers: actor.headers })
              : await t.app.inject({
                  method: 'POST',
                  url: `/api/feedback/${item}/${path}`,
                  headers: actor.headers,
                  payload: body!,
                });
          const ok = path === 'read' ? readAllowed(actor) : handleAllowed(actor, path);
          if (ok)
            expect({ actor: actor.name, path, status: res.statusCode }).not.toMatchObject({ status: 403 });
          else
            expect({ actor: actor.name, path, status: res.statusCode }).toEqual({
              actor: actor.name,
              path,
              status: 403,
            });
        },
      ),
      { numRuns: 150 },
    );
  });
});
