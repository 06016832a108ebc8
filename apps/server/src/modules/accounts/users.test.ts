import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEnterprise, makeUser, makeZone, signIn } from '../../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let adminH: Record<string, string>;
beforeAll(async () => {
  t = await buildTestApp();
  const admin = await makeUser(t.db, 'admin');
  adminH = await signIn(t.app, admin.email);
});
afterAll(() => t.close());

describe('user management', () => {
  it('should create a staff member with department and listed zones, and audit it with the after state', async () => {
    const z1 = await makeZone(t.db, 'KCN Đình Vũ');
    const z2 = await makeZone(t.db, 'KCN Tràng Duệ');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: adminH,
      payload: {
        email: 'Can.Bo@Heza.VN',
        fullName: 'Lê Văn Cán',
        role: 'staff',
        department: 'labour',
        zoneScope: 'listed',
        zoneIds: [z1.id, z2.id],
        password: 'Initial-pass-123',
      },
    });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({
      email: 'can.bo@heza.vn',
      role: 'staff',
      department: 'labour',
      zoneScope: 'listed',
    });
    expect(user.zones.map((z: { name: string }) => z.name)).toEqual(['KCN Đình Vũ', 'KCN Tràng Duệ']);
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', user.id)
      .where('action', '=', 'accounts.user.create')
      .executeTakeFirstOrThrow();
    expect((audit.after as { email: string }).email).toBe('can.bo@heza.vn');
    expect(JSON.stringify(audit.after)).not.toContain('Initial-pass-123');
  });

  it('should name the missing fields when a staff member has no department or an enterprise user no enterprise', async () => {
    const staff = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: adminH,
      payload: { email: 'x1@heza.vn', fullName: 'X', role: 'staff', password: 'Initial-pass-123' },
    });
    expect(staff.statusCode).toBe(400);
    expect(
      staff
        .json()
        .details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['department', 'zoneScope']);
    const ent = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: adminH,
      payload: { email: 'x2@heza.vn', fullName: 'X', role: 'enterprise', password: 'Initial-pass-123' },
    });
    expect(ent.json().details).toEqual([
      { field: 'enterpriseId', message: 'Tài khoản doanh nghiệp phải gắn với một doanh nghiệp.' },
    ]);
  });

  it('should refuse a duplicate e-mail with CONFLICT and write nothing', async () => {
    const u = await makeUser(t.db, 'leader');
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('users')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const auditBefore = Number(
      (
        await t.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: adminH,
      payload: { email: u.email.toUpperCase(), fullName: 'Y', role: 'admin', password: 'Initial-pass-123' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('CONFLICT');
    expect(await count()).toBe(before);
    const auditAfter = Number(
      (
        await t.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(auditAfter).toBe(auditBefore);
  });

  it('should refuse an enterprise id that does not exist, naming the field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: adminH,
      payload: {
        email: 'x3@heza.vn',
        fullName: 'X',
        role: 'enterprise',
        enterpriseId: '00000000-0000-4000-8000-000000000000',
        password: 'Initial-pass-123',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('enterpriseId');
  });

  it('should disable an account, end its sessions, and record before and after', async () => {
    const u = await makeUser(t.db, 'staff');
    const h = await signIn(t.app, u.email);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${u.id}`,
      headers: adminH,
      payload: { active: false },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: h.cookie } })).json()
        .user,
    ).toBeNull();
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', u.id)
      .where('action', '=', 'accounts.user.update')
      .executeTakeFirstOrThrow();
    expect((audit.before as { active: boolean }).active).toBe(true);
    expect((audit.after as { active: boolean }).active).toBe(false);
  });

  it('should not let an administrator disable themselves', async () => {
    const me = await makeUser(t.db, 'admin');
    const h = await signIn(t.app, me.email);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${me.id}`,
      headers: h,
      payload: { active: false },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('active');
  });

  it('should switch a user to the enterprise role only with an enterprise', async () => {
    const u = await makeUser(t.db, 'leader');
    const bad = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${u.id}`,
      headers: adminH,
      payload: { role: 'enterprise' },
    });
    expect(bad.statusCode).toBe(400);
    const e = await makeEnterprise(t.db);
    const ok = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${u.id}`,
      headers: adminH,
      payload: { role: 'enterprise', enterpriseId: e.id },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().enterprise).toEqual({ id: e.id, name: e.name_vi });
  });

  it('should find users by name without diacritics', async () => {
    await makeUser(t.db, 'leader', { fullName: 'Phạm Thị Đào' });
    const res = await t.app.inject({ method: 'GET', url: '/api/users?q=pham%20thi%20dao', headers: adminH });
    expect(res.json().items.map((u: { fullName: string }) => u.fullName)).toContain('Phạm Thị Đào');
  });
});

describe('audit viewer', () => {
  it('should filter by entity, actor and date range', async () => {
    const u = await makeUser(t.db, 'staff');
    await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${u.id}`,
      headers: adminH,
      payload: { fullName: 'Tên mới' },
    });
    const byEntity = await t.app.inject({
      method: 'GET',
      url: `/api/audit?entityType=user&entityId=${u.id}`,
      headers: adminH,
    });
    expect(byEntity.statusCode).toBe(200);
    expect(byEntity.json().items.map((i: { action: string }) => i.action)).toEqual([
      'accounts.user.update',
      'accounts.user.create',
    ]);
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const inRange = await t.app.inject({
      method: 'GET',
      url: `/api/audit?entityId=${u.id}&from=${today}&to=${today}`,
      headers: adminH,
    });
    expect(inRange.json().total).toBe(2);
    const past = await t.app.inject({
      method: 'GET',
      url: `/api/audit?entityId=${u.id}&to=2020-01-01`,
      headers: adminH,
    });
    expect(past.json().total).toBe(0);
    const badDate = await t.app.inject({ method: 'GET', url: '/api/audit?from=01/02/2025', headers: adminH });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().details[0].field).toBe('query.from');
  });
});

describe('accounts permission matrix', () => {
  // Expected grants written out from the product brief, independently of the seeded role_permissions rows.
  const EXPECTED: Record<string, Record<string, boolean>> = {
    admin: {
      'GET /api/users': true,
      'POST /api/users': true,
      'PATCH /api/users/:id': true,
      'GET /api/users/:id': true,
      'GET /api/audit': true,
    },
    leader: {
      'GET /api/users': true,
      'POST /api/users': false,
      'PATCH /api/users/:id': false,
      'GET /api/users/:id': true,
      'GET /api/audit': false,
    },
    staff: {
      'GET /api/users': false,
      'POST /api/users': false,
      'PATCH /api/users/:id': false,
      'GET /api/users/:id': false,
      'GET /api/audit': false,
    },
    enterprise: {
      'GET /api/users': false,
      'POST /api/users': false,
      'PATCH /api/users/:id': false,
      'GET /api/users/:id': false,
      'GET /api/audit': false,
    },
  };

  it('should allow exactly the expected role × route pairs, for any user of each role', async () => {
    const target = await makeUser(t.db, 'leader');
    const sessions = new Map<string, Record<string, string>>();
    for (const role of ['admin', 'leader', 'staff', 'enterprise'] as const) {
      const u = await makeUser(
        t.db,
        role,
        role === 'staff' ? { department: 'labour', zoneScope: 'all' } : {},
      );
      sessions.set(role, await signIn(t.app, u.email));
    }
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('admin', 'leader', 'staff', 'enterprise'),
        fc.constantFrom(...Object.keys(EXPECTED.admin!)),
        async (role, route) => {
          const [method, url] = route.split(' ') as [string, string];
          const res = await t.app.inject({
            method: method as 'GET',
            url: url.replace(':id', target.id),
            headers: sessions.get(role)!,
            payload:
              method === 'POST'
                ? {
                    email: `m${Math.random()}@x.vn`,
                    fullName: 'M',
                    role: 'leader',
                    password: 'Matrix-pass-123',
                  }
                : method === 'PATCH'
                  ? { fullName: 'Đổi tên' }
                  : undefined,
          });
          const allowed = res.statusCode < 400;
          expect({ role, route, allowed }).toEqual({ role, route, allowed: EXPECTED[role]![route] });
          if (!allowed) expect(res.json().code).toBe('FORBIDDEN');
        },
      ),
      { numRuns: 60 },
    );
  });
});
