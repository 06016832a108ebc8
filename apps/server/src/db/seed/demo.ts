import { foldVietnamese, slugifyVi } from '@heza/shared';
import { sql } from 'kysely';
import { createUser } from '../../modules/accounts/commands/create-user.ts';
import { seedPortalDemo } from '../../modules/portal/seed.ts';
import { seedProceduresDemo } from '../../modules/procedures/seed.ts';
import { seedRegistryDemo } from '../../modules/registry/seed.ts';
import { seedReportingDemo } from '../../modules/reporting/seed.ts';
import { systemCtx } from '../../platform/context.ts';
import type { Db } from '../client.ts';
import zonesFile from './data/haiphong-zones.json' with { type: 'json' };

export const DEMO_PASSWORD = 'HezaDemo!2024';

export interface DemoLogin {
  email: string;
  role: string;
  note: string;
}

/**
 * True when the demo data should be (re)loaded: no accounts yet (a fresh install), or a demo load that started
 * but never finished (every step is idempotent, so finishing it is safe).
 */
export async function needsDemoSeed(db: Db): Promise<boolean> {
  const done = await db
    .selectFrom('platform_settings')
    .select('key')
    .where('key', '=', 'demo.seeded_at')
    .executeTakeFirst();
  if (done) return false;
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const demoAdmin = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'admin@heza.demo')
    .executeTakeFirst();
  return Number(row.n) === 0 || !!demoAdmin;
}

/** Stable zone code from its Vietnamese name ("KCN Nam Đình Vũ (khu I)" → "kcn-nam-dinh-vu-khu-i"). */
export function zoneCode(nameVi: string): string {
  return slugifyVi(nameVi);
}

/**
 * Loads the Hai Phong demo data (`dataDir`: where demo photos and files are stored): the zones of ../shared/data/haiphong-zones.json and demo accounts for each
 * role. Everything is clearly labelled demo. Idempotent: existing rows (by natural key) are left alone.
 */
export async function seedDemo(db: Db, opts: { dataDir?: string } = {}): Promise<DemoLogin[]> {
  const logins = await seedDemoCore(db, opts);
  await seedDemoReports(db);
  return logins;
}

/**
 * The first part of the demo (accounts, zones, registry, procedures, portal): a couple of seconds, enough to
 * open the platform. The enterprises' monthly reports (`seedDemoReports`, the long part) may follow while the
 * server already answers; the demo counts as loaded only when they are in.
 */
export async function seedDemoCore(db: Db, opts: { dataDir?: string } = {}): Promise<DemoLogin[]> {
  const ctx = systemCtx(db, 'demo-seed');
  const zones = [
    ...zonesFile.economicZones.map((z) => ({ name_vi: z.nameVi, name_en: z.name ?? null })),
    ...zonesFile.industrialParks.map((z) => ({ name_vi: z.nameVi, name_en: null as string | null })),
  ];
  await db
    .insertInto('zones')
    .values(zones.map((z) => ({ code: zoneCode(z.name_vi), name_vi: z.name_vi, name_en: z.name_en })))
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  await db
    .insertInto('enterprises')
    .values([
      {
        tax_code: '0200000001',
        name_vi: 'Công ty TNHH Demo Hải Phòng (dữ liệu mẫu)',
        name_en: 'Demo Hai Phong Co., Ltd. (demo data)',
      },
    ])
    .onConflict((oc) => oc.column('tax_code').doNothing())
    .execute();
  const enterprise = await db
    .selectFrom('enterprises')
    .select('id')
    .where('tax_code', '=', '0200000001')
    .executeTakeFirstOrThrow();
  const someZones = await db
    .selectFrom('zones')
    .select(['id', 'name_vi'])
    .where(sql<boolean>`f_unaccent(name_vi) like ${`%${foldVietnamese('Đình Vũ')}%`}`)
    .execute();

  const accounts = [
    {
      email: 'admin@heza.demo',
      fullName: 'Quản trị viên (demo)',
      role: 'admin' as const,
      note: 'quản trị hệ thống',
    },
    {
      email: 'lanhdao@heza.demo',
      fullName: 'Lãnh đạo Ban (demo)',
      role: 'leader' as const,
      note: 'lãnh đạo, xem toàn bộ',
    },
    {
      email: 'canbo@heza.demo',
      fullName: 'Nguyễn Văn Cán Bộ (demo)',
      role: 'staff' as const,
      department: 'enterprise_supervision' as const,
      zoneScope: 'listed' as const,
      zoneIds: someZones.map((z) => z.id),
      note: 'cán bộ phòng DN&GSĐT, phụ trách các khu Đình Vũ',
    },
    {
      email: 'motcua@heza.demo',
      fullName: 'Lê Thị Một Cửa (demo)',
      role: 'staff' as const,
      department: 'office' as const,
      zoneScope: 'all' as const,
      note: 'cán bộ Bộ phận Một cửa (Văn phòng): tiếp nhận, trả kết quả hồ sơ',
    },
    {
      email: 'doanhnghiep@heza.demo',
      fullName: 'Trần Thị Doanh Nghiệp (demo)',
      role: 'enterprise' as const,
      enterpriseId: enterprise.id,
      note: 'tài khoản doanh nghiệp',
    },
  ];
  const logins: DemoLogin[] = [];
  for (const a of accounts) {
    const exists = await db.selectFrom('users').select('id').where('email', '=', a.email).executeTakeFirst();
    if (!exists) {
      await createUser(ctx, { locale: 'vi', password: DEMO_PASSWORD, ...a });
      logins.push({ email: a.email, role: a.role, note: a.note });
    }
  }
  await seedRegistryDemo(db);
  await seedProceduresDemo(db);
  await seedPortalDemo(db, { dataDir: opts.dataDir });
  return logins;
}

/**
 * The enterprises' monthly reports since January 2023 (one transaction, ~10–15 s), then the mark that the demo
 * is complete. Until the mark exists, the next start loads whatever is missing again (every step is idempotent).
 */
export async function seedDemoReports(db: Db): Promise<void> {
  await seedReportingDemo(db);
  await db
    .insertInto('platform_settings')
    .values({ key: 'demo.seeded_at', value: JSON.stringify(new Date().toISOString()) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}
