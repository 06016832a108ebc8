/**
 * Reads of reporting: the catalogue, forms, one report as the entry screen shows it, the submission list,
 * per-value history and an enterprise's obligations. Jurisdiction is applied in SQL for lists and checked on
 * the enterprise for single reports.
 */
import { parsePeriod, periodEnd, periodId, periodLabel, periodStart } from '@heza/shared';
import type { EntryView, SubmissionListQuery, ValueHistoryItem } from '@heza/shared/reporting';
import type { EntryValueInput } from '@heza/shared/reporting-rules';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { NO_ID } from '../registry/scope.ts';
import { assertEnterpriseAccess, reportingFilter } from './access.ts';
import { loadCatalogue, presentIndicator } from './catalogue.ts';
import {
  checkValues,
  findSubmission,
  lockState,
  REPORT_ENTITY,
  storedValues,
  toEntryValues,
  trimValue,
  unlockedUntil,
} from './entries.ts';
import {
  entryDefinition,
  type FormRow,
  formsOfEnterprise,
  getFormDef,
  presentForm,
  presentRule,
} from './forms.ts';
import { clock, dueDate, formPeriod, isOnTime, lockDate, startedPeriods, vnDate } from './schedule.ts';

const ENTERPRISE_ENTITY = { vi: 'doanh nghiệp', en: 'Enterprise' };

/** The whole indicator catalogue. */
export async function listIndicators(db: DbOrTx) {
  const cat = await loadCatalogue(db);
  return cat.list.map((i) => presentIndicator(i, cat));
}

/** Breakdowns with their options. */
export async function listDisaggregations(db: DbOrTx) {
  const [ds, os] = await Promise.all([
    db.selectFrom('disaggregations').selectAll().orderBy('code').execute(),
    db.selectFrom('disaggregation_options').selectAll().orderBy('position').execute(),
  ]);
  return ds.map((d) => ({
    code: d.code,
    nameVi: d.name_vi,
    nameEn: d.name_en,
    nameZh: d.name_zh,
    nameKo: d.name_ko,
    nameJa: d.name_ja,
    options: os
      .filter((o) => o.disaggregation_id === d.id)
      .map((o) => ({
        code: o.code,
        nameVi: o.name_vi,
        nameEn: o.name_en,
        nameZh: o.name_zh,
        nameKo: o.name_ko,
        nameJa: o.name_ja,
      })),
  }));
}

/** Forms the actor may see: all of them for staff, the ones the enterprise must report for enterprise users. */
export async function listForms(ctx: Ctx) {
  const filter = await reportingFilter(ctx, 'reporting.form.read');
  const forms: FormRow[] =
    filter.kind === 'enterprise'
      ? await formsOfEnterprise(ctx.db, filter.enterpriseId)
      : await ctx.db
          .selectFrom('report_forms')
          .selectAll()
          .orderBy('active', 'desc')
          .orderBy('code')
          .execute();
  const cat = await loadCatalogue(ctx.db);
  return Promise.all(forms.map(async (f) => presentForm(await getFormDef(ctx.db, f.id, cat))));
}

/** One form; an enterprise user only sees forms their enterprise must report. */
export async function getForm(ctx: Ctx, formId: string) {
  const def = await getFormDef(ctx.db, formId);
  const filter = await reportingFilter(ctx, 'reporting.form.read');
  if (filter.kind === 'enterprise') {
    const mine = await formsOfEnterprise(ctx.db, filter.enterpriseId);
    if (!mine.some((f) => f.id === formId)) throw new AppError('OUT_OF_JURISDICTION');
  }
  return presentForm(def);
}

/**
 * One report as the entry screen shows it: dates (due day, lock day), lock state, status, the working values
 * (the draft if any, else the submitted values) beside the submitted ones, the form's indicators and rules,
 * and the problems the working values have now.
 */
export async function getEntry(
  ctx: Ctx,
  key: { formId: string; enterpriseId: string; periodId: string },
): Promise<EntryView> {
  const def = await getFormDef(ctx.db, key.formId);
  await assertEnterpriseAccess(ctx, 'reporting.submission.read', key.enterpriseId);
  const today = clock.today();
  const p = formPeriod(def.form, key.periodId, 'period', today);
  const enterprise = await ctx.db
    .selectFrom('enterprises')
    .select(['id', 'tax_code', 'name_vi'])
    .where('id', '=', key.enterpriseId)
    .executeTakeFirst();
  if (!enterprise) throw new AppError('NOT_FOUND', { params: { entity: ENTERPRISE_ENTITY } });
  const sub = await findSubmission(ctx.db, def.form.id, key.enterpriseId, periodId(p));
  const stored = sub ? await storedValues(ctx.db, sub.id) : [];
  const submitted = toEntryValues(def, stored);
  const draft = (sub?.draft as { values?: EntryValueInput[] } | null)?.values ?? null;
  const working = draft ?? submitted;
  const lock = await lockState(ctx.db, def.form, p, key.enterpriseId, today);
  const { problems } = checkValues(def, p, working, 'submit', today);
  const submittedByKey = new Map(submitted.map((v) => [`${v.indicator}|${v.combo ?? ''}`, v]));
  const entryDef = entryDefinition(def);
  return {
    form: {
      id: def.form.id,
      code: def.form.code,
      nameVi: def.form.name_vi,
      nameEn: def.form.name_en,
      periodType: def.form.period_type as EntryView['form']['periodType'],
    },
    enterprise: { id: enterprise.id, taxCode: enterprise.tax_code, nameVi: enterprise.name_vi },
    period: {
      id: periodId(p),
      labelVi: periodLabel(p, 'vi'),
      labelEn: periodLabel(p, 'en'),
      start: periodStart(p),
      end: periodEnd(p),
      ended: today > periodEnd(p),
    },
    dueDate: dueDate(def.form, p),
    lockDate: lock.lockDate,
    locked: lock.locked,
    unlockedUntil: lock.unlockedUntil,
    submissionId: sub?.id ?? null,
    status: (sub?.status as EntryView['status']) ?? null,
    version: sub?.version ?? 0,
    firstSubmittedAt: sub?.first_submitted_at?.toISOString() ?? null,
    submittedAt: sub?.submitted_at?.toISOString() ?? null,
    onTime: sub?.first_submitted_at ? isOnTime(def.form, p, vnDate(sub.first_submitted_at)) : null,
    reviewComment: sub?.review_comment ?? null,
    reviewedAt: sub?.reviewed_at?.toISOString() ?? null,
    hasDraft: draft !== null,
    draftSavedAt: sub?.draft_saved_at?.toISOString() ?? null,
    values: working.map((v) => {
      const s = submittedByKey.get(`${v.indicator}|${v.combo ?? ''}`);
      return {
        indicator: v.indicator,
        combo: v.combo ?? '',
        value: v.value === null || v.value === '' ? null : String(v.value),
        estimate: v.estimate,
        submittedValue: s ? String(s.value) : null,
        submittedEstimate: s ? s.estimate : null,
      };
    }),
    indicators: def.indicators
      .filter((i) => i.source === 'reported')
      .map((i) => {
        const e = entryDef.indicators.find((x) => x.code === i.code)!;
        return { ...e, unit: i.unit, sectionVi: i.sectionVi };
      }),
    rules: def.rules.filter((r) => r.active).map(presentRule),
    problems,
  };
}

/** Checks values against the form without saving ("as they type", server side). */
export async function checkEntryValues(
  ctx: Ctx,
  key: { formId: string; enterpriseId: string; periodId: string },
  values: EntryValueInput[],
  mode: 'draft' | 'submit',
) {
  const def = await getFormDef(ctx.db, key.formId);
  await assertEnterpriseAccess(ctx, 'reporting.submission.read', key.enterpriseId);
  const today = clock.today();
  const p = formPeriod(def.form, key.periodId, 'period', today);
  const { problems } = checkValues(def, p, values, mode, today);
  return { ok: !problems.some((x) => x.severity === 'blocking'), problems };
}

/** Submissions, newest period first, narrowed to the actor's reach. */
export async function listSubmissions(ctx: Ctx, q: z.output<typeof SubmissionListQuery>) {
  const filter = await reportingFilter(ctx, 'reporting.submission.read');
  let base = ctx.db
    .selectFrom('report_submissions as s')
    .innerJoin('report_forms as f', 'f.id', 's.form_id')
    .innerJoin('enterprises as e', 'e.id', 's.enterprise_id');
  if (filter.kind === 'enterprise') base = base.where('s.enterprise_id', '=', filter.enterpriseId);
  if (filter.kind === 'zones') {
    const zones = filter.zoneIds.length ? filter.zoneIds : [NO_ID];
    base = base.where(
      sql<boolean>`(e.main_zone_id = any(${zones}::uuid[])
        or exists (select 1 from enterprise_zones ez where ez.enterprise_id = e.id and ez.zone_id = any(${zones}::uuid[]))
        or exists (select 1 from investment_projects p where p.enterprise_id = e.id and p.zone_id = any(${zones}::uuid[])))`,
    );
  }
  if (q.formId) base = base.where('s.form_id', '=', q.formId);
  if (q.periodId) base = base.where('s.period_id', '=', q.periodId);
  if (q.enterpriseId) base = base.where('s.enterprise_id', '=', q.enterpriseId);
  if (q.status) base = base.where('s.status', '=', q.status);
  const [rows, count] = await Promise.all([
    base
      .select([
        's.id',
        's.form_id',
        'f.code as form_code',
        'f.period_type',
        'f.due_after_days',
        'f.lock_after_days',
        'f.first_period',
        'f.last_period',
        's.enterprise_id',
        'e.name_vi as enterprise_name',
        'e.tax_code',
        's.period_id',
        's.status',
        's.first_submitted_at',
        's.submitted_at',
        's.last_source',
        's.review_comment',
      ])
      .orderBy('s.period_start', 'desc')
      .orderBy('e.name_vi')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      formId: r.form_id,
      formCode: r.form_code,
      enterpriseId: r.enterprise_id,
      enterpriseName: r.enterprise_name,
      taxCode: r.tax_code,
      periodId: r.period_id,
      status: r.status as 'draft',
      firstSubmittedAt: r.first_submitted_at?.toISOString() ?? null,
      submittedAt: r.submitted_at?.toISOString() ?? null,
      onTime: r.first_submitted_at
        ? isOnTime(r, parsePeriod(r.period_id), vnDate(r.first_submitted_at))
        : null,
      lastSource: r.last_source as 'online' | null,
      reviewComment: r.review_comment,
    })),
    total: Number(count.n),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Every change of every value of a report (or of one indicator), oldest first. */
export async function valueHistory(
  ctx: Ctx,
  key: { formId: string; enterpriseId: string; periodId: string },
  indicator?: string,
): Promise<ValueHistoryItem[]> {
  await assertEnterpriseAccess(ctx, 'reporting.submission.read', key.enterpriseId);
  const sub = await findSubmission(ctx.db, key.formId, key.enterpriseId, key.periodId);
  if (!sub) throw new AppError('NOT_FOUND', { params: { entity: REPORT_ENTITY } });
  const cat = await loadCatalogue(ctx.db);
  let q = ctx.db.selectFrom('report_value_history').selectAll().where('submission_id', '=', sub.id);
  if (indicator) q = q.where('indicator_id', '=', cat.byCode.get(indicator)?.id ?? -1);
  const rows = await q.orderBy('changed_at').orderBy('id').execute();
  return rows.map((r) => ({
    indicator: cat.byId.get(r.indicator_id)?.code ?? String(r.indicator_id),
    combo: r.combo,
    value: r.value === null ? null : trimValue(r.value),
    estimate: r.is_estimate,
    previousValue: r.previous_value === null ? null : trimValue(r.previous_value),
    previousEstimate: r.previous_is_estimate,
    changedAt: r.changed_at.toISOString(),
    changedBy: r.changed_by_label,
    source: r.source as ValueHistoryItem['source'],
    comment: r.comment,
  }));
}

/** The reports an enterprise owes from `from` on: every started period of every form it must report. */
export async function obligations(ctx: Ctx, enterpriseId: string, from: string) {
  await assertEnterpriseAccess(ctx, 'reporting.submission.read', enterpriseId);
  const today = clock.today();
  const forms = await formsOfEnterprise(ctx.db, enterpriseId);
  const subs = await ctx.db
    .selectFrom('report_submissions')
    .select(['form_id', 'period_id', 'status', 'first_submitted_at'])
    .where('enterprise_id', '=', enterpriseId)
    .where('period_end', '>=', from)
    .execute();
  const byKey = new Map(subs.map((s) => [`${s.form_id}|${s.period_id}`, s]));
  const out = [];
  for (const f of forms) {
    for (const p of startedPeriods(f, from, today).reverse()) {
      const s = byKey.get(`${f.id}|${periodId(p)}`);
      const lock = lockDate(f, p);
      // Past its lock day a period may still be open under an unlock exception.
      const locked =
        today > lock && (await unlockedUntil(ctx.db, f.id, periodId(p), enterpriseId, today)) === null;
      out.push({
        formId: f.id,
        formCode: f.code,
        formNameVi: f.name_vi,
        formNameEn: f.name_en,
        periodId: periodId(p),
        periodLabelVi: periodLabel(p, 'vi'),
        periodLabelEn: periodLabel(p, 'en'),
        dueDate: dueDate(f, p),
        lockDate: lock,
        locked,
        status: (s?.status as 'draft' | undefined) ?? null,
        onTime: s?.first_submitted_at ? isOnTime(f, p, vnDate(s.first_submitted_at)) : null,
      });
    }
  }
  return out.sort((a, b) => b.dueDate.localeCompare(a.dueDate) || a.formCode.localeCompare(b.formCode));
}

/** Unlock exceptions of a form, newest first. */
export async function listUnlocks(db: DbOrTx, formId: string) {
  return db
    .selectFrom('report_unlocks')
    .selectAll()
    .where('form_id', '=', formId)
    .orderBy('granted_at', 'desc')
    .execute();
}
