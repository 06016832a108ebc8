import type { Role } from '@heza/shared';
import type { Selectable } from 'kysely';
import type { Tx } from '../../db/client.ts';
import { authorize } from '../../platform/auth/policy.ts';
import type { Actor } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { DossierStepTable, DossierTable } from './schema.ts';

/**
 * Record-level rules of the procedures area, on top of the role permissions (role_permissions):
 * - jurisdiction: a dossier belongs to its zone (if any) and its enterprise (if any);
 * - the one-stop unit (Bộ phận Một cửa, part of the Văn phòng) does intake, hand-over to units and return;
 * - a processing step is done by staff of its unit (staff steps) or by a leader (any step).
 */

/** The unit that runs the one-stop counter. */
export const ONE_STOP_UNIT = 'office';

/** A dossier row as commands use it. */
export type DossierRow = Selectable<DossierTable>;
/** A dossier step row. */
export type StepRow = Selectable<DossierStepTable>;

/** What the policy checks a dossier against. */
export function dossierResource(d: Pick<DossierRow, 'zone_id' | 'enterprise_id'>) {
  return { zoneIds: d.zone_id ? [d.zone_id] : [], enterpriseId: d.enterprise_id };
}

/** Loads a dossier and locks it for the rest of the transaction (transitions are serialised per dossier). */
export async function lockDossier(tx: Tx, id: string): Promise<DossierRow> {
  const d = await tx.selectFrom('dossiers').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!d) throw notFound({ vi: 'hồ sơ', en: 'Dossier' });
  return d;
}

/** Throws unless the actor may do `action` on this dossier (role permission and jurisdiction). */
export function authorizeDossier(
  actor: Actor | null,
  action: string,
  d: Pick<DossierRow, 'zone_id' | 'enterprise_id'>,
) {
  authorize(actor, action, dossierResource(d));
}

/** Throws FORBIDDEN unless the actor works at the one-stop counter. */
export function assertOneStop(actor: Actor | null): void {
  if (actor?.role !== 'staff' || actor.department !== ONE_STOP_UNIT) throw new AppError('FORBIDDEN');
}

/** True when the actor may work on a step: a leader, or staff of the step's unit for a staff step. */
export function mayWorkOnStep(
  actor: Pick<Actor, 'role' | 'department'>,
  step: Pick<StepRow, 'unit' | 'role'>,
): boolean {
  if (actor.role === 'leader') return true;
  return actor.role === ('staff' satisfies Role) && step.role === 'staff' && actor.department === step.unit;
}

/** Throws FORBIDDEN unless the actor may work on the step. */
export function assertStepActor(actor: Actor | null, step: Pick<StepRow, 'unit' | 'role'>): void {
  if (!actor || !mayWorkOnStep(actor, step)) throw new AppError('FORBIDDEN');
}

/** Loads the current step of a processing dossier. */
export async function currentStepOf(tx: Tx, d: DossierRow): Promise<StepRow> {
  if (d.current_step === null) throw new AppError('INVALID_STATE', { params: { reason: 'no current step' } });
  return tx
    .selectFrom('dossier_steps')
    .selectAll()
    .where('dossier_id', '=', d.id)
    .where('position', '=', d.current_step)
    .executeTakeFirstOrThrow();
}

/**
 * Throws FORBIDDEN unless the actor is responsible for the dossier now: the current step's people, or
 * (before the hand-over to a unit) the procedure's lead unit or a leader.
 */
export async function assertResponsible(tx: Tx, actor: Actor | null, d: DossierRow): Promise<void> {
  if (d.current_step !== null) {
    assertStepActor(actor, await currentStepOf(tx, d));
    return;
  }
  const p = await tx
    .selectFrom('procedures')
    .select('lead_unit')
    .where('id', '=', d.procedure_id)
    .executeTakeFirstOrThrow();
  assertStepActor(actor, { unit: p.lead_unit, role: 'staff' });
}
