import { ProjectInput, type ProjectInput as ProjectInputType } from '@heza/shared/registry';
import type { Tx } from '../../../db/client.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { getProject } from '../queries.ts';
import { assertCan } from '../scope.ts';
import { isKnownProjectVsic } from '../vsic.ts';
import { insertLedgerEntry } from './append-ledger-entry.ts';
import { duplicate, invalidField } from './errors.ts';

/** Throws naming vsicCode unless the code is in the shipped VSIC 2018 list (division or deeper). */
export function checkVsic(code: string, field = 'vsicCode') {
  if (!isKnownProjectVsic(code)) {
    throw invalidField(
      field,
      `Mã ngành VSIC ${code} không có trong danh mục VSIC 2018 (cấp 2 trở xuống).`,
      `VSIC code ${code} is not in the VSIC 2018 list (division level or deeper).`,
    );
  }
}

/** The reporting country: FDI projects under a foreign country, domestic ones under VN. */
export function resolveCountry(
  investmentType: string,
  countryCode: string | null | undefined,
  investors: { country: string }[],
) {
  const country =
    countryCode ?? (investmentType === 'ddi' ? 'VN' : investors.find((i) => i.country !== 'VN')?.country);
  if (!country) {
    throw invalidField(
      'countryCode',
      'Dự án FDI cần quốc gia của nhà đầu tư.',
      'An FDI project needs its investor country.',
    );
  }
  if (investmentType === 'fdi' && country === 'VN') {
    throw invalidField(
      'countryCode',
      'Dự án FDI phải có nhà đầu tư nước ngoài.',
      'An FDI project needs a foreign investor country.',
    );
  }
  if (investmentType === 'ddi' && country !== 'VN') {
    throw invalidField(
      'countryCode',
      'Dự án đầu tư trong nước có quốc gia là VN.',
      'A domestic project is reported under VN.',
    );
  }
  return country;
}

/** Throws naming `field` unless the enterprise exists. */
export async function checkEnterpriseExists(tx: Tx, id: string, field = 'enterpriseId') {
  const row = await tx.selectFrom('enterprises').select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw invalidField(field, 'Không tìm thấy doanh nghiệp.', 'The enterprise does not exist.');
}

/** Throws naming `field` unless the zone exists. */
export async function checkZoneExists(tx: Tx, id: string, field = 'zoneId') {
  const row = await tx.selectFrom('zones').select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw invalidField(field, 'Không tìm thấy khu.', 'The zone does not exist.');
}

/**
 * Registers an investment project (code, investors, zone, VSIC sector, FDI or domestic) and, when given, its first
 * ledger entry in the same transaction. The enterprise is linked to the project's zone.
 */
export async function createProject(ctx: Ctx, input: ProjectInputType) {
  const v = parseInput(ProjectInput, input);
  checkVsic(v.vsicCode);
  const country = resolveCountry(v.investmentType, v.countryCode, v.investors);
  const currency = v.currency ?? (v.investmentType === 'fdi' ? 'USD' : 'VND');
  const id = await ctx.db.transaction().execute(async (tx) => {
    await checkZoneExists(tx, v.zoneId);
    await checkEnterpriseExists(tx, v.enterpriseId);
    await assertCan(ctx, 'registry.project.write', [v.zoneId]);
    const taken = await tx
      .selectFrom('investment_projects')
      .select('id')
      .where('project_code', '=', v.projectCode)
      .executeTakeFirst();
    if (taken) {
      throw duplicate(
        'projectCode',
        { vi: 'mã số dự án', en: 'project code' },
        `Mã số dự án ${v.projectCode} đã tồn tại.`,
        `Project code ${v.projectCode} already exists.`,
      );
    }
    const project = await tx
      .insertInto('investment_projects')
      .values({
        project_code: v.projectCode,
        name_vi: v.nameVi,
        name_en: v.nameEn,
        enterprise_id: v.enterpriseId,
        zone_id: v.zoneId,
        investment_type: v.investmentType,
        country_code: country,
        investors: JSON.stringify(v.investors),
        vsic_code: v.vsicCode,
        objectives: v.objectives,
        land_area_ha: v.landAreaHa ?? null,
        currency,
        created_by: ctx.actor?.id ?? null,
      })
      .returning(['id', 'zone_id', 'investment_type', 'country_code', 'vsic_code', 'currency'])
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('enterprise_zones')
      .values({ enterprise_id: v.enterpriseId, zone_id: v.zoneId })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await recordAudit(tx, ctx, {
      action: 'registry.project.create',
      entityType: 'project',
      entityId: project.id,
      after: { ...v, countryCode: country, currency },
    });
    if (v.firstEntry) await insertLedgerEntry(ctx, tx, project, v.firstEntry, 'firstEntry');
    return project.id;
  });
  return getProject(ctx.db, id);
}
