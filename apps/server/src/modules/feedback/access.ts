import type { Selectable } from 'kysely';
import type { Tx } from '../../db/client.ts';
import { authorize } from '../../platform/auth/policy.ts';
import type { Actor } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { ONE_STOP_UNIT } from '../procedures/access.ts';
import type { FeedbackItemTable } from './schema.ts';

/** A feedback row as commands use it. */
export type FeedbackRow = Selectable<FeedbackItemTable>;

/** Loads an item and locks it for the rest of the transaction. */
export async function lockFeedback(tx: Tx, id: string): Promise<FeedbackRow> {
  const f = await tx
    .selectFrom('feedback_items')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!f) throw notFound({ vi: 'phản ánh, kiến nghị', en: 'Feedback item' });
  return f;
}

/** Throws unless the actor may do `action` on the item (an enterprise user only on its own enterprise's items). */
export function authorizeFeedback(
  actor: Actor | null,
  action: string,
  f: Pick<FeedbackRow, 'enterprise_id'>,
) {
  authorize(actor, action, { enterpriseId: f.enterprise_id });
}

/** Throws FORBIDDEN unless the actor handles the item's unit: its staff, or a leader. */
export function assertHandles(actor: Actor | null, f: Pick<FeedbackRow, 'unit'>): void {
  if (actor?.role === 'leader') return;
  if (actor?.role === 'staff' && actor.department === f.unit) return;
  throw new AppError('FORBIDDEN');
}

/** Throws FORBIDDEN unless the actor may re-route the item: its unit, the one-stop (triage) or a leader. */
export function assertRoutes(actor: Actor | null, f: Pick<FeedbackRow, 'unit'>): void {
  if (actor?.role === 'staff' && actor.department === ONE_STOP_UNIT) return;
  assertHandles(actor, f);
}

/** Throws INVALID_STATE unless the item is in one of the states. */
export function assertStatus(
  f: Pick<FeedbackRow, 'status'>,
  allowed: readonly FeedbackRow['status'][],
): void {
  if (!allowed.includes(f.status)) throw new AppError('INVALID_STATE', { params: { status: f.status } });
}

/** Appends to the item's log inside the transaction. */
export async function logFeedbackEvent(
  tx: Tx,
  actor: Actor | null,
  id: string,
  e: {
    event: string;
    at: Date;
    fromStatus?: string | null;
    toStatus?: string | null;
    fromUnit?: string | null;
    toUnit?: string | null;
    note?: string | null;
  },
): Promise<void> {
  await tx
    .insertInto('feedback_events')
    .values({
      feedback_id: id,
      at: e.at,
      actor_id: actor?.id ?? null,
      actor_label: actor?.fullName ?? 'requester',
      event: e.event,
      from_status: e.fromStatus ?? null,
      to_status: e.toStatus ?? null,
      from_unit: e.fromUnit ?? null,
      to_unit: e.toUnit ?? null,
      note: e.note ?? null,
    })
    .execute();
}
