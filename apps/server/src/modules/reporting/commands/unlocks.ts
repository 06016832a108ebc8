import { bilingual, formatDateVi } from '@heza/shared';
import { UnlockInput, type UnlockInput as UnlockInputType, type UnlockView } from '@heza/shared/reporting';
import type { Selectable } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { invalid } from '../../registry/commands/errors.ts';
import { assertAllEnterprises, assertEnterpriseAccess } from '../access.ts';
import { getFormDef } from '../forms.ts';
import { clock, formPeriod, lockDate } from '../schedule.ts';
import type { ReportUnlockTable } from '../schema.ts';

/** The API view of an unlock exception. */
export function presentUnlock(r: Selectable<ReportUnlockTable>): UnlockView {
  return {
    id: r.id,
    formId: r.form_id,
    periodId: r.period_id,
    enterpriseId: r.enterprise_id,
    openUntil: r.open_until,
    reason: r.reason,
    grantedBy: r.granted_by_label,
    grantedAt: r.granted_at.toISOString(),
    revokedAt: r.revoked_at ? r.revoked_at.toISOString() : null,
  };
}

/**
 * Re-opens entry after the lock day (mở khóa) for one enterprise, or for every enterprise of the form, for one
 * period, until a date; records who allowed it and why. Reaching every enterprise needs an all-zones scope.
 */
export async function grantUnlock(ctx: Ctx, formId: string, input: UnlockInputType) {
  const v = parseInput(UnlockInput, input);
  const def = await getFormDef(ctx.db, formId);
  if (v.enterpriseId) await assertEnterpriseAccess(ctx, 'reporting.unlock', v.enterpriseId);
  else assertAllEnterprises(ctx, 'reporting.unlock');
  const today = clock.today();
  const p = formPeriod(def.form, v.periodId, 'periodId', today);
  const lock = lockDate(def.form, p);
  if (v.openUntil < today) {
    throw invalid([
      {
        field: 'openUntil',
        message: bilingual(
          'Ngày mở khóa đến phải từ hôm nay trở đi.',
          'The unlock must last until today or later.',
        ),
      },
    ]);
  }
  if (v.openUntil <= lock) {
    throw invalid([
      {
        field: 'openUntil',
        message: bilingual(
          `Kỳ này chưa khóa: ngày khóa số liệu là ${formatDateVi(lock)}. Chỉ mở khóa đến sau ngày đó.`,
          `This period is not locked before its lock day ${lock}; an unlock must last beyond it.`,
        ),
      },
    ]);
  }
  return ctx.db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('report_unlocks')
      .values({
        form_id: formId,
        period_id: v.periodId,
        enterprise_id: v.enterpriseId ?? null,
        open_until: v.openUntil,
        reason: v.reason,
        granted_by: ctx.actor?.id ?? null,
        granted_by_label: ctx.actor?.email ?? (ctx as { systemLabel?: string }).systemLabel ?? 'system',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = presentUnlock(row);
    await recordAudit(tx, ctx, {
      action: 'reporting.unlock.grant',
      entityType: 'report_unlock',
      entityId: row.id,
      after: view,
    });
    return view;
  });
}

/** Ends an unlock exception before its date. */
export async function revokeUnlock(ctx: Ctx, unlockId: string) {
  const row = await ctx.db
    .selectFrom('report_unlocks')
    .selectAll()
    .where('id', '=', unlockId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { params: { entity: { vi: 'lần mở khóa', en: 'Unlock' } } });
  if (row.enterprise_id) await assertEnterpriseAccess(ctx, 'reporting.unlock', row.enterprise_id);
  else assertAllEnterprises(ctx, 'reporting.unlock');
  if (row.revoked_at) {
    throw new AppError('INVALID_STATE', {
      details: [{ field: 'id', message: bilingual('Đã thu hồi trước đó.', 'Already revoked.') }],
    });
  }
  return ctx.db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('report_unlocks')
      .set({ revoked_at: clock.now(), revoked_by: ctx.actor?.id ?? null })
      .where('id', '=', unlockId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = presentUnlock(updated);
    await recordAudit(tx, ctx, {
      action: 'reporting.unlock.revoke',
      entityType: 'report_unlock',
      entityId: unlockId,
      before: presentUnlock(row),
      after: view,
    });
    return view;
  });
}
