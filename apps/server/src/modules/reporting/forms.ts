/**
 * Reporting forms as the commands and queries use them: the form row with its indicators (from the catalogue)
 * and active rules, the view the API returns, and the SQL of "which enterprises must report this form".
 */

import type { FormView, RuleView } from '@heza/shared/reporting';
import type { EntryIndicatorDef, RuleDef } from '@heza/shared/reporting-rules';
import { type RawBuilder, type Selectable, sql } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { NO_ID, zonesWithDescendants } from '../registry/scope.ts';
import { type Catalogue, type CatalogueIndicator, loadCatalogue } from './catalogue.ts';
import type { ReportFormTable, ValidationRuleTable } from './schema.ts';

export type FormRow = Selectable<ReportFormTable>;
export type RuleRow = Selectable<ValidationRuleTable>;

export const FORM_ENTITY = { vi: 'biểu mẫu báo cáo', en: 'Reporting form' };

/** A form with its indicators in order and its rules. */
export interface FormDef {
  form: FormRow;
  indicators: (CatalogueIndicator & { required: boolean; sectionVi: string | null })[];
  rules: RuleRow[];
  enterpriseIds: string[];
  catalogue: Catalogue;
}

/** Loads a form with its indicators and rules; throws NOT_FOUND. */
export async function getFormDef(db: DbOrTx, formId: string, catalogue?: Catalogue): Promise<FormDef> {
  const form = await db.selectFrom('report_forms').selectAll().where('id', '=', formId).executeTakeFirst();
  if (!form) throw new AppError('NOT_FOUND', { params: { entity: FORM_ENTITY } });
  const [cat, links, rules, listed] = await Promise.all([
    catalogue ? Promise.resolve(catalogue) : loadCatalogue(db),
    db
      .selectFrom('report_form_indicators')
      .selectAll()
      .where('form_id', '=', formId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('validation_rules')
      .selectAll()
      .where('form_id', '=', formId)
      .orderBy('position')
      .orderBy('code')
      .execute(),
    db.selectFrom('report_form_enterprises').select('enterprise_id').where('form_id', '=', formId).execute(),
  ]);
  return {
    form,
    indicators: links.flatMap((l) => {
      const ind = cat.byId.get(l.indicator_id);
      return ind ? [{ ...ind, required: l.required, sectionVi: l.section_vi }] : [];
    }),
    rules,
    enterpriseIds: listed.map((l) => l.enterprise_id),
    catalogue: cat,
  };
}

/** The API view of a rule. */
export function presentRule(r: RuleRow): RuleView {
  return {
    id: r.id,
    code: r.code,
    leftExpr: r.left_expr,
    operator: r.operator as RuleView['operator'],
    rightExpr: r.right_expr,
    ratioMin: r.ratio_min === null ? null : trimDecimal(r.ratio_min),
    ratioMax: r.ratio_max === null ? null : trimDecimal(r.ratio_max),
    severity: r.severity as RuleView['severity'],
    messageVi: r.message_vi,
    messageEn: r.message_en,
    position: r.position,
    active: r.active,
  };
}

/** "12.500000" → "12.5". */
export function trimDecimal(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** The API view of a form. */
export function presentForm(def: FormDef): FormView {
  const f = def.form;
  return {
    id: f.id,
    code: f.code,
    nameVi: f.name_vi,
    nameEn: f.name_en,
    descriptionVi: f.description_vi,
    periodType: f.period_type as FormView['periodType'],
    dueAfterDays: f.due_after_days,
    lockAfterDays: f.lock_after_days,
    firstPeriod: f.first_period,
    lastPeriod: f.last_period,
    targetMode: f.target_mode as FormView['targetMode'],
    targetZoneIds: f.target_zone_ids,
    targetInvestmentType: f.target_investment_type as FormView['targetInvestmentType'],
    enterpriseIds: def.enterpriseIds,
    remindBeforeDays: f.remind_before_days,
    remindAfterDays: f.remind_after_days,
    indicators: def.indicators.map((i) => ({ code: i.code, required: i.required, sectionVi: i.sectionVi })),
    rules: def.rules.map(presentRule),
    active: f.active,
    isDemo: f.is_demo,
  };
}

/** What the shared checks (packages/shared reporting-rules) need of the form. */
export function entryDefinition(def: FormDef): { indicators: EntryIndicatorDef[]; rules: RuleDef[] } {
  return {
    indicators: def.indicators
      .filter((i) => i.source === 'reported')
      .map((i) => ({
        code: i.code,
        nameVi: i.nameVi,
        nameEn: i.nameEn,
        valueType: i.valueType,
        decimals: i.decimals,
        allowNegative: i.allowNegative,
        required: i.required,
        disaggregations: i.disaggregations.map((d) => ({
          code: d.code,
          nameVi: d.nameVi,
          nameEn: d.nameEn,
          required: d.required,
          options: d.options.map((o) => ({ code: o.code, nameVi: o.nameVi, nameEn: o.nameEn })),
        })),
      })),
    rules: def.rules
      .filter((r) => r.active)
      .map((r) => ({
        code: r.code,
        leftExpr: r.left_expr,
        operator: r.operator as RuleDef['operator'],
        rightExpr: r.right_expr,
        ratioMin: r.ratio_min,
        ratioMax: r.ratio_max,
        severity: r.severity as RuleDef['severity'],
        messageVi: r.message_vi,
        messageEn: r.message_en,
      })),
  };
}

/**
 * SQL selecting `enterprise_id` of every enterprise that must report a form: the listed ones, or the active
 * enterprises matching the form's zones (their zones, their projects' zones or their main zone, children of
 * a target zone included) and investment type.
 */
export async function expectedEnterprisesSql(
  db: DbOrTx,
  form: FormRow,
): Promise<RawBuilder<{ enterprise_id: string }>> {
  if (form.target_mode === 'listed') {
    return sql<{ enterprise_id: string }>`
      select l.enterprise_id from report_form_enterprises l join enterprises e on e.id = l.enterprise_id
      where l.form_id = ${form.id}::uuid and e.status = 'active'`;
  }
  const parts: RawBuilder<unknown>[] = [sql`e.status = 'active'`];
  if (form.target_zone_ids.length) {
    const zones = await zonesWithDescendants(db, form.target_zone_ids);
    const list = zones.length ? zones : [NO_ID];
    parts.push(sql`(e.main_zone_id = any(${list}::uuid[])
      or exists (select 1 from enterprise_zones ez where ez.enterprise_id = e.id and ez.zone_id = any(${list}::uuid[]))
      or exists (select 1 from investment_projects p where p.enterprise_id = e.id and p.zone_id = any(${list}::uuid[])))`);
  }
  if (form.target_investment_type) {
    parts.push(sql`e.ownership = ${form.target_investment_type === 'fdi' ? 'fdi' : 'domestic'}`);
  }
  return sql<{
    enterprise_id: string;
  }>`select e.id as enterprise_id from enterprises e where ${sql.join(parts, sql` and `)}`;
}

/** Whether one enterprise must report a form. */
export async function isExpected(db: DbOrTx, form: FormRow, enterpriseId: string): Promise<boolean> {
  const q = await expectedEnterprisesSql(db, form);
  const r = await sql<{
    ok: boolean;
  }>`select exists (select 1 from (${q}) x where x.enterprise_id = ${enterpriseId}::uuid) as ok`.execute(db);
  return r.rows[0]?.ok ?? false;
}

/** Forms an enterprise must report (active ones). */
export async function formsOfEnterprise(db: DbOrTx, enterpriseId: string): Promise<FormRow[]> {
  const forms = await db
    .selectFrom('report_forms')
    .selectAll()
    .where('active', '=', true)
    .orderBy('code')
    .execute();
  const out: FormRow[] = [];
  for (const f of forms) if (await isExpected(db, f, enterpriseId)) out.push(f);
  return out;
}
