/**
 * Test fixtures for the registry (used by the *.test.ts files next to it): a small world of zones, enterprises,
 * projects and an exchange rate, written through the module's own commands with a system context.
 */
import type { Db } from '../../db/client.ts';
import { systemCtx } from '../../platform/context.ts';
import { createEnterprise } from './commands/create-enterprise.ts';
import { createProject } from './commands/create-project.ts';
import { createZone } from './commands/create-zone.ts';
import { recordExchangeRate } from './commands/record-exchange-rate.ts';

let seq = 0;

/** A unique 10-digit tax code for tests. */
export function testTaxCode(): string {
  seq += 1;
  return String(3_000_000_000 + (((Date.now() % 100_000) * 1000 + seq) % 999_999_999)).padStart(10, '0');
}

/** The system context the fixtures write with. */
export function fixtureCtx(db: Db) {
  return systemCtx(db, 'test');
}

/** Records one USD rate (23 400 VND) valid from 1990 to 2100, so conversions always have a rate. */
export async function seedUsdRate(db: Db, vndPerUnit = '23400') {
  return recordExchangeRate(fixtureCtx(db), {
    currency: 'USD',
    kind: 'yearly_average',
    validFrom: '1990-01-01',
    validTo: '2100-12-31',
    vndPerUnit,
    source: 'test',
  });
}

/**
 * Two places: economic zone EZ-A with park A1 inside it, and a stand-alone park B; one enterprise and one
 * active project (new registration of 10 million USD in 2023) in each of A1 and B.
 */
export async function makeWorld(db: Db) {
  const ctx = fixtureCtx(db);
  const tag = `${Date.now().toString(36)}${++seq}`;
  await seedUsdRate(db).catch(() => undefined);
  const ezA = await createZone(ctx, { nameVi: `Khu kinh tế Thử A ${tag}`, kind: 'economic_zone' });
  const parkA1 = await createZone(ctx, {
    nameVi: `KCN Thử A1 ${tag}`,
    kind: 'industrial_park',
    parentId: ezA.id,
  });
  const parkB = await createZone(ctx, { nameVi: `KCN Thử B ${tag}`, kind: 'industrial_park' });
  const e1 = await createEnterprise(ctx, {
    taxCode: testTaxCode(),
    nameVi: `Công ty E1 ${tag}`,
    ownership: 'fdi',
    investorCountries: ['KR'],
    zoneIds: [parkA1.id],
  });
  const e2 = await createEnterprise(ctx, {
    taxCode: testTaxCode(),
    nameVi: `Công ty E2 ${tag}`,
    ownership: 'domestic',
    zoneIds: [parkB.id],
  });
  const p1 = await createProject(ctx, {
    projectCode: `P1-${tag}`,
    nameVi: `Dự án P1 ${tag}`,
    enterpriseId: e1.id,
    zoneId: parkA1.id,
    investmentType: 'fdi',
    investors: [{ name: 'Investor KR', country: 'KR' }],
    vsicCode: '2610',
    firstEntry: {
      kind: 'new',
      certificateNo: `GCN-P1-${tag}`,
      certificateDate: '2023-03-01',
      capitalChange: '10000000',
    },
  });
  const p2 = await createProject(ctx, {
    projectCode: `P2-${tag}`,
    nameVi: `Dự án P2 ${tag}`,
    enterpriseId: e2.id,
    zoneId: parkB.id,
    investmentType: 'ddi',
    vsicCode: '52',
    firstEntry: {
      kind: 'new',
      certificateNo: `GCN-P2-${tag}`,
      certificateDate: '2023-05-01',
      capitalChange: '50000000000',
    },
  });
  return { tag, ezA, parkA1, parkB, e1, e2, p1, p2 };
}
