/**
 * Where an enterprise's reported figures count in analytics: its zone, FDI/DDI, sector (VSIC division) and
 * investor country. Recorded on the submission when it is first submitted (a small dimension row shared by
 * many submissions), so a figure stays where it was reported even if the enterprise later changes.
 */
import { type RawBuilder, sql } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';

/** SQL for the zone an enterprise reports under: its main zone, else its first zone, else its first project's. */
export function mainZoneSql(enterpriseAlias: string): RawBuilder<string | null> {
  const e = sql.ref(enterpriseAlias);
  return sql<string | null>`coalesce(${e}.main_zone_id,
    (select ez.zone_id from enterprise_zones ez join zones z on z.id = ez.zone_id
      where ez.enterprise_id = ${e}.id order by z.code limit 1),
    (select p.zone_id from investment_projects p where p.enterprise_id = ${e}.id order by p.created_at, p.id limit 1))`;
}

/** The classification of an enterprise now (zone, FDI/DDI, VSIC division, country). */
export async function classifyEnterprise(db: DbOrTx, enterpriseId: string) {
  const row = await sql<{
    zone_id: string | null;
    ownership: string;
    vsic: string | null;
    country: string | null;
    project_country: string | null;
  }>`
    select ${mainZoneSql('e')} as zone_id, e.ownership,
      coalesce(e.main_vsic_code,
        (select p.vsic_code from investment_projects p where p.enterprise_id = e.id order by p.created_at, p.id limit 1)) as vsic,
      e.investor_countries[1] as country,
      (select p.country_code from investment_projects p where p.enterprise_id = e.id order by p.created_at, p.id limit 1) as project_country
    from enterprises e where e.id = ${enterpriseId}::uuid`.execute(db);
  const r = row.rows[0];
  if (!r) return null;
  const investmentType = r.ownership === 'fdi' ? 'fdi' : 'ddi';
  const sector = r.vsic && /^\d{2}/.test(r.vsic) ? r.vsic.slice(0, 2) : null;
  const country = investmentType === 'ddi' ? 'VN' : (r.country ?? r.project_country ?? null);
  return { zoneId: r.zone_id, investmentType, sector, country } as const;
}

/** The id of the dimension row for a classification, created on first use. */
export async function dimsId(
  db: DbOrTx,
  c: { zoneId: string | null; investmentType: string; sector: string | null; country: string | null },
): Promise<number> {
  const inserted = await sql<{ id: number }>`
    insert into reporting_dims (zone_id, investment_type, sector, country)
    values (${c.zoneId}::uuid, ${c.investmentType}, ${c.sector}, ${c.country})
    on conflict on constraint reporting_dims_key do nothing
    returning id`.execute(db);
  if (inserted.rows[0]) return inserted.rows[0].id;
  const found = await sql<{ id: number }>`
    select id from reporting_dims
    where zone_id is not distinct from ${c.zoneId}::uuid and investment_type = ${c.investmentType}
      and sector is not distinct from ${c.sector} and country is not distinct from ${c.country}`.execute(db);
  return found.rows[0]!.id;
}

/** The dimension row of an enterprise as it is classified now. */
export async function enterpriseDimsId(db: DbOrTx, enterpriseId: string): Promise<number> {
  const c = await classifyEnterprise(db, enterpriseId);
  return dimsId(db, c ?? { zoneId: null, investmentType: 'ddi', sector: null, country: null });
}
