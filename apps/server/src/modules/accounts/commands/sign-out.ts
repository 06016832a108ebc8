import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';

/** Ends one session. */
export async function signOut(ctx: Ctx, sessionIdHash: string) {
  await ctx.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('sessions').where('id_hash', '=', sessionIdHash).execute();
    if (ctx.actor)
      await recordAudit(tx, ctx, { action: 'auth.logout', entityType: 'user', entityId: ctx.actor.id });
  });
}
