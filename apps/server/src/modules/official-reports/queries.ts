import { slugifyVi } from '@heza/shared';
import {
  contentFigures,
  type ReportContent,
  type ReportFiguresView,
  type ReportStatus,
  type ReportView,
} from '@heza/shared/official-reports';
import { todayVn } from '@heza/shared/registry';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { type Composed, composeDocument } from './compose.ts';
import { checkConsistency } from './consistency.ts';
import type { OfficialDocument } from './document/model.ts';
import { changedFigures, computeFigures, figureView } from './figures/compute.ts';
import type { FigureSet } from './figures/types.ts';
import { presentReport, presentReportSummary, presentTemplate, presentTemplateSummary } from './presenter.ts';
import './schema.ts';

const TEMPLATE = { vi: 'mẫu báo cáo', en: 'report template' };
const REPORT = { vi: 'báo cáo', en: 'report' };

/** Report columns without the heavy ones (DOCX bytes, frozen document and figures). */
const REPORT_COLUMNS = [
  'id',
  'template_id',
  'template_version',
  'period_id',
  'data_as_of',
  'status',
  'title',
  'content',
  'draft_figures_at',
  'docx_sha256',
  'outgoing_document_id',
  'number',
  'number_text',
  'issued_date',
  'issued_at',
  'issued_by',
  'submitted_at',
  'submitted_by',
  'approved_at',
  'approved_by',
  'returned_at',
  'returned_by',
  'review_comment',
  'published_at',
  'published_by',
  'corrects_report_id',
  'version',
  'created_at',
  'updated_at',
  'created_by',
] as const;

/** The templates, active first. */
export async function listTemplates(db: DbOrTx, opts: { includeInactive?: boolean } = {}) {
  let q = db
    .selectFrom('report_templates')
    .selectAll()
    .orderBy('active', 'desc')
    .orderBy('is_system', 'desc')
    .orderBy('code');
  if (!opts.includeInactive) q = q.where('active', '=', true);
  return (await q.execute()).map(presentTemplateSummary);
}

/** A template row by code; throws NOT_FOUND. */
export async function getTemplateRow(db: DbOrTx, code: string) {
  const row = await db.selectFrom('report_templates').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row) throw notFound(TEMPLATE);
  return row;
}

/** A template with its content; throws NOT_FOUND. */
export async function getTemplate(db: DbOrTx, code: string) {
  return presentTemplate(await getTemplateRow(db, code));
}

/** A page of reports, newest first, optionally by status and template. */
export async function listReports(
  db: DbOrTx,
  q: { status?: ReportStatus; templateCode?: string; page: number; pageSize: number },
) {
  let base = db
    .selectFrom('official_reports as r')
    .innerJoin('report_templates as t', 't.id', 'r.template_id');
  if (q.status) base = base.where('r.status', '=', q.status);
  if (q.templateCode) base = base.where('t.code', '=', q.templateCode);
  const [rows, count] = await Promise.all([
    base
      .select(REPORT_COLUMNS.map((c) => `r.${c}` as const))
      .select(['t.code as template_code', 't.name_vi as template_name'])
      .orderBy('r.updated_at', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => presentReportSummary(r, { code: r.template_code, name_vi: r.template_name })),
    total: Number(count.n),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** A report row (without the heavy columns) and its template; throws NOT_FOUND. */
export async function getReportRow(db: DbOrTx, id: string) {
  const row = await db
    .selectFrom('official_reports as r')
    .innerJoin('report_templates as t', 't.id', 'r.template_id')
    .select(REPORT_COLUMNS.map((c) => `r.${c}` as const))
    .select(['t.code as template_code', 't.name_vi as template_name'])
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(REPORT);
  return row;
}

/** A report as the API shows it to this actor. */
export async function getReport(ctx: Ctx, id: string): Promise<ReportView> {
  const row = await getReportRow(ctx.db, id);
  const ids = [row.submitted_by, row.approved_by, row.returned_by, row.issued_by, row.published_by].filter(
    (x): x is string => !!x,
  );
  const users = ids.length
    ? await ctx.db.selectFrom('users').select(['id', 'full_name']).where('id', 'in', ids).execute()
    : [];
  return presentReport(
    row,
    { code: row.template_code, name_vi: row.template_name },
    new Map(users.map((u) => [u.id, u.full_name])),
    ctx.actor,
  );
}

/** The state a document is made from: the frozen one once issued, else the live figures composed now. */
export interface ReportDocumentState {
  frozen: boolean;
  figures: FigureSet;
  composed: Composed;
}

/** The document of a report: frozen at issue, or composed now from live figures. */
export async function reportDocument(
  db: DbOrTx,
  id: string,
): Promise<ReportDocumentState & { row: Awaited<ReturnType<typeof getReportRow>> }> {
  const row = await getReportRow(db, id);
  if (row.status === 'issued' || row.status === 'published') {
    const frozen = await db
      .selectFrom('official_reports')
      .select(['frozen_figures', 'document'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const figures = frozen.frozen_figures as FigureSet;
    const doc = frozen.document as OfficialDocument;
    // The used list and missing list of a frozen document come from composing its content once more with its
    // frozen figures; the document itself is the stored one.
    const again = composeDocument(row.content as ReportContent, {
      periodId: row.period_id,
      figures,
      issued: { number: row.number!, date: row.issued_date! },
      today: row.issued_date!,
    });
    return { row, frozen: true, figures, composed: { ...again, doc } };
  }
  const content = row.content as ReportContent;
  // Only the figures the content prints: a document never waits for figures it does not show.
  const figures = await computeFigures(db, {
    periodId: row.period_id,
    asOf: row.data_as_of,
    keys: contentFigures(content),
  });
  const composed = composeDocument(content, {
    periodId: row.period_id,
    figures,
    issued: null,
    today: todayVn(),
  });
  return { row, frozen: false, figures, composed };
}

/** One figure of a report: the frozen one once issued, else computed now (only that figure). */
export async function reportFigureValue(db: DbOrTx, id: string, key: string) {
  const row = await getReportRow(db, id);
  if (row.status === 'issued' || row.status === 'published') {
    const frozen = await db
      .selectFrom('official_reports')
      .select('frozen_figures')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return (frozen.frozen_figures as FigureSet).values[key];
  }
  return (await computeFigures(db, { periodId: row.period_id, asOf: row.data_as_of, keys: [key] })).values[
    key
  ];
}

/** The figures of a report for the editor and the reviewer. */
export async function reportFigures(
  db: DbOrTx,
  id: string,
  lang: 'vi' | 'en' = 'vi',
): Promise<ReportFiguresView> {
  const state = await reportDocument(db, id);
  let changed: ReportFiguresView['changedSinceDraft'] = null;
  if (!state.frozen && (state.row.status === 'submitted' || state.row.status === 'approved')) {
    const draft = await db
      .selectFrom('official_reports')
      .select('draft_figures')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    if (draft.draft_figures) {
      changed = changedFigures(draft.draft_figures as FigureSet, state.figures)
        .filter((c) => state.composed.used.includes(c.key))
        .map((c) => ({ ...c, label: figureView(state.figures.values[c.key]!, lang).label }));
    }
  }
  const used = new Set(state.composed.used);
  return {
    frozen: state.frozen,
    knownAt: state.figures.knownAt,
    computedAt: state.figures.computedAt,
    used: state.composed.used,
    figures: Object.values(state.figures.values)
      .filter((v) => used.has(v.key))
      .map((v) => figureView(v, lang)),
    missing: state.composed.missing,
    changedSinceDraft: changed,
  };
}

/** The consistency findings of a report, against every figure of the catalogue (narrative may cite any). */
export async function reportConsistency(db: DbOrTx, id: string) {
  const row = await getReportRow(db, id);
  let figures: FigureSet;
  if (row.status === 'issued' || row.status === 'published') {
    const frozen = await db
      .selectFrom('official_reports')
      .select('frozen_figures')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    figures = frozen.frozen_figures as FigureSet;
  } else figures = await computeFigures(db, { periodId: row.period_id, asOf: row.data_as_of });
  return checkConsistency(row.content as ReportContent, figures);
}

/** The file name of a report's DOCX or PDF: its number once issued, "du-thao" before. */
export function reportFileName(
  row: { number_text: string | null; period_id: string; template_code: string },
  ext: 'docx' | 'pdf',
): string {
  const head = row.number_text ? slugifyVi(row.number_text.replace(/[/&]/g, '-')) : 'du-thao';
  return `${head}-${row.template_code}-${row.period_id}.${ext}`;
}
