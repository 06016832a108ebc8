import type { Tx } from '../../db/client.ts';
import type { Ctx } from '../context.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Secrets never go into the audit trail, whatever the entity. */
const SECRET_KEYS = new Set([
  'password',
  'password_hash',
  'passwordHash',
  'token',
  'token_hash',
  'csrf_token',
]);

function scrub(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(scrub);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = SECRET_KEYS.has(k) ? '[redacted]' : scrub(v);
    }
    return out;
  }
  return value;
}

/**
 * Records one audit row inside the caller's transaction, so the write and its audit commit together or
 * not at all. Pass `tx`, never the pool.
 */
export async function recordAudit(
  tx: Tx,
  ctx: Pick<Ctx, 'actor' | 'requestId' | 'ip'> & { systemLabel?: string },
  entry: AuditEntry,
) {
  await tx
    .insertInto('audit_log')
    .values({
      actor_id: ctx.actor?.id ?? null,
      actor_label: ctx.actor ? ctx.actor.email : (ctx.systemLabel ?? null),
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId ?? null,
      before: entry.before === undefined ? null : JSON.stringify(scrub(entry.before)),
      after: entry.after === undefined ? null : JSON.stringify(scrub(entry.after)),
      request_id: ctx.requestId,
      ip: ctx.ip,
    })
    .execute();
}
