import type { LoginInput } from '@heza/shared';
import type { Config } from '../../../config.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { dummyPasswordHash, verifyPassword } from '../../../platform/auth/password.ts';
import { createSession } from '../../../platform/auth/session.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';

/**
 * Signs a user in: checks the lock-out, the password and the account state; counts failures and locks the
 * account after `loginMaxFailures` in a row. Failures are audited and committed before the error is thrown.
 */
export async function signIn(
  ctx: Ctx,
  config: Config,
  input: LoginInput,
  meta: { userAgent: string | null },
): Promise<{ userId: string; cookieValue: string; csrfToken: string; expiresAt: Date }> {
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'email', 'password_hash', 'active', 'failed_logins', 'locked_until'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', input.email))
    .executeTakeFirst();
  const audit = { actor: null, requestId: ctx.requestId, ip: ctx.ip, systemLabel: input.email };

  if (!user) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    await ctx.db.transaction().execute((tx) =>
      recordAudit(tx, audit, {
        action: 'auth.login_failed',
        entityType: 'user',
        after: { email: input.email, reason: 'unknown_email' },
      }),
    );
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }

  const now = Date.now();
  if (user.locked_until && user.locked_until.getTime() > now) {
    await ctx.db.transaction().execute((tx) =>
      recordAudit(tx, audit, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        after: { reason: 'locked' },
      }),
    );
    throw lockedError(user.locked_until);
  }

  const ok = await verifyPassword(user.password_hash, input.password);
  if (!ok) {
    const failures = user.failed_logins + 1;
    const lock =
      failures >= config.loginMaxFailures ? new Date(now + config.loginLockMinutes * 60_000) : null;
    await ctx.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('users')
        .set({ failed_logins: lock ? 0 : failures, locked_until: lock })
        .where('id', '=', user.id)
        .execute();
      await recordAudit(tx, audit, {
        action: lock ? 'auth.account_locked' : 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        after: { reason: 'wrong_password', failures, lockedUntil: lock },
      });
    });
    throw lock ? lockedError(lock) : new AppError('AUTH_INVALID_CREDENTIALS');
  }

  if (!user.active) {
    await ctx.db.transaction().execute((tx) =>
      recordAudit(tx, audit, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        after: { reason: 'disabled' },
      }),
    );
    throw new AppError('AUTH_ACCOUNT_DISABLED');
  }

  return ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null, last_login_at: new Date() })
      .where('id', '=', user.id)
      .execute();
    const session = await createSession(tx, config, user.id, { ip: ctx.ip, userAgent: meta.userAgent });
    await recordAudit(
      tx,
      { ...audit, systemLabel: user.email },
      { action: 'auth.login', entityType: 'user', entityId: user.id },
    );
    return { userId: user.id, ...session };
  });
}

function lockedError(until: Date): AppError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return new AppError('AUTH_ACCOUNT_LOCKED', {
    params: { minutes },
    details: { lockedUntil: until.toISOString() },
  });
}
