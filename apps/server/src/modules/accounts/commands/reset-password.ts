import { recordAudit } from '../../../platform/audit/audit.ts';
import { hashPassword } from '../../../platform/auth/password.ts';
import { sha256 } from '../../../platform/auth/session.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';

/** Sets a new password from a reset token (single use, unexpired); ends all the user's sessions and any lock-out. */
export async function resetPassword(ctx: Ctx, token: string, newPassword: string) {
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('password_reset_tokens')
      .innerJoin('users', 'users.id', 'password_reset_tokens.user_id')
      .select([
        'password_reset_tokens.user_id',
        'password_reset_tokens.expires_at',
        'password_reset_tokens.used_at',
        'users.email',
        'users.active',
      ])
      .where('token_hash', '=', sha256(token))
      .forUpdate()
      .executeTakeFirst();
    if (!row || row.used_at || row.expires_at.getTime() <= Date.now() || !row.active) {
      throw new AppError('AUTH_RESET_TOKEN_INVALID');
    }
    await tx
      .updateTable('password_reset_tokens')
      .set({ used_at: new Date() })
      .where('token_hash', '=', sha256(token))
      .execute();
    await tx
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        password_changed_at: new Date(),
        failed_logins: 0,
        locked_until: null,
        updated_at: new Date(),
      })
      .where('id', '=', row.user_id)
      .execute();
    await tx.deleteFrom('sessions').where('user_id', '=', row.user_id).execute();
    await recordAudit(
      tx,
      { ...ctx, systemLabel: row.email },
      { action: 'auth.password_reset', entityType: 'user', entityId: row.user_id },
    );
  });
}
