import { bilingual, type CreateUserInput, type UserView } from '@heza/shared';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { hashPassword } from '../../../platform/auth/password.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { presentUser, USER_COLUMNS } from '../presenter.ts';
import { assertReferences } from './references.ts';

/** Creates an account (admin, leader, staff with department and zones, or enterprise user bound to one enterprise). */
export async function createUser(
  ctx: Ctx & { systemLabel?: string },
  input: CreateUserInput,
): Promise<UserView> {
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (tx) => {
    const taken = await tx
      .selectFrom('users')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', input.email))
      .executeTakeFirst();
    if (taken) {
      throw new AppError('CONFLICT', {
        params: { field: 'email' },
        details: [
          {
            field: 'email',
            message: bilingual(
              'Email này đã được dùng cho tài khoản khác.',
              'This e-mail is already used by another account.',
            ),
          },
        ],
      });
    }
    const zoneIds =
      input.role === 'staff' && input.zoneScope === 'listed' ? [...new Set(input.zoneIds ?? [])] : [];
    await assertReferences(tx, {
      zoneIds,
      enterpriseId: input.role === 'enterprise' ? input.enterpriseId : null,
    });
    const row = await tx
      .insertInto('users')
      .values({
        email: input.email,
        full_name: input.fullName,
        password_hash: passwordHash,
        role: input.role,
        department: input.role === 'staff' ? (input.department ?? null) : null,
        zone_scope: input.role === 'staff' ? (input.zoneScope ?? null) : null,
        enterprise_id: input.role === 'enterprise' ? (input.enterpriseId ?? null) : null,
        locale: input.locale,
      })
      .returning(USER_COLUMNS)
      .executeTakeFirstOrThrow();
    if (zoneIds.length) {
      await tx
        .insertInto('user_zones')
        .values(zoneIds.map((zone_id) => ({ user_id: row.id, zone_id })))
        .execute();
    }
    const view = await presentUser(tx, row);
    await recordAudit(tx, ctx, {
      action: 'accounts.user.create',
      entityType: 'user',
      entityId: row.id,
      after: view,
    });
    return view;
  });
}
