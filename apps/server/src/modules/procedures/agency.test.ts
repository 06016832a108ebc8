import type { AgencyView } from '@heza/shared/agency';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeEnterprise } from '../../../test/factories.ts';
import { procedure, procedureTestApp, receiveAtCounter, staffOf, userOf } from './testing.ts';

let t: Awaited<ReturnType<typeof procedureTestApp>>;
let admin: Awaited<ReturnType<typeof userOf>>;

beforeAll(async () => {
  t = await procedureTestApp();
  admin = await userOf(t, 'admin');
});
afterAll(() => t.close());
afterEach(() => vi.useRealTimers());

function at(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}

const valid = {
  code: '000.00.00.H31',
  nameVi: 'BAN QUẢN LÝ KHU KINH TẾ HẢI PHÒNG',
  nameEn: 'Hai Phong Economic Zone Authority',
  parentVi: 'UBND THÀNH PHỐ HẢI PHÒNG',
  placeVi: 'Hải Phòng',
  addressVi: 'Số 24 Cù Chính Lan, Hồng Bàng, Hải Phòng',
  phone: '0225 3836 111',
  email: 'MOTCUA@heza.example.vn',
};

function put(headers: Record<string, string> | undefined, payload: unknown) {
  return t.app.inject({ method: 'PUT', url: '/api/procedures/agency', headers, payload: payload as object });
}

describe('agency identifier and details', () => {
  it('should show the shipped placeholder to staff and administrators, not to guests or enterprises', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/procedures/agency', headers: admin.headers });
    expect(res.statusCode).toBe(200);
    const view = res.json() as AgencyView;
    expect(view.code).toBe('000.00.00.Z99');
    expect(view.isPlaceholder).toBe(true);
    expect(view.placeVi).toBe('Hải Phòng');
    const staff = await staffOf(t, 'office');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/procedures/agency', headers: staff.headers }))
        .statusCode,
    ).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/procedures/agency' })).statusCode).toBe(401);
    const enterprise = await userOf(t, 'enterprise', (await makeEnterprise(t.db)).id);
    const forEnterprise = await t.app.inject({
      method: 'GET',
      url: '/api/procedures/agency',
      headers: enterprise.headers,
    });
    expect(forEnterprise.statusCode).toBe(403);
  });

  it('should refuse a change from a guest, an enterprise user, staff and a leader, and change nothing', async () => {
    const staff = await staffOf(t, 'office');
    const leader = await userOf(t, 'leader');
    const enterprise = await userOf(t, 'enterprise', (await makeEnterprise(t.db)).id);
    expect((await put(undefined, valid)).statusCode).toBe(401);
    for (const who of [enterprise, staff, leader])
      expect((await put(who.headers, valid)).statusCode).toBe(403);
    const row = await t.db
      .selectFrom('one_stop_offices')
      .select('code')
      .where('is_default', '=', true)
      .executeTakeFirstOrThrow();
    expect(row.code).toBe('000.00.00.Z99');
  });

  it('should refuse an identifier that does not follow V1V2V3.Z1Z2.Y1Y2.MX1X2, naming the field', async () => {
    for (const code of [
      'H31',
      '000.00.00.31',
      '000-00-00-H31',
      '00.00.00.H31',
      '000.00.00.HH1',
      '000.00.00.H311',
    ]) {
      const res = await put(admin.headers, { ...valid, code });
      expect(res.statusCode, code).toBe(400);
      const fields = (res.json().details as { field: string }[]).map((d) => d.field);
      expect(
        fields.some((f) => f.endsWith('code')),
        code,
      ).toBe(true);
    }
    const blank = await put(admin.headers, { ...valid, nameVi: '  ', placeVi: '' });
    expect(blank.statusCode).toBe(400);
    const fields = (blank.json().details as { field: string }[]).map((d) => d.field.split('.').pop());
    expect(fields).toEqual(expect.arrayContaining(['nameVi', 'placeVi']));
    const email = await put(admin.headers, { ...valid, email: 'not-an-email' });
    expect(email.statusCode).toBe(400);
  });

  it('should update the details in place when the identifier stays, with an audit row', async () => {
    const res = await put(admin.headers, { ...valid, code: '000.00.00.z99', nameEn: 'HP EZA' });
    expect(res.statusCode).toBe(200);
    const view = res.json() as AgencyView;
    expect(view).toMatchObject({ code: '000.00.00.Z99', nameEn: 'HP EZA', email: 'motcua@heza.example.vn' });
    expect(view.previousCodes).toEqual([]);
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'procedures.agency.update')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(admin.user.id);
    expect(audit.entity_id).toBe('000.00.00.Z99');
    expect(JSON.stringify(audit.after)).toContain('HP EZA');
  });

  it('should give only dossiers received afterwards codes with a new identifier', async () => {
    const counter = await staffOf(t, 'office');
    const p = await procedure(t, 'BQL-LD-01');
    at('2026-03-02T09:30:00+07:00');
    const before = await receiveAtCounter(t, counter.headers, p);
    expect(before.code).toMatch(/^000\.00\.00\.Z99-260302-\d{4}$/);

    const res = await put(admin.headers, valid);
    expect(res.statusCode).toBe(200);
    const view = res.json() as AgencyView;
    expect(view.code).toBe('000.00.00.H31');
    expect(view.isPlaceholder).toBe(false);
    expect(view.previousCodes).toEqual([{ code: '000.00.00.Z99', dossiers: 1 }]);

    const after = await receiveAtCounter(t, counter.headers, await procedure(t, 'BQL-LD-01'));
    expect(after.code).toBe('000.00.00.H31-260302-0001');
    // The earlier dossier keeps its code and its office (names on its forms).
    const kept = await t.db
      .selectFrom('dossiers')
      .select(['code', 'office_code'])
      .where('id', '=', before.id)
      .executeTakeFirstOrThrow();
    expect(kept).toEqual({ code: before.code, office_code: '000.00.00.Z99' });
    const catalogue = await procedure(t, 'BQL-XD-01');
    expect(catalogue.office.code).toBe('000.00.00.H31');

    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'procedures.agency.update')
      .where('entity_id', '=', '000.00.00.H31')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.before)).toContain('000.00.00.Z99');

    // Going back to an identifier used before reuses its row and continues its daily sequence.
    expect((await put(admin.headers, { ...valid, code: '000.00.00.Z99' })).statusCode).toBe(200);
    const again = await receiveAtCounter(t, counter.headers, await procedure(t, 'BQL-LD-01'));
    expect(again.code).toBe(
      `000.00.00.Z99-260302-${String(Number(before.code!.split('-').pop()) + 1).padStart(4, '0')}`,
    );
    const defaults = await t.db
      .selectFrom('one_stop_offices')
      .select('code')
      .where('is_default', '=', true)
      .execute();
    expect(defaults).toEqual([{ code: '000.00.00.Z99' }]);
  });
});
