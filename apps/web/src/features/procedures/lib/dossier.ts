import type { DossierView, ProcedureDocument } from '@heza/shared/procedures';
import type { User } from '../../../lib/api-types';
import { hasPermission, PERMISSIONS } from '../../../lib/permissions';

/**
 * Who may do what on a dossier, mirroring the server's rules (procedures/lifecycle.ts and access.ts): the
 * state must allow the transition, the user needs the role permission, and then the unit rule applies — the
 * one-stop counter (staff of the Office) does intake, hand-over, return and archive; a step is worked by
 * staff of its unit (staff steps) or by a leader. The web only hides what the server would refuse; the
 * server stays the authority and its refusal is shown when it happens anyway.
 */

/** The unit that runs the one-stop counter. */
export const ONE_STOP_UNIT = 'office';

export type DossierAction =
  | 'receive'
  | 'intakeSupplement'
  | 'reject'
  | 'counterSupplement'
  | 'applicantSupplement'
  | 'transfer'
  | 'claim'
  | 'result'
  | 'completeStep'
  | 'appraisalSupplement'
  | 'extend'
  | 'stop'
  | 'returnResult'
  | 'archive'
  | 'withdraw';

type Actor = Pick<User, 'id' | 'role' | 'department' | 'permissions'>;
type StepLike = { unit: string; role: 'staff' | 'leader' };

/** True when the user works at the one-stop counter and may do intake. */
export function isOneStop(user: Actor): boolean {
  return (
    user.role === 'staff' &&
    user.department === ONE_STOP_UNIT &&
    hasPermission(user, PERMISSIONS.dossierIntake)
  );
}

/** True when the user may work on a step: a leader, or staff of the step's unit for a staff step. */
export function mayWorkOnStep(user: Pick<User, 'role' | 'department'>, step: StepLike): boolean {
  if (user.role === 'leader') return true;
  return user.role === 'staff' && step.role === 'staff' && user.department === step.unit;
}

/**
 * The actions the user may take now on the dossier. `leadUnit` is the procedure's lead unit (responsible
 * before the hand-over to a step); when unknown, the first step's unit stands in for it.
 */
export function dossierActions(
  user: Actor,
  d: Pick<DossierView, 'allowedTransitions' | 'status' | 'currentStep' | 'steps' | 'enterpriseId'>,
  leadUnit?: string | null,
): Set<DossierAction> {
  const allowed = new Set(d.allowedTransitions);
  const out = new Set<DossierAction>();
  const oneStop = isOneStop(user);
  const process = hasPermission(user, PERMISSIONS.dossierProcess);
  const step = d.currentStep;
  const onStep = process && !!step && mayWorkOnStep(user, step);
  const responsibleUnit = leadUnit ?? d.steps[0]?.unit ?? null;
  const responsible = step
    ? onStep
    : process && !!responsibleUnit && mayWorkOnStep(user, { unit: responsibleUnit, role: 'staff' });

  if (oneStop) {
    if (allowed.has('receive')) out.add('receive');
    if (allowed.has('request_intake_supplement')) out.add('intakeSupplement');
    if (allowed.has('reject')) out.add('reject');
    if (allowed.has('resubmit') || allowed.has('provide_appraisal_supplement')) out.add('counterSupplement');
    if (allowed.has('transfer')) out.add('transfer');
    if (allowed.has('return_result')) out.add('returnResult');
    if (allowed.has('archive')) out.add('archive');
    if (allowed.has('withdraw')) out.add('withdraw');
  }
  if (
    hasPermission(user, PERMISSIONS.dossierSubmit) &&
    (allowed.has('resubmit') || allowed.has('provide_appraisal_supplement'))
  ) {
    out.add('applicantSupplement');
  }
  if (onStep && step) {
    const mine = !step.assignee || step.assignee.id === user.id || user.role === 'leader';
    if (allowed.has('claim') && step.assignee?.id !== user.id) out.add('claim');
    if (allowed.has('record_result') && mine) out.add('result');
    if (allowed.has('complete_step') && mine) out.add('completeStep');
    if (allowed.has('request_appraisal_supplement') && mine) out.add('appraisalSupplement');
  }
  if (responsible) {
    if (allowed.has('extend')) out.add('extend');
    if (allowed.has('stop')) out.add('stop');
  }
  return out;
}

/** The forms the server can render for the dossier now (it refuses the others with INVALID_STATE). */
export function availableForms(
  d: Pick<DossierView, 'code' | 'receivedAt' | 'dueAt' | 'supplements' | 'extensions' | 'events'>,
): string[] {
  const forms: string[] = [];
  const received = !!d.code && !!d.receivedAt;
  if (received && d.dueAt) forms.push('01');
  if (d.supplements.length > 0) forms.push('02');
  if (d.events.some((e) => e.event === 'reject')) forms.push('03');
  if (d.extensions.length > 0 && d.receivedAt) forms.push('04');
  if (received && d.events.some((e) => e.event === 'stop')) forms.push('05');
  if (received) forms.push('06');
  return forms;
}

/** What the counter officer ticked for one catalogue document. */
export interface PaperCount {
  originals: number;
  copies: number;
  /** An uploaded scan counts as the document (as the server's completeness check does). */
  fileId?: string | null;
}

/**
 * The required documents still missing at the counter, by the server's rule (intake.ts): enough originals,
 * enough papers in all, or a file.
 */
export function missingAtCounter(
  documents: readonly ProcedureDocument[],
  given: Readonly<Record<string, PaperCount | undefined>>,
): ProcedureDocument[] {
  return documents.filter((doc) => {
    if (!doc.required) return false;
    const g = given[doc.key];
    if (!g) return true;
    if (g.fileId) return false;
    const papers = g.originals + g.copies;
    return !(g.originals >= doc.originals && papers >= doc.originals + doc.copies && papers > 0);
  });
}

/** The required documents still without a file in an online submission. */
export function missingOnline(
  documents: readonly ProcedureDocument[],
  files: Readonly<Record<string, string | undefined>>,
): ProcedureDocument[] {
  return documents.filter((doc) => doc.required && !files[doc.key]);
}

/** Open states: the dossier still runs. */
export const OPEN_STATUSES = [
  'submitted',
  'intake_supplement',
  'received',
  'processing',
  'appraisal_supplement',
  'result_ready',
] as const;

/** True when the legal clock of the dossier runs now (days left are worth showing). */
export function clockRunning(status: string): boolean {
  return status === 'received' || status === 'processing';
}
