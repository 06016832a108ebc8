import type { ColumnType, Generated } from 'kysely';
import type { GeneratedTimestamp, Json, NullableTimestamp, Timestamp } from '../../db/schema.ts';

/** A `date` column: read and written as 'YYYY-MM-DD'. */
type DateCol = string;

export interface OneStopOfficeTable {
  code: string;
  name_vi: string;
  name_en: string;
  parent_vi: string;
  place_vi: string;
  address_vi: string | null;
  phone: string | null;
  email: string | null;
  is_default: Generated<boolean>;
}

export interface ProcedureTable {
  id: Generated<string>;
  code: string;
  version: number;
  effective_from: DateCol;
  effective_to: DateCol | null;
  name_vi: string;
  name_en: string;
  field_code: string;
  field_vi: string;
  field_en: string;
  office_code: string;
  lead_unit: string;
  time_limit_days: number;
  cutoff: string | null;
  online_level: 'full' | 'partial' | 'none';
  supplement_clock: 'restart' | 'pause';
  result_vi: string;
  result_en: string;
  legal_basis: string;
  note: string | null;
  created_at: GeneratedTimestamp;
  created_by: string | null;
}

export interface ProcedureDocumentTable {
  procedure_id: string;
  position: number;
  key: string;
  name_vi: string;
  name_en: string;
  originals: number;
  copies: number;
  required: boolean;
}

export interface ProcedureStepTable {
  procedure_id: string;
  position: number;
  key: string;
  name_vi: string;
  name_en: string;
  unit: string;
  role: 'staff' | 'leader';
  days: number;
}

export interface ProcedureFeeTable {
  procedure_id: string;
  position: number;
  name_vi: string;
  name_en: string;
  amount_vnd: ColumnType<string | null, string | number | null, string | number | null>;
  note_vi: string | null;
  note_en: string | null;
}

export interface DossierTable {
  id: Generated<string>;
  code: string | null;
  procedure_id: string;
  office_code: string;
  status: string;
  channel: 'online' | 'counter' | 'postal';
  applicant_kind: 'organisation' | 'individual';
  applicant_name: string;
  applicant_id_number: string | null;
  applicant_address: string | null;
  applicant_phone: string | null;
  applicant_email: string | null;
  subject: string;
  sets_count: Generated<number>;
  return_method: Generated<'online' | 'counter' | 'post'>;
  return_address: string | null;
  enterprise_id: string | null;
  zone_id: string | null;
  submitted_by: string | null;
  received_by: string | null;
  tracking_secret: string;
  submitted_at: Timestamp;
  received_at: NullableTimestamp;
  counting_from: DateCol | null;
  due_at: NullableTimestamp;
  legal_due_date: DateCol | null;
  current_step: number | null;
  paused_remaining_days: number | null;
  finished_at: NullableTimestamp;
  result_file_id: string | null;
  result_number: string | null;
  result_note: string | null;
  returned_at: NullableTimestamp;
  returned_by_method: 'online' | 'counter' | 'post' | null;
  return_note: string | null;
  closed_at: NullableTimestamp;
  close_reason: string | null;
  archived_at: NullableTimestamp;
  is_demo: Generated<boolean>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface DossierDocumentTable {
  id: Generated<string>;
  dossier_id: string;
  document_key: string | null;
  name: string;
  originals: number;
  copies: number;
  file_id: string | null;
  supplement_id: string | null;
  provided_at: Timestamp;
}

export interface DossierStepTable {
  dossier_id: string;
  position: number;
  key: string;
  name_vi: string;
  name_en: string;
  unit: string;
  role: 'staff' | 'leader';
  days: number;
  due_date: DateCol;
  assignee_id: string | null;
  started_at: NullableTimestamp;
  completed_at: NullableTimestamp;
  completed_by: string | null;
  note: string | null;
}

export interface DossierEventTable {
  id: Generated<string>;
  dossier_id: string;
  at: Timestamp;
  actor_id: string | null;
  actor_label: string | null;
  event: string;
  from_status: string | null;
  to_status: string | null;
  from_unit: string | null;
  to_unit: string | null;
  assignee_id: string | null;
  note: string | null;
  data: Json | null;
}

export interface DossierSupplementTable {
  id: Generated<string>;
  dossier_id: string;
  number: number;
  stage: 'intake' | 'appraisal';
  requested_at: Timestamp;
  requested_by: string | null;
  reason: string;
  legal_basis: string | null;
  items: Json;
  clock_rule: 'restart' | 'pause' | null;
  remaining_days: number | null;
  fulfilled_at: NullableTimestamp;
}

export interface DossierExtensionTable {
  id: Generated<string>;
  dossier_id: string;
  number: number;
  created_at: Timestamp;
  created_by: string | null;
  reason: string;
  previous_due_at: Timestamp;
  new_due_at: Timestamp;
  signer_name: string;
  signer_title: string;
}

export interface ApplicantNotificationTable {
  id: Generated<string>;
  entity_type: 'dossier' | 'feedback';
  entity_id: string;
  milestone: string;
  channel: 'email' | 'sms';
  recipient: string;
  subject: string | null;
  body: string;
  created_at: GeneratedTimestamp;
}

declare module '../../db/schema.ts' {
  interface Database {
    one_stop_offices: OneStopOfficeTable;
    procedures: ProcedureTable;
    procedure_documents: ProcedureDocumentTable;
    procedure_steps: ProcedureStepTable;
    procedure_fees: ProcedureFeeTable;
    dossier_sequences: { office_code: string; day: DateCol; last_value: number };
    dossiers: DossierTable;
    dossier_documents: DossierDocumentTable;
    dossier_steps: DossierStepTable;
    dossier_events: DossierEventTable;
    dossier_supplements: DossierSupplementTable;
    dossier_extensions: DossierExtensionTable;
    applicant_notifications: ApplicantNotificationTable;
  }
}
