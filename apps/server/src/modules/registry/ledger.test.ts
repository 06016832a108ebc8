import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, signIn } from '../../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../../test/harness.ts';
import { makeWorld, testTaxCode } from './testing.ts';

let t: TestApp;
let admin: Record<string, string>;
let world: Awaited<ReturnType<typeof makeWorld>>;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await signIn(t.app, (await makeUser(t.db, 'admin')).email);
  world = await makeWorld(t.db);
});
afterAll(() => t.close());

const post = (url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers: admin });
const entries = async (projectId: string) =>
  Number(
    (
      await t.db
        .selectFrom('certificate_entries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('project_id', '=', projectId)
        .executeTakeFirstOrThrow()
    ).n,
  );

let n = 0;
async function newFdiProject(capital = '1000000', date = '2024-02-01') {
  n += 1;
  const res = await post('/api/projects', {
    projectCode: `T-${world.tag}-${n}`,
    nameVi: `Dự án thử ${n}`,
    enterpriseId: world.e1.id,
    zoneId: world.parkA1.id,
    investmentType: 'fdi',
    investors: [{ name: 'Nhà đầu tư Nhật', country: 'JP' }],
    vsicCode: '2640',
    firstEntry: {
      kind: 'new',
      certificateNo: `C-${world.tag}-${n}`,
      certificateDate: date,
      capitalChange: capital,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; ledger: { id: string }[] };
}

describe('enterprises', () => {
  it('should normalise the tax code and refuse a second enterprise with it, writing nothing', async () => {
    const code = testTaxCode();
    const first = await post('/api/enterprises', {
      taxCode: ` ${code} `,
      nameVi: 'Công ty A',
      ownership: 'domestic',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().taxCode).toBe(code);
    const before = await t.db
      .selectFrom('enterprises')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const again = await post('/api/enterprises', {
      taxCode: code,
      nameVi: 'Công ty B',
      ownership: 'domestic',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CONFLICT', details: [{ field: 'taxCode' }] });
    const after = await t.db
      .selectFrom('enterprises')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('should accept a branch code and refuse a malformed one naming taxCode', async () => {
    const branch = await post('/api/enterprises', {
      taxCode: `${testTaxCode()}-001`,
      nameVi: 'Chi nhánh',
      ownership: 'fdi',
      investorCountries: ['kr'],
    });
    expect(branch.statusCode, branch.body).toBe(201);
    expect(branch.json()).toMatchObject({ isBranch: true, investorCountries: ['KR'] });
    const bad = await post('/api/enterprises', { taxCode: '12345', nameVi: 'Sai mã', ownership: 'fdi' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('taxCode');
  });

  it('should refuse an unknown investor country naming the field', async () => {
    const res = await post('/api/enterprises', {
      taxCode: testTaxCode(),
      nameVi: 'Công ty X',
      ownership: 'fdi',
      investorCountries: ['XX'],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('investorCountries.0');
  });
});

describe('projects and the certificate ledger', () => {
  it('should record the first entry with USD and VND and the exchange rate used when a project is registered', async () => {
    const p = await newFdiProject('2500000.50');
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/projects/${p.id}`, headers: admin })
    ).json();
    expect(detail.status).toBe('active');
    expect(detail.ledger[0]).toMatchObject({
      kind: 'new',
      capitalBefore: '0.00',
      capitalChange: '2500000.50',
      capitalAfter: '2500000.50',
      change: { usd: '2500000.50', vnd: '58500011700.00' },
      fxSource: 'rate_table',
      fxVndPerUsd: '23400.000000',
    });
    expect(detail.capitalMoney).toEqual({ usd: '2500000.50', vnd: '58500011700.00' });
  });

  it('should keep the amounts stated on the certificate instead of converting them', async () => {
    const p = await newFdiProject();
    const res = await post(`/api/projects/${p.id}/ledger`, {
      kind: 'adjustment',
      certificateNo: `ADJ-STATED-${world.tag}`,
      amendmentNo: 1,
      certificateDate: '2024-03-01',
      capitalChange: '1000',
      changeVnd: '25000000',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      fxSource: 'certificate',
      change: { usd: '1000.00', vnd: '25000000.00' },
      capitalAfter: '1001000.00',
    });
  });

  it('should refuse a capital change that does not add up (after ≠ before + change) naming capitalAfter, writing nothing', async () => {
    const p = await newFdiProject('1000000');
    const res = await post(`/api/projects/${p.id}/ledger`, {
      kind: 'adjustment',
      certificateNo: `ADJ-BAD-${world.tag}`,
      amendmentNo: 1,
      certificateDate: '2024-03-01',
      capitalBefore: '1000000',
      capitalChange: '500000',
      capitalAfter: '1600000',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([expect.objectContaining({ field: 'capitalAfter' })]);
    expect(await entries(p.id)).toBe(1);
  });

  it('should refuse a capital-before that is not the ledger’s current capital', async () => {
    const p = await newFdiProject('1000000');
    const res = await post(`/api/projects/${p.id}/ledger`, {
      kind: 'adjustment',
      certificateNo: `ADJ-BEFORE-${world.tag}`,
      amendmentNo: 1,
      certificateDate: '2024-03-01',
      capitalBefore: '900000',
      capitalChange: '100000',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('capitalBefore');
  });

  it('should refuse an adjustment after a termination naming kind, writing nothing', async () => {
    const p = await newFdiProject('3000000');
    const term = await post(`/api/projects/${p.id}/ledger`, {
      kind: 'termination',
      certificateNo: `TERM-${world.tag}`,
      certificateDate: '2024-04-01',
      reason: 'Nhà đầu tư đề nghị chấm dứt',
    });
    expect(term.statusCode, term.body).toBe(201);
    expect(term.json()).toMatchObject({
      capitalAfter: '0.00',
      change: { usd: '-3000000.00' },
      after: { usd: '0.00', vnd: '0.00' },
      fxSource: 'ledger',
    });
    const res = await post(`/api/projects/${p.id}/ledger`, {
      kind: 'adjustment',
      certificateNo: `ADJ-AFTER-TERM-${world.tag}`,
      amendmentNo: 1,
      certificateDate: '2024-05-01',
      capitalChange: '100',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([expect.objectContaining({ field: 'kind' })]);
    expect(await entries(p.id)).toBe(2);
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/projects/${p.id}`, headers: admin })
    ).json();
    expect(detail.status).toBe('terminated');
  });

  it('should refuse a duplicate certificate number and amendment with CONFLICT naming certificateNo', async () => {
    const p = await newFdiProject();
    const other = await newFdiProject();
    const body = {
      kind: 'adjustment',
      certificateNo: `DUP-${world.tag}`,
      amendmentNo: 1,
      certificateDate: '2024-03-01',
      capitalChange: '10',
    };
    expect((await post(`/api/projects/${p.id}/ledger`, body)).statusCode).toBe(201);
    const again = await post(`/api/projects/${p.id}/ledger`, body);
    expect(again.statusCode).toBe(409);
    expect(again.json().details[0].field).toBe('certificateNo');
    const elsewhere = await post(`/api/projects/${other.id}/ledger`, { ...body, amendmentNo: 2 });
    expect(elsewhere.statusCode).toBe(409);
    expect(await entries(other.id)).toBe(1);
  });

  it('should refuse an unknown VSIC code naming vsicCode, writing nothing', async () => {
    const before = await t.db
      .selectFrom('investment_projects')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await post('/api/projects', {
      projectCode: `VSIC-${world.tag}`,
      nameVi: 'Dự án ngành lạ',
      enterpriseId: world.e1.id,
      zoneId: world.parkA1.id,
      investmentType: 'fdi',
      countryCode: 'JP',
      vsicCode: '9999',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([expect.objectContaining({ field: 'vsicCode' })]);
    const after = await t.db
      .selectFrom('investment_projects')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('should write neither the project nor its first entry when the first entry is wrong', async () => {
    const code = `ROLLBACK-${world.tag}`;
    const res = await post('/api/projects', {
      projectCode: code,
      nameVi: 'Dự án lỗi bút toán',
      enterpriseId: world.e1.id,
      zoneId: world.parkA1.id,
      investmentType: 'fdi',
      countryCode: 'SG',
      vsicCode: '2610',
      firstEntry: {
        kind: 'adjustment',
        certificateNo: `RB-${world.tag}`,
        certificateDate: '2024-01-01',
        capitalChange: '5',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('firstEntry.kind');
    expect(
      await t.db
        .selectFrom('investment_projects')
        .select('id')
        .where('project_code', '=', code)
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  it('should refuse a certificate date in the future or before the latest entry', async () => {
    const p = await newFdiProject('1000', '2024-06-01');
    const future = await post(`/api/projects/${p.id}/ledger`, {
      kind: 'adjustment',
      certificateNo: `F-${world.tag}`,
      certificateDate: '2999-01-01',
      capitalChange: '1',
    });
    expect(future.json().details[0].field).toBe('certificateDate');
    const earlier = await post(`/api/projects/${p.id}/ledger`, {
      kind: 'adjustment',
      certificateNo: `E-${world.tag}`,
      certificateDate: '2024-05-01',
      capitalChange: '1',
    });
    expect(earlier.json().details[0].field).toBe('certificateDate');
  });

  it('should record a share purchase with its deal value without changing the project capital', async () => {
    const p = await newFdiProject('2000000');
    const res = await post(`/api/projects/${p.id}/ledger`, {
      kind: 'share_purchase',
      certificateNo: `SP-${world.tag}`,
      certificateDate: '2024-07-01',
      dealValue: '750000',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      capitalChange: '0.00',
      capitalAfter: '2000000.00',
      dealValue: '750000.00',
      deal: { usd: '750000.00' },
    });
  });

  it('should count a correction from the date of the entry it corrects', async () => {
    const p = await newFdiProject('1000000', '2024-02-10');
    const res = await post(`/api/projects/${p.id}/ledger`, {
      kind: 'correction',
      certificateNo: `CORR-${world.tag}`,
      certificateDate: '2024-08-01',
      capitalChange: '-100000',
      correctsEntryId: p.ledger[0]!.id,
      reason: 'Nhập sai vốn đăng ký',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      countsAs: 'new',
      effectiveDate: '2024-02-10',
      capitalAfter: '900000.00',
    });
  });

  it('should keep ledger rows immutable in the database itself', async () => {
    const p = await newFdiProject();
    await expect(
      sql`update certificate_entries set capital_change = 0 where project_id = ${p.id}`.execute(t.db),
    ).rejects.toThrow(/immutable/);
    await expect(
      sql`delete from certificate_entries where project_id = ${p.id}`.execute(t.db),
    ).rejects.toThrow(/immutable/);
  });

  it('should let a project leave and re-enter the authority’s management with transfer entries', async () => {
    const p = await newFdiProject('400000', '2024-01-15');
    const out = await post(`/api/projects/${p.id}/ledger`, {
      kind: 'transfer_out',
      certificateNo: `OUT-${world.tag}`,
      certificateDate: '2024-03-01',
    });
    expect(out.statusCode, out.body).toBe(201);
    const back = await post(`/api/projects/${p.id}/ledger`, {
      kind: 'transfer_in',
      certificateNo: `IN-${world.tag}`,
      certificateDate: '2024-04-01',
      capitalChange: '400000',
    });
    expect(back.statusCode, back.body).toBe(201);
    expect(back.json().capitalAfter).toBe('400000.00');
  });

  it('should list projects searched without diacritics and filtered by status', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/projects?q=du%20an%20thu&status=terminated&pageSize=100`,
      headers: admin,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBeGreaterThanOrEqual(1);
    expect(res.json().items.every((p: { status: string }) => p.status === 'terminated')).toBe(true);
  });
});
