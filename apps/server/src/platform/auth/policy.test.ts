import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.ts';
import { decide, listFilter } from './policy.ts';

const ZONES = ['z1', 'z2', 'z3', 'z4'];
const ENTERPRISES = ['e1', 'e2', 'e3'];
const ACTIONS = ['registry.zone.read', 'registry.zone.write', 'audit.read'];

type ActorSpec = {
  role: string;
  zoneScope: 'all' | 'listed' | null;
  zoneIds: string[];
  enterpriseId: string | null;
  grants: Record<string, 'all' | 'jurisdiction' | 'own_enterprise'>;
};

const arbActor: fc.Arbitrary<ActorSpec> = fc.record({
  role: fc.constantFrom('admin', 'leader', 'staff', 'enterprise'),
  zoneScope: fc.constantFrom<'all' | 'listed' | null>('all', 'listed', null),
  zoneIds: fc.subarray(ZONES),
  enterpriseId: fc.option(fc.constantFrom(...ENTERPRISES), { nil: null }),
  grants: fc.dictionary(
    fc.constantFrom(...ACTIONS),
    fc.constantFrom('all', 'jurisdiction', 'own_enterprise') as fc.Arbitrary<
      'all' | 'jurisdiction' | 'own_enterprise'
    >,
  ),
});

function toActor(a: ActorSpec): Actor {
  return {
    id: 'u',
    email: 'u@test.vn',
    fullName: 'U',
    role: a.role as Actor['role'],
    department: null,
    zoneScope: a.zoneScope,
    zoneIds: a.zoneIds,
    enterpriseId: a.enterpriseId,
    permissions: new Map(Object.entries(a.grants)),
  };
}

/** The rule written out independently of the implementation, as the specification reads. */
function oracle(
  a: ActorSpec,
  action: string,
  res?: { zoneIds?: string[]; enterpriseId?: string | null },
): boolean {
  const scope = a.grants[action];
  if (!scope) return false;
  if (!res) return true;
  if (scope === 'all') return true;
  if (scope === 'jurisdiction')
    return a.zoneScope === 'all' || (res.zoneIds ?? []).some((z) => a.zoneIds.includes(z));
  return a.enterpriseId !== null && res.enterpriseId === a.enterpriseId;
}

describe('policy.decide', () => {
  it('should refuse with AUTH_REQUIRED when nobody is signed in', () => {
    expect(decide(null, 'registry.zone.read')).toEqual({ allowed: false, reason: 'AUTH_REQUIRED' });
  });

  it('should agree with the written rule for every actor, action and resource', () => {
    const arbRes = fc.option(
      fc.record({
        zoneIds: fc.subarray(ZONES),
        enterpriseId: fc.option(fc.constantFrom(...ENTERPRISES), { nil: null }),
      }),
      { nil: undefined },
    );
    fc.assert(
      fc.property(arbActor, fc.constantFrom(...ACTIONS), arbRes, (a, action, res) => {
        expect(decide(toActor(a), action, res).allowed).toBe(oracle(a, action, res));
      }),
      { numRuns: 2000 },
    );
  });

  it('should distinguish a missing permission from a record outside the jurisdiction', () => {
    const actor = toActor({
      role: 'staff',
      zoneScope: 'listed',
      zoneIds: ['z1'],
      enterpriseId: null,
      grants: { 'registry.zone.read': 'jurisdiction' },
    });
    expect(decide(actor, 'registry.zone.write')).toEqual({ allowed: false, reason: 'FORBIDDEN' });
    expect(decide(actor, 'registry.zone.read', { zoneIds: ['z2'] })).toEqual({
      allowed: false,
      reason: 'OUT_OF_JURISDICTION',
    });
    expect(decide(actor, 'registry.zone.read', { zoneIds: ['z2', 'z1'] }).allowed).toBe(true);
  });

  it('should narrow lists to exactly what single-record checks allow', () => {
    fc.assert(
      fc.property(
        arbActor,
        fc.constantFrom(...ACTIONS),
        fc.constantFrom(...ZONES),
        fc.constantFrom(...ENTERPRISES),
        (a, action, zone, ent) => {
          const actor = toActor(a);
          if (!decide(actor, action).allowed) {
            expect(() => listFilter(actor, action)).toThrow();
            return;
          }
          const f = listFilter(actor, action);
          const res = { zoneIds: [zone], enterpriseId: ent };
          const inList =
            f.kind === 'all' || (f.kind === 'zones' ? f.zoneIds.includes(zone) : f.enterpriseId === ent);
          // Records the list would show are records the actor may read; for 'all' scope every record.
          if (inList && f.kind !== 'all') expect(decide(actor, action, res).allowed).toBe(true);
          if (decide(actor, action, res).allowed && a.grants[action] !== 'own_enterprise') {
            expect(f.kind === 'all' || (f.kind === 'zones' && f.zoneIds.includes(zone))).toBe(true);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
