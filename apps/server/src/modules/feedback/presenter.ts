import { type FeedbackView, toIsoDateVn } from '@heza/shared';
import type { DbOrTx } from '../../db/client.ts';
import { now } from '../procedures/time.ts';
import type { FeedbackRow } from './access.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** True when an open item is past its response date (Vietnam dates). */
export function feedbackOverdue(f: Pick<FeedbackRow, 'status' | 'due_date'>, at: Date = now()): boolean {
  return (f.status === 'received' || f.status === 'in_progress') && toIsoDateVn(at) > f.due_date;
}

/** Presents an item with its notes and log for staff. */
export async function presentFeedback(db: DbOrTx, f: FeedbackRow): Promise<FeedbackView> {
  const [category, notes, events, assignee, dossier] = await Promise.all([
    db
      .selectFrom('feedback_categories')
      .select(['name_vi', 'name_en'])
      .where('code', '=', f.category_code)
      .executeTakeFirstOrThrow(),
    db.selectFrom('feedback_notes').selectAll().where('feedback_id', '=', f.id).orderBy('id').execute(),
    db.selectFrom('feedback_events').selectAll().where('feedback_id', '=', f.id).orderBy('id').execute(),
    f.assignee_id
      ? db.selectFrom('users').select(['id', 'full_name']).where('id', '=', f.assignee_id).executeTakeFirst()
      : Promise.resolve(undefined),
    f.dossier_id
      ? db.selectFrom('dossiers').select(['id', 'code']).where('id', '=', f.dossier_id).executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  return {
    id: f.id,
    code: f.code,
    kind: f.kind,
    category: { code: f.category_code, name: { vi: category.name_vi, en: category.name_en } },
    unit: f.unit,
    channel: f.channel,
    status: f.status,
    requester: {
      name: f.requester_name,
      organisation: f.requester_organisation,
      email: f.requester_email,
      phone: f.requester_phone,
    },
    enterpriseId: f.enterprise_id,
    subject: f.subject,
    body: f.body,
    dossier: dossier ? { id: dossier.id, code: dossier.code } : null,
    procedureCode: f.procedure_code,
    receivedAt: f.received_at.toISOString(),
    dueDate: f.due_date,
    overdue: feedbackOverdue(f),
    assignee: assignee ? { id: assignee.id, name: assignee.full_name } : null,
    answer: f.answer,
    answeredAt: iso(f.answered_at),
    isPublic: f.is_public,
    publicQuestion: f.public_question,
    rating: f.rating,
    ratingComment: f.rating_comment,
    reopenCount: f.reopen_count,
    closedAt: iso(f.closed_at),
    notes: notes.map((n) => ({ at: n.at.toISOString(), author: n.author_label, body: n.body })),
    events: events.map((e) => ({
      at: e.at.toISOString(),
      actor: e.actor_label,
      event: e.event,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      fromUnit: e.from_unit,
      toUnit: e.to_unit,
      note: e.note,
    })),
  };
}
