import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, signIn } from '../../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../../test/harness.ts';
import { importRegistryFile } from './commands/import-registry-file.ts';
import { headRows } from './import-formats.ts';
import { parseCsv, readXlsx, writeCsv, xlsxAvailable } from './spreadsheet.ts';
import { fixtureCtx, makeWorld, testTaxCode } from './testing.ts';

const hasXlsx = await xlsxAvailable();
let t: TestApp;
let admin: Record<string, string>;
let world: Awaited<ReturnType<typeof makeWorld>>;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await signIn(t.app, (await makeUser(t.db, 'admin')).email);
  world = await makeWorld(t.db);
});
afterAll(() => t.close());

const csv = (rows: (string | number | null)[][]) => writeCsv(rows);
const upload = (entity: string, body: Buffer, query = '', headers = admin) =>
  t.app.inject({
    method: 'POST',
    url: `/api/registry/import/${entity}${query}`,
    payload: body,
    headers: { ...headers, 'content-type': 'text/csv' },
  });
const count = async (table: 'enterprises' | 'certificate_entries' | 'investment_projects') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const zoneCode = async (id: string) =>
  (await t.db.selectFrom('zones').select('code').where('id', '=', id).executeTakeFirstOrThrow()).code;

describe('templates', () => {
  it('should serve a CSV template whose first rows are the mark, the headers and an example', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/registry/import/templates/ledger?format=csv',
      headers: admin,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('mau-ledger');
    const rows = parseCsv(res.body);
    expect(rows[0]!.slice(0, 3)).toEqual(['#HEZA', 'ledger', 'v1']);
    expect(rows[1]).toContain('Mã số dự án (project_code)');
    expect(rows).toHaveLength(3);
  });
});

describe('importing enterprises', () => {
  it('should report every bad row with its row and column and write nothing when any row is wrong', async () => {
    const code = testTaxCode();
    const before = await count('enterprises');
    const file = csv([
      ...headRows('enterprises'),
      [code, 'Công ty Một', null, 'fdi', 'KR', null, null, null],
      ['12345', 'Công ty Hai', null, 'fdi', 'JP', null, null, null],
      [code, 'Công ty Ba', null, 'domestic', null, null, null, null],
      [testTaxCode(), 'Công ty Bốn', null, 'alien', 'XX', 'khong-co-khu', null, null],
    ]);
    const res = await upload('enterprises', file);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.accepted).toBe(false);
    const where = report.problems.map((p: { row: number; column: string }) => `${p.row}:${p.column}`);
    expect(where).toEqual(
      expect.arrayContaining([
        '4:tax_code',
        '5:tax_code',
        '6:ownership',
        '6:investor_countries',
        '6:zone_codes',
      ]),
    );
    expect(await count('enterprises')).toBe(before);
  });

  it('should create the rows of a good file once and change nothing when the same file is imported again', async () => {
    const zone = await zoneCode(world.parkB.id);
    const file = csv([
      ...headRows('enterprises'),
      [testTaxCode(), 'Công ty Năm', 'Five Co.', 'fdi', 'KR;JP', zone, 'Hải Phòng', 'active'],
      [`${testTaxCode()}-001`, 'Chi nhánh Sáu', null, 'domestic', null, zone, null, null],
    ]);
    const first = (await upload('enterprises', file)).json();
    expect(first).toMatchObject({ accepted: true, created: 2, unchanged: 0, problems: [] });
    const before = await count('enterprises');
    const second = (await upload('enterprises', file)).json();
    expect(second).toMatchObject({ accepted: true, created: 0, updated: 0, unchanged: 2 });
    expect(await count('enterprises')).toBe(before);
  });

  it('should refuse a wrong template version naming row 1 and write nothing', async () => {
    const rows = headRows('enterprises');
    rows[0]![2] = 'v9';
    const res = (
      await upload(
        'enterprises',
        csv([...rows, [testTaxCode(), 'Công ty Bảy', null, 'fdi', null, null, null, null]]),
      )
    ).json();
    expect(res.accepted).toBe(false);
    expect(res.problems).toEqual([expect.objectContaining({ row: 1 })]);
    expect(res.problems[0].message).toContain('v9');
  });

  it('should refuse a file of another entity and a file without the template mark', async () => {
    const other = (await upload('enterprises', csv(headRows('projects')))).json();
    expect(other.problems[0]).toMatchObject({ row: 1 });
    const bare = (
      await upload(
        'enterprises',
        csv([
          ['tax_code', 'name_vi'],
          ['0200000009', 'X'],
        ]),
      )
    ).json();
    expect(bare).toMatchObject({ accepted: false, problems: [expect.objectContaining({ row: 1 })] });
  });

  it('should report a malformed spreadsheet with the row where it breaks and write nothing', async () => {
    const before = await count('enterprises');
    const text = `${headRows('enterprises')
      .map((r) => r.join(','))
      .join('\n')}\n${testTaxCode()},"Công ty hỏng,fdi\n`;
    const res = (await upload('enterprises', Buffer.from(text))).json();
    expect(res.accepted).toBe(false);
    expect(res.problems[0]).toMatchObject({ row: 3, column: null });
    const binary = (await upload('enterprises', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 1, 2, 3]))).json?.();
    expect(binary?.accepted ?? false).toBe(false);
    expect(await count('enterprises')).toBe(before);
  });
});

describe('importing the certificate ledger', () => {
  it('should check every row against the ledger rules in file order and report all problems before writing', async () => {
    const before = await count('certificate_entries');
    const p1 = world.p1.projectCode;
    const file = csv([
      ...headRows('ledger'),
      [
        p1,
        'adjustment',
        `L-${world.tag}-1`,
        1,
        '2024-02-01',
        '10000000',
        '500',
        '10000600',
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
      ],
      [
        p1,
        'termination',
        `L-${world.tag}-2`,
        0,
        '2024-03-01',
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
      ],
      [
        p1,
        'adjustment',
        `L-${world.tag}-3`,
        2,
        '2024-04-01',
        null,
        '100',
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
      ],
      [
        'KHONG-CO',
        'new',
        `L-${world.tag}-4`,
        0,
        '2024-01-01',
        null,
        '5',
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
      ],
      [
        p1,
        'adjustment',
        `L-${world.tag}-5`,
        3,
        '31/13/2024',
        null,
        'abc',
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
      ],
    ]);
    const report = (await upload('ledger', file)).json();
    expect(report.accepted).toBe(false);
    const where = report.problems.map((p: { row: number; column: string }) => `${p.row}:${p.column}`);
    expect(where).toEqual(
      expect.arrayContaining([
        '3:capital_after',
        '5:kind',
        '6:project_code',
        '7:certificate_date',
        '7:capital_change',
      ]),
    );
    expect(await count('certificate_entries')).toBe(before);
  });

  it('should write an accepted ledger file in one go and leave it unchanged when imported twice', async () => {
    const p2 = world.p2.projectCode;
    const file = csv([
      ...headRows('ledger'),
      [
        p2,
        'adjustment',
        `LD-${world.tag}-1`,
        1,
        '15/02/2024',
        null,
        '1.000.000.000',
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        'Tăng vốn',
        null,
      ],
      [
        p2,
        'adjustment',
        `LD-${world.tag}-2`,
        2,
        '2024-06-01',
        null,
        '-500000000',
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
      ],
    ]);
    const dry = (await upload('ledger', file, '?dryRun=true')).json();
    expect(dry).toMatchObject({ accepted: true, dryRun: true, created: 2 });
    const before = await count('certificate_entries');
    expect(before).toBe(await count('certificate_entries'));
    const first = (await upload('ledger', file)).json();
    expect(first).toMatchObject({ accepted: true, created: 2, problems: [] });
    expect(await count('certificate_entries')).toBe(before + 2);
    const again = (await upload('ledger', file)).json();
    expect(again).toMatchObject({ accepted: true, created: 0, unchanged: 2 });
    expect(await count('certificate_entries')).toBe(before + 2);
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/projects/${world.p2.id}`, headers: admin })
    ).json();
    expect(detail.capital).toBe('50500000000.00');
  });

  it('should round-trip an exported project list: re-importing it changes nothing', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/projects/export?format=csv', headers: admin });
    expect(res.statusCode).toBe(200);
    const before = await count('investment_projects');
    const report = (await upload('projects', Buffer.from(res.rawPayload))).json();
    expect(report).toMatchObject({ accepted: true, created: 0, updated: 0 });
    expect(report.unchanged).toBe(before);
    const ledger = await t.app.inject({
      method: 'GET',
      url: '/api/ledger/export?format=csv',
      headers: admin,
    });
    const back = (await upload('ledger', Buffer.from(ledger.rawPayload))).json();
    expect(back).toMatchObject({ accepted: true, created: 0, problems: [] });
  });

  it('should report rows outside a staff member’s jurisdiction and write none of them', async () => {
    const staff = await makeUser(t.db, 'staff', { zoneScope: 'listed', zoneIds: [world.parkB.id] });
    const headers = await signIn(t.app, staff.email);
    const file = csv([
      ...headRows('ledger'),
      [
        world.p1.projectCode,
        'adjustment',
        `J-${world.tag}-1`,
        9,
        '2024-02-01',
        null,
        '1',
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
      ],
    ]);
    const report = (await upload('ledger', file, '', headers)).json();
    expect(report.accepted).toBe(false);
    expect(report.problems[0]).toMatchObject({ row: 3, column: 'project_code' });
  });

  it('should run a background import and report its progress and result', async () => {
    const file = csv([
      ...headRows('plans'),
      ['export_usd_m', 2030, null, '999', null, null, null, null, null, '2029-12-30', null, null],
    ]);
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/registry/import/plans/jobs',
      payload: file,
      headers: { ...admin, 'content-type': 'text/csv' },
    });
    expect(started.statusCode, started.body).toBe(202);
    let job = started.json();
    for (let i = 0; i < 50 && job.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = (
        await t.app.inject({ method: 'GET', url: `/api/registry/import/jobs/${job.id}`, headers: admin })
      ).json();
    }
    expect(job).toMatchObject({ status: 'done', report: { accepted: true, created: 1 } });
  });
});

describe('spreadsheet formats', () => {
  it('should document every column of every format in docs/import-formats.md', async () => {
    const { readFileSync } = await import('node:fs');
    const { FORMATS } = await import('./import-formats.ts');
    const doc = readFileSync(new URL('../../../../../docs/import-formats.md', import.meta.url), 'utf8');
    for (const f of Object.values(FORMATS)) {
      expect(doc, f.entity).toContain(`### \`${f.entity}\` v${f.version}`);
      for (const c of f.columns) expect(doc, `${f.entity}.${c.key}`).toContain(`| \`${c.key}\` | ${c.vi} |`);
    }
  });

  it('should read Vietnamese number and date formats in cells through the command directly', async () => {
    const file = csv([
      ...headRows('exchange_rates'),
      ['EUR', 'yearly_average', '01/01/2024', '31/12/2024', '25.480,50', null, null],
    ]);
    const report = await importRegistryFile(fixtureCtx(t.db), 'exchange_rates', file);
    expect(report).toMatchObject({ accepted: true, created: 1 });
    const rate = await t.db
      .selectFrom('exchange_rates')
      .select('vnd_per_unit')
      .where('currency', '=', 'EUR')
      .executeTakeFirstOrThrow();
    expect(rate.vnd_per_unit).toBe('25480.500000');
  });

  it.skipIf(!hasXlsx)('should export a list to XLSX and import it back unchanged', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/enterprises/export?format=xlsx',
      headers: admin,
    });
    expect(res.statusCode).toBe(200);
    const report = (
      await t.app.inject({
        method: 'POST',
        url: '/api/registry/import/enterprises',
        payload: res.rawPayload,
        headers: {
          ...admin,
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        },
      })
    ).json();
    expect(report).toMatchObject({ accepted: true, created: 0 });
  });

  it.skipIf(!hasXlsx)(
    'should serve an XLSX template whose first sheet starts with the template mark',
    async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/registry/import/templates/zones?format=xlsx',
        headers: admin,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const rows = await readXlsx(res.rawPayload);
      expect(rows[0]!.slice(0, 3)).toEqual(['#HEZA', 'zones', 'v1']);
      expect(rows[1]![0]).toBe('Mã khu (code)');
    },
  );
});
