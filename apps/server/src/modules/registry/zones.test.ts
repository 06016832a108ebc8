import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, signIn } from '../../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../../test/harness.ts';
import { statusOn } from './zone-rules.ts';

let t: TestApp;
let admin: Record<string, string>;

beforeAll(async () => {
  t = await buildTestApp();
  const u = await makeUser(t.db, 'admin');
  admin = await signIn(t.app, u.email);
});
afterAll(() => t.close());

async function post(url: string, payload: unknown, headers = admin) {
  return t.app.inject({ method: 'POST', url, payload: payload as object, headers });
}

async function newPark(name: string, extra: Record<string, unknown> = {}) {
  const res = await post('/api/zones', { nameVi: name, kind: 'industrial_park', ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; code: string };
}

async function count(table: 'zone_events' | 'zone_area_records' | 'zones', zoneId?: string) {
  let q = t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
  if (zoneId) q = q.where(table === 'zones' ? 'id' : 'zone_id', '=', zoneId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

describe('zones', () => {
  it('should derive the status on a date from dated events when the lifecycle is recorded step by step', async () => {
    const park = await newPark('KCN Đình Vũ thử nghiệm');
    for (const [status, eventDate] of [
      ['in_master_plan', '2015-01-10'],
      ['established', '2018-06-01'],
      ['construction', '2019-02-01'],
      ['operating', '2021-09-15'],
    ] as const) {
      const res = await post(`/api/zones/${park.id}/events`, {
        status,
        eventDate,
        decisionNo: `${eventDate}/QĐ-TTg`,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const on = async (asOf: string) =>
      (
        await t.app.inject({ method: 'GET', url: `/api/zones/${park.id}?asOf=${asOf}`, headers: admin })
      ).json().status;
    expect(await on('2014-12-31')).toBeNull();
    expect(await on('2018-06-01')).toBe('established');
    expect(await on('2020-06-30')).toBe('construction');
    expect(await on('2025-06-30')).toBe('operating');
  });

  it('should find a zone by its name without diacritics when searching "dinh vu"', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/zones?q=dinh%20vu', headers: admin });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((z: { nameVi: string }) => z.nameVi)).toContain('KCN Đình Vũ thử nghiệm');
  });

  it('should reject an operating event dated in the future when recording the lifecycle, writing nothing', async () => {
    const park = await newPark('KCN tương lai');
    await post(`/api/zones/${park.id}/events`, { status: 'established', eventDate: '2020-01-01' });
    const before = await count('zone_events', park.id);
    const res = await post(`/api/zones/${park.id}/events`, { status: 'operating', eventDate: '2999-01-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().details).toEqual([expect.objectContaining({ field: 'eventDate' })]);
    expect(await count('zone_events', park.id)).toBe(before);
  });

  it('should reject an operating event when the zone was never established', async () => {
    const park = await newPark('KCN chưa thành lập');
    const res = await post(`/api/zones/${park.id}/events`, { status: 'operating', eventDate: '2020-01-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('status');
    expect(await count('zone_events', park.id)).toBe(0);
  });

  it('should keep a voided event in the timeline but stop counting it when it is voided', async () => {
    const park = await newPark('KCN ghi nhầm');
    const ev = (
      await post(`/api/zones/${park.id}/events`, { status: 'established', eventDate: '2020-01-01' })
    ).json();
    const res = await post(`/api/zones/${park.id}/events/${ev.id}/void`, { reason: 'Nhầm ngày quyết định' });
    expect(res.statusCode, res.body).toBe(200);
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/zones/${park.id}`, headers: admin })
    ).json();
    expect(detail.events).toHaveLength(1);
    expect(detail.events[0].voidReason).toBe('Nhầm ngày quyết định');
    expect(detail.status).toBeNull();
  });

  it('should reject negative areas and leased above leasable naming each field when recording areas', async () => {
    const park = await newPark('KCN diện tích sai');
    const negative = await post(`/api/zones/${park.id}/areas`, { asOf: '2024-01-01', totalAreaHa: '-5' });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().details.map((d: { field: string }) => d.field)).toContain('totalAreaHa');
    const over = await post(`/api/zones/${park.id}/areas`, {
      asOf: '2024-01-01',
      totalAreaHa: '100',
      industrialLandHa: '80',
      leasableHa: '60',
      leasedHa: '61',
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().details).toEqual([expect.objectContaining({ field: 'leasedHa' })]);
    const industrial = await post(`/api/zones/${park.id}/areas`, {
      asOf: '2024-01-01',
      totalAreaHa: '100',
      industrialLandHa: '120',
    });
    expect(industrial.json().details[0].field).toBe('industrialLandHa');
    expect(await count('zone_area_records', park.id)).toBe(0);
  });

  it('should compute occupancy as leased over leasable and use the latest record on or before the date', async () => {
    const park = await newPark('KCN lấp đầy');
    await post(`/api/zones/${park.id}/events`, { status: 'established', eventDate: '2010-01-01' });
    await post(`/api/zones/${park.id}/events`, { status: 'operating', eventDate: '2012-01-01' });
    await post(`/api/zones/${park.id}/areas`, {
      asOf: '2020-12-31',
      totalAreaHa: '500',
      industrialLandHa: '400',
      leasableHa: '300',
      leasedHa: '150',
    });
    await post(`/api/zones/${park.id}/areas`, {
      asOf: '2023-12-31',
      totalAreaHa: '500',
      industrialLandHa: '400',
      leasableHa: '320',
      leasedHa: '240',
    });
    const at = async (asOf: string) =>
      (
        await t.app.inject({ method: 'GET', url: `/api/zones/${park.id}?asOf=${asOf}`, headers: admin })
      ).json().area;
    expect((await at('2021-06-30')).occupancyPct).toBe(50);
    expect((await at('2024-06-30')).occupancyPct).toBe(75);
    expect(await at('2019-01-01')).toBeNull();
  });

  it('should count established and operating parks as of a date when summarising', async () => {
    const asOf = '2030-01-01';
    const before = (
      await t.app.inject({ method: 'GET', url: `/api/zones/summary?asOf=${asOf}`, headers: admin })
    ).json();
    const a = await newPark('KCN tổng hợp 1');
    const b = await newPark('KCN tổng hợp 2');
    await post(`/api/zones/${a.id}/events`, { status: 'established', eventDate: '2015-01-01' });
    await post(`/api/zones/${a.id}/events`, { status: 'operating', eventDate: '2016-01-01' });
    await post(`/api/zones/${b.id}/events`, { status: 'established', eventDate: '2015-01-01' });
    await post(`/api/zones/${a.id}/areas`, {
      asOf: '2020-01-01',
      totalAreaHa: '100',
      leasableHa: '80',
      leasedHa: '40',
    });
    await post(`/api/zones/${b.id}/areas`, {
      asOf: '2020-01-01',
      totalAreaHa: '200',
      leasableHa: '120',
      leasedHa: '120',
    });
    const after = (
      await t.app.inject({ method: 'GET', url: `/api/zones/summary?asOf=${asOf}`, headers: admin })
    ).json();
    expect(after.established.count - before.established.count).toBe(2);
    expect(after.operating.count - before.operating.count).toBe(1);
    expect(Number(after.established.leasedHa) - Number(before.established.leasedHa)).toBe(160);
    const ids = async (q: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/zones?pageSize=500&${q}`, headers: admin }))
        .json()
        .items.map((z: { id: string }) => z.id);
    expect(await ids('asOf=2015-06-30&status=established')).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await ids('asOf=2015-06-30&status=operating')).not.toContain(a.id);
    expect(await ids('asOf=2016-06-30&status=operating')).toContain(a.id);
  });

  it('should refuse a duplicate zone code with CONFLICT naming the field', async () => {
    await newPark('KCN trùng mã');
    const before = await count('zones');
    const res = await post('/api/zones', { nameVi: 'KCN trùng mã', kind: 'industrial_park' });
    expect(res.statusCode).toBe(409);
    expect(res.json().details[0].field).toBe('code');
    expect(await count('zones')).toBe(before);
  });

  it('should refuse a parent that is not an economic zone', async () => {
    const park = await newPark('KCN làm cha');
    const res = await post('/api/zones', { nameVi: 'KCN con', kind: 'industrial_park', parentId: park.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('parentId');
  });

  it('should serve zones with a location as GeoJSON features for the map', async () => {
    const z = await newPark('KCN có tọa độ', { location: { type: 'Point', coordinates: [106.78, 20.83] } });
    const res = await t.app.inject({ method: 'GET', url: '/api/zones/map', headers: admin });
    expect(res.statusCode).toBe(200);
    const feature = res.json().features.find((f: { id: string }) => f.id === z.id);
    expect(feature.geometry).toEqual({ type: 'Point', coordinates: [106.78, 20.83] });
  });
});

describe('statusOn', () => {
  it('should prefer the later lifecycle step when two events share a date', () => {
    const events = [
      { status: 'operating', eventDate: '2020-01-01' },
      { status: 'established', eventDate: '2020-01-01' },
    ];
    expect(statusOn(events, '2020-01-01')?.status).toBe('operating');
    expect(statusOn(events, '2019-12-31')).toBeNull();
  });
});
