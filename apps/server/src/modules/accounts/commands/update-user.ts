import { bilingual, type UpdateUserInput, UserRoleShape, type UserView } from '@heza/shared';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { presentUser, USER_COLUMNS } from '../presenter.ts';
import { assertReferences } from './references.ts';

/**
 * Updates an account's profile, role, jurisdiction or active flag. Disabling an account or changing its role
 * ends its sessions. An administrator cannot disable or demote themselves (so the system keeps an admin).
 */
export async function updateUser(ctx: Ctx, id: string, input: UpdateUserInput): Promise<UserView> {
  return ctx.db.transaction().execute(async (tx) => {
    const current = await tx
      .selectFrom('users')
      .select(USER_COLUMNS)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new AppError('NOT_FOUND', { params: { entity: { vi: 'người dùng', en: 'User' } } });
    const before = await presentUser(tx, current);
    if (ctx.actor?.id === id && ((input.role && input.role !== current.role) || input.active === false)) {
      throw new AppError('VALIDATION_FAILED', {
        details: [
          {
            field: input.active === false ? 'active' : 'role',
            message: bilingual(
              'Không thể tự khóa hoặc tự hạ quyền tài khoản của mình.',
              'You cannot disable or demote your own account.',
            ),
          },
        ],
      });
    }
    const role = input.role ?? current.role;
    const merged = {
      role,
      department:
        role === 'staff' ? (input.department !== undefined ? input.department : current.department) : null,
      zoneScope:
        role === 'staff' ? (input.zoneScope !== undefined ? input.zoneScope : current.zone_scope) : null,
      zoneIds: role === 'staff' ? (input.zoneIds ?? before.zones.map((z) => z.id)) : [],
      enterpriseId:
        role === 'enterprise'
          ? input.enterpriseId !== undefined
            ? input.enterpriseId
            : current.enterprise_id
          : null,
    };
    parseInput(UserRoleShape, merged);
    const zoneIds = merged.zoneScope === 'listed' ? [...new Set(merged.zoneIds)] : [];
    await assertReferences(tx, { zoneIds, enterpriseId: merged.enterpriseId });
    const row = await tx
      .updateTable('users')
      .set({
        full_name: input.fullName ?? current.full_name,
        role,
        department: merged.department ?? null,
        zone_scope: merged.zoneScope ?? null,
        enterprise_id: merged.enterpriseId ?? null,
        locale: input.locale ?? current.locale,
        active: input.active ?? current.active,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returning(USER_COLUMNS)
      .executeTakeFirstOrThrow();
    await tx.deleteFrom('user_zones').where('user_id', '=', id).execute();
    if (zoneIds.length)
      await tx
        .insertInto('user_zones')
        .values(zoneIds.map((zone_id) => ({ user_id: id, zone_id })))
        .execute();
    if (role !== current.role || row.active === false)
      await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
    const after = await presentUser(tx, row);
    await recordAudit(tx, ctx, {
      action: 'accounts.user.update',
      entityType: 'user',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
