import type { DossierStatus } from '@heza/shared';
import { AppError } from '../../platform/errors.ts';

/**
 * The dossier lifecycle (docs/domain-vn.md §2.4: the regulation defines events and documents; the states
 * are our design). Every transition names the states it may start from and the state it leads to; a
 * transition from any other state is refused with INVALID_STATE.
 *
 *   submitted ──receive──▶ received ──transfer──▶ processing ──complete_step (last)──▶ result_ready
 *       │  ▲                  │                     │   ▲                                  │
 *       │  └─resubmit─ intake_supplement            │   └─provide_supplement─ appraisal_supplement
 *       └─reject─▶ rejected   (form 02)             └─request_appraisal_supplement (form 02)
 *   received / processing / appraisal_supplement ──stop (form 05)──▶ stopped; ──extend (form 04)──▶ same
 *   result_ready ──return──▶ returned ──archive──▶ archived; open states ──withdraw──▶ withdrawn
 */
export const TRANSITIONS = {
  receive: { from: ['submitted', 'intake_supplement'], to: 'received' },
  request_intake_supplement: { from: ['submitted'], to: 'intake_supplement' },
  reject: { from: ['submitted', 'intake_supplement'], to: 'rejected' },
  resubmit: { from: ['intake_supplement'], to: 'submitted' },
  transfer: { from: ['received'], to: 'processing' },
  claim: { from: ['processing'], to: 'processing' },
  assign: { from: ['processing'], to: 'processing' },
  record_result: { from: ['processing'], to: 'processing' },
  complete_step: { from: ['processing'], to: 'processing' },
  request_appraisal_supplement: { from: ['processing'], to: 'appraisal_supplement' },
  provide_appraisal_supplement: { from: ['appraisal_supplement'], to: 'processing' },
  extend: { from: ['received', 'processing', 'appraisal_supplement'], to: null },
  stop: { from: ['received', 'processing', 'appraisal_supplement'], to: 'stopped' },
  return_result: { from: ['result_ready'], to: 'returned' },
  archive: { from: ['returned', 'stopped', 'rejected', 'withdrawn'], to: 'archived' },
  withdraw: {
    from: ['submitted', 'intake_supplement', 'received', 'processing', 'appraisal_supplement'],
    to: 'withdrawn',
  },
} as const satisfies Record<string, { from: readonly DossierStatus[]; to: DossierStatus | null }>;

/** A transition name. */
export type Transition = keyof typeof TRANSITIONS;

/** True when `transition` may start from `status`. */
export function canTransition(status: string, transition: Transition): boolean {
  return (TRANSITIONS[transition].from as readonly string[]).includes(status);
}

/** Throws INVALID_STATE unless `transition` may start from `status`. */
export function assertTransition(status: string, transition: Transition): void {
  if (!canTransition(status, transition)) {
    throw new AppError('INVALID_STATE', { params: { status, transition } });
  }
}

/** Transitions possible from a state (what the UI may offer). */
export function transitionsFrom(status: string): Transition[] {
  return (Object.keys(TRANSITIONS) as Transition[]).filter((t) => canTransition(status, t));
}

/** States in which the clock runs against the legal deadline (open, not waiting for the applicant). */
export const CLOCK_RUNNING: readonly DossierStatus[] = ['received', 'processing'];
/** States of a received dossier whose result is not ready yet. */
export const OPEN_RECEIVED: readonly DossierStatus[] = ['received', 'processing', 'appraisal_supplement'];
