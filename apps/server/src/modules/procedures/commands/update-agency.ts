import { toIsoDateVn } from '@heza/shared';
import type { AgencyInput, AgencyView } from '@heza/shared/agency';
import type { z } from 'zod';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { authorize } from '../../../platform/auth/policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { presentAgency } from '../agency.ts';
import { now } from '../time.ts';

type Input = z.output<typeof AgencyInput>;

/**
 * Changes the agency. The details (names, parent body, place, contacts) are updated in place. A new
 * identifier does not rewrite the old one, which earlier dossiers and their daily sequences reference:
 * the office row of the new identifier becomes the default (created, or reused when the agency goes
 * back to an identifier it had), and the procedure versions in force or to come move to it, so only
 * dossiers received afterwards get codes starting with it. Audited with the before and after rows.
 */
export async function updateAgency(ctx: Ctx, input: Input): Promise<AgencyView> {
  authorize(ctx.actor, 'procedures.catalogue.write');
  return ctx.db.transaction().execute(async (tx) => {
    const current = await tx
      .selectFrom('one_stop_offices')
      .selectAll()
      .where('is_default', '=', true)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new AppError('INVALID_STATE', { params: { reason: 'no default one-stop office' } });
    const details = {
      name_vi: input.nameVi,
      name_en: input.nameEn,
      parent_vi: input.parentVi,
      place_vi: input.placeVi,
      address_vi: input.addressVi ?? null,
      phone: input.phone ?? null,
      email: input.email ?? null,
    };
    let movedProcedures = 0;
    if (input.code === current.code) {
      await tx.updateTable('one_stop_offices').set(details).where('code', '=', current.code).execute();
    } else {
      // The partial unique index allows one default: clear the old one first.
      await tx
        .updateTable('one_stop_offices')
        .set({ is_default: false })
        .where('code', '=', current.code)
        .execute();
      await tx
        .insertInto('one_stop_offices')
        .values({ code: input.code, ...details, is_default: true })
        .onConflict((oc) => oc.column('code').doUpdateSet({ ...details, is_default: true }))
        .execute();
      const today = toIsoDateVn(now());
      const moved = await tx
        .updateTable('procedures')
        .set({ office_code: input.code })
        .where('office_code', '=', current.code)
        .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', today)]))
        .executeTakeFirst();
      movedProcedures = Number(moved.numUpdatedRows);
    }
    const updated = await tx
      .selectFrom('one_stop_offices')
      .selectAll()
      .where('code', '=', input.code)
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'procedures.agency.update',
      entityType: 'one_stop_office',
      entityId: updated.code,
      before: current,
      after: { ...updated, movedProcedures },
    });
    return presentAgency(tx, updated);
  });
}
