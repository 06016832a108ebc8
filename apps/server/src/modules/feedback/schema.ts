import type { Generated } from 'kysely';
import type { GeneratedTimestamp, NullableTimestamp, Timestamp } from '../../db/schema.ts';

/** A `date` column: read and written as 'YYYY-MM-DD'. */
type DateCol = string;

export interface FeedbackCategoryTable {
  code: string;
  name_vi: string;
  name_en: string;
  unit: string;
  response_days: number;
  position: Generated<number>;
  active: Generated<boolean>;
}

export interface FeedbackItemTable {
  id: Generated<string>;
  code: string;
  kind: 'feedback' | 'petition';
  category_code: string;
  unit: string;
  channel: 'portal' | 'counter';
  status: 'received' | 'in_progress' | 'answered' | 'closed';
  requester_name: string;
  requester_organisation: string | null;
  requester_email: string | null;
  requester_phone: string | null;
  enterprise_id: string | null;
  submitted_by: string | null;
  subject: string;
  body: string;
  dossier_id: string | null;
  procedure_code: string | null;
  tracking_secret: string;
  received_at: Timestamp;
  counting_from: DateCol;
  due_date: DateCol;
  assignee_id: string | null;
  answer: string | null;
  answered_at: NullableTimestamp;
  answered_by: string | null;
  is_public: Generated<boolean>;
  public_question: string | null;
  published_at: NullableTimestamp;
  rating: number | null;
  rating_comment: string | null;
  rated_at: NullableTimestamp;
  reopen_count: Generated<number>;
  closed_at: NullableTimestamp;
  is_demo: Generated<boolean>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface FeedbackNoteTable {
  id: Generated<string>;
  feedback_id: string;
  at: Timestamp;
  author_id: string | null;
  author_label: string | null;
  body: string;
}

export interface FeedbackEventTable {
  id: Generated<string>;
  feedback_id: string;
  at: Timestamp;
  actor_id: string | null;
  actor_label: string | null;
  event: string;
  from_status: string | null;
  to_status: string | null;
  from_unit: string | null;
  to_unit: string | null;
  note: string | null;
}

declare module '../../db/schema.ts' {
  interface Database {
    feedback_categories: FeedbackCategoryTable;
    feedback_sequences: { day: DateCol; last_value: number };
    feedback_items: FeedbackItemTable;
    feedback_notes: FeedbackNoteTable;
    feedback_events: FeedbackEventTable;
  }
}
