import { parsePeriod, periodLabel } from '@heza/shared';
import type {
  ReportContent,
  ReportStatus,
  ReportSummaryView,
  ReportView,
  TemplateSummaryView,
  TemplateView,
} from '@heza/shared/official-reports';
import type { Selectable } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { OfficialReportTable, ReportTemplateTable } from './schema.ts';

type TemplateRow = Selectable<ReportTemplateTable>;
type ReportRow = Omit<
  Selectable<OfficialReportTable>,
  'docx' | 'document' | 'frozen_figures' | 'draft_figures'
>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A template in a list. */
export function presentTemplateSummary(r: TemplateRow): TemplateSummaryView {
  return {
    code: r.code,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    descriptionVi: r.description_vi,
    periodTypes: r.period_types,
    version: r.version,
    isSystem: r.is_system,
    active: r.active,
    updatedAt: r.updated_at.toISOString(),
  };
}

/** A template with its content. */
export function presentTemplate(r: TemplateRow): TemplateView {
  return { ...presentTemplateSummary(r), content: r.content as ReportContent };
}

/** A report in a list. */
export function presentReportSummary(
  r: ReportRow,
  template: { code: string; name_vi: string },
): ReportSummaryView {
  return {
    id: r.id,
    templateCode: template.code,
    templateName: template.name_vi,
    periodId: r.period_id,
    periodLabel: periodLabel(parsePeriod(r.period_id), 'vi'),
    dataAsOf: r.data_as_of,
    status: r.status as ReportStatus,
    title: r.title,
    numberText: r.number_text,
    issuedDate: r.issued_date,
    version: r.version,
    correctsReportId: r.corrects_report_id,
    updatedAt: r.updated_at.toISOString(),
  };
}

/** The workflow actions an actor may take on a report in its status. */
export function allowedActions(actor: Actor | null, status: ReportStatus): ReportView['allowedActions'] {
  const can = (a: string) => !!actor?.permissions.has(`official_reports.report.${a}`);
  const out: ReportView['allowedActions'] = [];
  if (status === 'draft' && can('write')) out.push('edit');
  if (status === 'draft' && can('submit')) out.push('submit');
  if ((status === 'submitted' || status === 'approved') && can('approve')) out.push('return');
  if (status === 'submitted' && can('approve')) out.push('approve');
  if (status === 'approved' && can('issue')) out.push('issue');
  if (status === 'issued' && can('publish')) out.push('publish');
  if ((status === 'issued' || status === 'published') && can('write')) out.push('correct');
  return out;
}

/** A report with its content and stamps; `names` maps user ids to names. */
export function presentReport(
  r: ReportRow,
  template: { code: string; name_vi: string },
  names: Map<string, string>,
  actor: Actor | null,
): ReportView {
  const stamp = (at: Date | null, by: string | null) =>
    at ? { at: iso(at)!, by: by ? (names.get(by) ?? null) : null } : null;
  return {
    ...presentReportSummary(r, template),
    content: r.content as ReportContent,
    templateVersion: r.template_version,
    submitted: stamp(r.submitted_at, r.submitted_by),
    approved: stamp(r.approved_at, r.approved_by),
    returned: stamp(r.returned_at, r.returned_by),
    issued: stamp(r.issued_at, r.issued_by),
    published: stamp(r.published_at, r.published_by),
    reviewComment: r.review_comment,
    docxSha256: r.docx_sha256,
    allowedActions: allowedActions(actor, r.status as ReportStatus),
  };
}
