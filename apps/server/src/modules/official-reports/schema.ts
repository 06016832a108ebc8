import type { ColumnType, Generated } from 'kysely';
import type { GeneratedTimestamp, Json, NullableTimestamp } from '../../db/schema.ts';

/** A nullable column that inserts may omit. */
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;
/** A nullable jsonb column: read as parsed JSON, written as a JSON string. */
type NullableJson = ColumnType<unknown, string | null | undefined, string | null>;
/** A `date` column: 'YYYY-MM-DD'. */
type DateCol = string;

/** Yearly counter of an outgoing-document register (migration 0080). */
export interface OutgoingDocumentSequenceTable {
  sequence_key: string;
  year: number;
  last_number: Generated<number>;
}

/** The outgoing-document register: one row per number given (immutable). */
export interface OutgoingDocumentTable {
  id: Generated<string>;
  sequence_key: string;
  year: number;
  number: number;
  number_text: string;
  document_date: DateCol;
  subject: string;
  source_type: string;
  source_id: string;
  created_at: GeneratedTimestamp;
  created_by: Nullable<string>;
}

/** Report templates (content: ReportContent JSON). */
export interface ReportTemplateTable {
  id: Generated<string>;
  code: string;
  name_vi: string;
  name_en: string;
  description_vi: Nullable<string>;
  period_types: string[];
  content: Json;
  version: Generated<number>;
  is_system: Generated<boolean>;
  active: Generated<boolean>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  created_by: Nullable<string>;
  updated_by: Nullable<string>;
}

/** Official reports: content, workflow stamps, number, frozen figures and DOCX. */
export interface OfficialReportTable {
  id: Generated<string>;
  template_id: string;
  template_version: number;
  period_id: string;
  data_as_of: Nullable<DateCol>;
  status: string;
  title: string;
  content: Json;
  draft_figures: NullableJson;
  draft_figures_at: NullableTimestamp;
  frozen_figures: NullableJson;
  document: NullableJson;
  docx: Nullable<Buffer>;
  docx_sha256: Nullable<string>;
  outgoing_document_id: Nullable<string>;
  number: Nullable<number>;
  number_text: Nullable<string>;
  issued_date: Nullable<DateCol>;
  issued_at: NullableTimestamp;
  issued_by: Nullable<string>;
  submitted_at: NullableTimestamp;
  submitted_by: Nullable<string>;
  approved_at: NullableTimestamp;
  approved_by: Nullable<string>;
  returned_at: NullableTimestamp;
  returned_by: Nullable<string>;
  review_comment: Nullable<string>;
  published_at: NullableTimestamp;
  published_by: Nullable<string>;
  corrects_report_id: Nullable<string>;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  created_by: Nullable<string>;
}

declare module '../../db/schema.ts' {
  interface Database {
    outgoing_document_sequences: OutgoingDocumentSequenceTable;
    outgoing_documents: OutgoingDocumentTable;
    report_templates: ReportTemplateTable;
    official_reports: OfficialReportTable;
  }
}
