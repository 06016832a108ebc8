import { bilingual, type ProcedureView, type SupplementRequestInput } from '@heza/shared';
import type { Tx } from '../../../db/client.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { assertOneStop, authorizeDossier, type DossierRow, lockDossier } from '../access.ts';
import { auditDossier } from '../audit.ts';
import { getProcedureById } from '../catalogue.ts';
import type { ProceduresDeps } from '../deps.ts';
import { logDossierEvent } from '../events.ts';
import { missingDocuments, missingItem, noticeOf } from '../intake.ts';
import { assertTransition } from '../lifecycle.ts';
import { type Outbox, withOutbox } from '../notifications.ts';
import { presentDossier } from '../presenter.ts';
import { now } from '../time.ts';

/**
 * Issues the supplement request of the intake check (form 02) inside the caller's transaction: every
 * required document still missing is listed automatically, with the items the officer adds, all at once.
 */
export async function intakeSupplementInTx(
  tx: Tx,
  ctx: Ctx,
  outbox: Outbox,
  d: DossierRow,
  procedure: ProcedureView,
  input: SupplementRequestInput,
  mode: 'online' | 'paper',
): Promise<DossierRow> {
  const given = await tx
    .selectFrom('dossier_documents')
    .select(['document_key', 'originals', 'copies', 'file_id'])
    .where('dossier_id', '=', d.id)
    .execute();
  const missing = missingDocuments(
    procedure,
    given.map((g) => ({
      documentKey: g.document_key,
      originals: g.originals,
      copies: g.copies,
      fileId: g.file_id,
    })),
    mode,
  ).map(missingItem);
  const listed = new Set(input.items.map((i) => i.documentKey).filter(Boolean));
  const items = [...missing.filter((m) => !listed.has(m.documentKey)), ...input.items];
  if (items.length === 0) {
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          field: 'items',
          message: bilingual(
            'Hồ sơ đủ thành phần: nêu rõ nội dung cần bổ sung.',
            'Every required document is present: list what must be supplemented.',
          ),
        },
      ],
    });
  }
  const at = now();
  const count = await tx
    .selectFrom('dossier_supplements')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('dossier_id', '=', d.id)
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('dossier_supplements')
    .values({
      dossier_id: d.id,
      number: Number(count.n) + 1,
      stage: 'intake',
      requested_at: at,
      requested_by: ctx.actor?.id ?? null,
      reason: input.reason,
      legal_basis: input.legalBasis ?? null,
      items: JSON.stringify(items),
      clock_rule: null,
      remaining_days: null,
    })
    .execute();
  const updated = await tx
    .updateTable('dossiers')
    .set({ status: 'intake_supplement', updated_at: at })
    .where('id', '=', d.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await logDossierEvent(tx, ctx, d.id, {
    event: 'request_intake_supplement',
    at,
    fromStatus: d.status,
    toStatus: 'intake_supplement',
    note: input.reason,
    data: { items },
  });
  await auditDossier(tx, ctx, 'request_intake_supplement', d, updated, { items });
  await outbox.dossier(
    tx,
    'intake_supplement',
    noticeOf(updated, procedure, { reason: input.reason, items: items.map((i) => `${i.name}: ${i.reason}`) }),
  );
  return updated;
}

/** The intake check finds an online submission incomplete: one supplement request listing everything (form 02). */
export async function requestIntakeSupplement(
  ctx: Ctx,
  deps: ProceduresDeps,
  id: string,
  input: SupplementRequestInput,
) {
  return withOutbox(ctx, deps, async (tx, outbox) => {
    const d = await lockDossier(tx, id);
    authorizeDossier(ctx.actor, 'procedures.dossier.intake', d);
    assertTransition(d.status, 'request_intake_supplement');
    assertOneStop(ctx.actor);
    const procedure = await getProcedureById(tx, d.procedure_id);
    const updated = await intakeSupplementInTx(
      tx,
      ctx,
      outbox,
      d,
      procedure,
      input,
      d.channel === 'online' ? 'online' : 'paper',
    );
    return presentDossier(tx, updated);
  });
}
