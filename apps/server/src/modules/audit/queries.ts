import type { DbOrTx } from '../../db/client.ts';

/** Lists audit rows, newest first; dates are whole days in Asia/Ho_Chi_Minh. */
export async function listAudit(
  db: DbOrTx,
  q: {
    entityType?: string;
    entityId?: string;
    actorId?: string;
    action?: string;
    from?: string;
    to?: string;
    page: number;
    pageSize: number;
  },
) {
  let query = db.selectFrom('audit_log').leftJoin('users', 'users.id', 'audit_log.actor_id');
  if (q.entityType) query = query.where('audit_log.entity_type', '=', q.entityType);
  if (q.entityId) query = query.where('audit_log.entity_id', '=', q.entityId);
  if (q.actorId) query = query.where('audit_log.actor_id', '=', q.actorId);
  if (q.action) query = query.where('audit_log.action', 'like', `${q.action.replace(/[\\%_]/g, '\\$&')}%`);
  if (q.from) query = query.where('audit_log.at', '>=', new Date(`${q.from}T00:00:00+07:00`));
  if (q.to)
    query = query.where('audit_log.at', '<', new Date(Date.parse(`${q.to}T00:00:00+07:00`) + 86_400_000));
  const [rows, count] = await Promise.all([
    query
      .select([
        'audit_log.id',
        'audit_log.at',
        'audit_log.actor_id',
        'users.full_name',
        'audit_log.actor_label',
        'audit_log.action',
        'audit_log.entity_type',
        'audit_log.entity_id',
        'audit_log.before',
        'audit_log.after',
        'audit_log.request_id',
        'audit_log.ip',
      ])
      .orderBy('audit_log.id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: String(r.id),
      at: r.at.toISOString(),
      actor: r.actor_id ? { id: r.actor_id, name: r.full_name ?? r.actor_label ?? '' } : null,
      actorLabel: r.actor_label,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
      requestId: r.request_id,
      ip: r.ip,
    })),
    total: Number(count.n),
    page: q.page,
    pageSize: q.pageSize,
  };
}
