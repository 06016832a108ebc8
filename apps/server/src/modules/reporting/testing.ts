/**
 * Test fixtures for reporting and analytics (used by the *.test.ts files next to them): zones, enterprises
 * placed in them, accounts of each role, a monthly form with the shipped indicators, and a fixed clock.
 */

import { TEST_PASSWORD } from '../../../test/factories.ts';
import type { Db } from '../../db/client.ts';
import { systemCtx } from '../../platform/context.ts';
import { createUser } from '../accounts/commands/create-user.ts';
import { createForm } from './commands/create-form.ts';

let seq = 0;

/** A unique valid-looking 10-digit tax code. */
export function uniqueTaxCode(): string {
  seq += 1;
  return String(4_000_000_000 + (((Date.now() % 1_000_000) * 100 + seq) % 999_999_999)).padStart(10, '0');
}

/** A zone (optionally inside a parent) inserted directly. */
export async function insertZone(db: Db, nameVi: string, opts: { parentId?: string; kind?: string } = {}) {
  seq += 1;
  return db
    .insertInto('zones')
    .values({
      code: `rp-zone-${seq}-${Date.now().toString(36)}`,
      name_vi: nameVi,
      kind: opts.kind ?? 'industrial_park',
      parent_id: opts.parentId ?? null,
    })
    .returning(['id', 'name_vi'])
    .executeTakeFirstOrThrow();
}

/** An enterprise in a zone, FDI (with its investor country) or domestic. */
export async function insertEnterprise(
  db: Db,
  nameVi: string,
  zoneId: string,
  opts: { ownership?: 'fdi' | 'domestic'; country?: string; vsic?: string; isDemo?: boolean } = {},
) {
  const e = await db
    .insertInto('enterprises')
    .values({
      tax_code: uniqueTaxCode(),
      name_vi: nameVi,
      ownership: opts.ownership ?? 'fdi',
      investor_countries: opts.ownership === 'domestic' ? [] : [opts.country ?? 'KR'],
      main_vsic_code: opts.vsic ?? '2610',
      contacts: JSON.stringify([
        { name: 'Chị Lan', role: 'Kế toán', phone: '0900000000', email: 'lan@example.vn' },
      ]),
      is_demo: opts.isDemo ?? false,
    })
    .returning(['id', 'name_vi', 'tax_code'])
    .executeTakeFirstOrThrow();
  await db.insertInto('enterprise_zones').values({ enterprise_id: e.id, zone_id: zoneId }).execute();
  return e;
}

/** A user of a role; staff get the listed zones (or all zones), enterprise users their enterprise. */
export async function insertUser(
  db: Db,
  role: 'admin' | 'leader' | 'staff' | 'enterprise',
  opts: { zoneIds?: string[]; enterpriseId?: string } = {},
) {
  seq += 1;
  return createUser(systemCtx(db, 'test'), {
    email: `rp${seq}.${Date.now()}@test.vn`,
    fullName: `Người dùng ${seq}`,
    role,
    locale: 'vi',
    password: TEST_PASSWORD,
    ...(role === 'staff' && {
      department: 'enterprise_supervision' as const,
      zoneScope: opts.zoneIds ? ('listed' as const) : ('all' as const),
      zoneIds: opts.zoneIds ?? [],
    }),
    ...(role === 'enterprise' && { enterpriseId: opts.enterpriseId }),
  });
}

/** The shipped reported indicators, as a form's indicator list. */
export const STANDARD_INDICATORS = [
  { code: 'revenue', required: true, sectionVi: 'Kết quả sản xuất kinh doanh' },
  { code: 'export', required: true, sectionVi: 'Kết quả sản xuất kinh doanh' },
  { code: 'import', required: true, sectionVi: 'Kết quả sản xuất kinh doanh' },
  { code: 'budget_payments', required: true, sectionVi: 'Nghĩa vụ với ngân sách' },
  { code: 'labour', required: true, sectionVi: 'Lao động, thu nhập' },
  { code: 'avg_income', required: true, sectionVi: 'Lao động, thu nhập' },
  { code: 'implemented_capital', required: false, sectionVi: 'Đầu tư' },
];

/** A monthly form with the standard indicators: due 10 days and locked 40 days after the month. */
export async function createMonthlyForm(db: Db, extra: Record<string, unknown> = {}) {
  seq += 1;
  return createForm(systemCtx(db, 'test'), {
    code: `BM-THANG-${seq}`,
    nameVi: 'Báo cáo tình hình sản xuất kinh doanh hằng tháng',
    nameEn: 'Monthly business report',
    periodType: 'month',
    dueAfterDays: 10,
    lockAfterDays: 40,
    firstPeriod: '2023M01',
    indicators: STANDARD_INDICATORS,
    ...extra,
  });
}

/** A full, valid set of values for the standard form. */
export function fullValues(
  opts: { estimate?: boolean; revenue?: string; labour?: number; foreign?: number } = {},
) {
  const labour = opts.labour ?? 1000;
  const foreign = opts.foreign ?? 20;
  const estimate = opts.estimate ?? false;
  return [
    { indicator: 'revenue', value: opts.revenue ?? '5000000', estimate },
    { indicator: 'export', value: '3000000', estimate },
    { indicator: 'import', value: '2000000', estimate },
    { indicator: 'budget_payments', value: '1500000000', estimate },
    { indicator: 'labour', value: labour, estimate },
    { indicator: 'labour', combo: 'nationality:vn', value: labour - foreign, estimate },
    { indicator: 'labour', combo: 'nationality:foreign', value: foreign, estimate },
    { indicator: 'avg_income', value: '11000000', estimate },
  ];
}
