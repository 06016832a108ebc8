import type { ChangePasswordInput } from '@heza/shared';
import { bilingual } from '@heza/shared';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { hashPassword, verifyPassword } from '../../../platform/auth/password.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';

/** Changes the signed-in user's password after checking the current one; ends their other sessions. */
export async function changePassword(ctx: Ctx, input: ChangePasswordInput, keepSessionHash: string) {
  const actor = ctx.actor;
  if (!actor) throw new AppError('AUTH_REQUIRED');
  const user = await ctx.db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', actor.id)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          field: 'currentPassword',
          message: bilingual('Mật khẩu hiện tại không đúng.', 'The current password is wrong.'),
        },
      ],
    });
  }
  if (input.currentPassword === input.newPassword) {
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          field: 'newPassword',
          message: bilingual(
            'Mật khẩu mới phải khác mật khẩu hiện tại.',
            'The new password must differ from the current one.',
          ),
        },
      ],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({ password_hash: passwordHash, password_changed_at: new Date(), updated_at: new Date() })
      .where('id', '=', actor.id)
      .execute();
    await tx
      .deleteFrom('sessions')
      .where('user_id', '=', actor.id)
      .where('id_hash', '!=', keepSessionHash)
      .execute();
    await recordAudit(tx, ctx, { action: 'auth.password_changed', entityType: 'user', entityId: actor.id });
  });
}
