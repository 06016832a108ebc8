import type { DossierView } from '@heza/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  counterBody,
  post,
  procedure,
  procedureTestApp,
  receiveAtCounter,
  staffOf,
  submitAsGuest,
  userOf,
} from './testing.ts';

let t: Awaited<ReturnType<typeof procedureTestApp>>;
let office: Awaited<ReturnType<typeof staffOf>>;
let labour: Awaited<ReturnType<typeof staffOf>>;
let environment: Awaited<ReturnType<typeof staffOf>>;
let leader: Awaited<ReturnType<typeof userOf>>;

beforeAll(async () => {
  t = await procedureTestApp();
  office = await staffOf(t, 'office');
  labour = await staffOf(t, 'labour');
  environment = await staffOf(t, 'environment');
  leader = await userOf(t, 'leader');
});
afterAll(() => t.close());

const url = (d: { id: string }, path: string) => `/api/procedures/dossiers/${d.id}/${path}`;

async function ok(res: Awaited<ReturnType<typeof post>>, status = 200): Promise<DossierView> {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

describe('processing a dossier from receipt to archive', () => {
  it('should hand the dossier from unit to unit, log every hand-over and audit every transition', async () => {
    const p = await procedure(t, 'BQL-LD-01'); // appraisal (labour staff) → approval (leader) → issue (office staff)
    let d = await receiveAtCounter(t, office.headers, p);
    expect(d.currentStep).toBeNull();

    d = await ok(await post(t, office.headers, url(d, 'transfer')));
    expect(d.status).toBe('processing');
    expect(d.currentStep).toMatchObject({ key: 'appraisal', unit: 'labour', role: 'staff', assignee: null });

    // Another unit may not take it; the right unit may.
    const wrong = await post(t, environment.headers, url(d, 'claim'));
    expect(wrong.statusCode).toBe(403);
    d = await ok(await post(t, labour.headers, url(d, 'claim')));
    expect(d.currentStep?.assignee?.id).toBe(labour.user.id);

    // A colleague cannot complete a step claimed by someone else.
    const colleague = await staffOf(t, 'labour');
    expect((await post(t, colleague.headers, url(d, 'complete-step'))).statusCode).toBe(409);
    d = await ok(await post(t, labour.headers, url(d, 'complete-step'), { note: 'Hồ sơ hợp lệ' }));
    expect(d.currentStep).toMatchObject({ key: 'approval', role: 'leader' });

    // Staff cannot do the leader's step.
    expect((await post(t, labour.headers, url(d, 'complete-step'))).statusCode).toBe(403);
    d = await ok(await post(t, leader.headers, url(d, 'complete-step')));
    expect(d.currentStep).toMatchObject({ key: 'issue', unit: 'office' });

    // The last step needs the result first.
    const early = await post(t, office.headers, url(d, 'complete-step'));
    expect(early.statusCode).toBe(400);
    expect(early.json().details[0].field).toBe('result');
    d = await ok(await post(t, office.headers, url(d, 'result'), { resultNumber: '123/GPLĐ-BQL' }));
    d = await ok(await post(t, office.headers, url(d, 'complete-step')));
    expect(d.status).toBe('result_ready');
    expect(d.finishedAt).not.toBeNull();
    expect(d.steps.every((s) => s.completedAt)).toBe(true);

    d = await ok(
      await post(t, office.headers, url(d, 'return'), { method: 'counter', note: 'Đã giao bản chính' }),
    );
    expect(d.status).toBe('returned');
    expect(d.returnedByMethod).toBe('counter');
    d = await ok(await post(t, office.headers, url(d, 'archive')));
    expect(d.status).toBe('archived');

    expect(d.events.map((e) => e.event)).toEqual([
      'submit',
      'receive',
      'transfer',
      'claim',
      'hand_over',
      'hand_over',
      'record_result',
      'result_ready',
      'return_result',
      'archive',
    ]);
    const handOvers = d.events
      .filter((e) => e.fromUnit || e.toUnit)
      .map((e) => `${e.fromUnit ?? ''}>${e.toUnit ?? ''}`);
    expect(handOvers).toContain('office>labour');
    expect(handOvers).toContain('labour>labour');
    expect(handOvers).toContain('labour>office');

    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'dossier')
      .where('entity_id', '=', d.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'procedures.dossier.submit',
      'procedures.dossier.receive',
      'procedures.dossier.transfer',
      'procedures.dossier.claim',
      'procedures.dossier.complete_step',
      'procedures.dossier.complete_step',
      'procedures.dossier.record_result',
      'procedures.dossier.complete_step',
      'procedures.dossier.return_result',
      'procedures.dossier.archive',
    ]);
    const notified = await t.db
      .selectFrom('applicant_notifications')
      .select(['milestone', 'channel'])
      .where('entity_id', '=', d.id)
      .orderBy('id')
      .execute();
    expect(notified.filter((n) => n.channel === 'email').map((n) => n.milestone)).toEqual([
      'received',
      'result_ready',
      'returned',
    ]);
    expect(notified.filter((n) => n.channel === 'sms').map((n) => n.milestone)).toEqual([
      'received',
      'result_ready',
      'returned',
    ]);
  });

  it('should let a colleague or a leader assign the current step only to someone of its unit', async () => {
    const p = await procedure(t, 'BQL-LD-01');
    let d = await receiveAtCounter(t, office.headers, p);
    d = await ok(await post(t, office.headers, url(d, 'transfer')));
    const bad = await post(t, labour.headers, url(d, 'assign'), { userId: environment.user.id });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('userId');
    const colleague = await staffOf(t, 'labour');
    d = await ok(await post(t, leader.headers, url(d, 'assign'), { userId: colleague.user.id }));
    expect(d.currentStep?.assignee?.id).toBe(colleague.user.id);
  });

  it('should accept an online dossier at intake, refuse it or ask for a supplement that the guest answers', async () => {
    const p = await procedure(t, 'BQL-LD-04');
    const a = await submitAsGuest(t, p);
    const supp = await ok(
      await post(t, office.headers, url(a, 'intake-supplement'), {
        reason: 'Nội quy chưa có chữ ký',
        items: [
          { documentKey: 'regulations', name: 'Nội quy lao động có chữ ký', reason: 'Bản nộp chưa ký' },
        ],
      }),
    );
    expect(supp.status).toBe('intake_supplement');
    // A guest with the wrong secret learns nothing; with the right one the dossier goes back to intake.
    const wrong = await post(t, undefined, url(a, 'supplement'), {
      secret: 'ZZZZ',
      documents: [{ name: 'Nội quy (đã ký)', originals: 1 }],
    });
    expect(wrong.statusCode).toBe(404);
    const back = await post(t, undefined, url(a, 'supplement'), {
      secret: a.trackingSecret.toLowerCase(),
      documents: [{ documentKey: 'regulations', name: 'Nội quy (đã ký)', originals: 1 }],
    });
    expect(back.statusCode).toBe(200);
    expect(back.json()).toEqual({ id: a.id, status: 'submitted' });
    const received = await ok(await post(t, office.headers, url(a, 'receive')));
    expect(received.status).toBe('received');
    expect(received.supplements[0]?.fulfilledAt).not.toBeNull();

    const b = await submitAsGuest(t, p);
    const rejected = await ok(
      await post(t, office.headers, url(b, 'reject'), {
        reason: 'Không thuộc thẩm quyền',
        legalBasis: 'Điều 3',
      }),
    );
    expect(rejected).toMatchObject({
      status: 'rejected',
      code: null,
      closeReason: 'Không thuộc thẩm quyền (Điều 3)',
    });
  });

  it('should stop a dossier (form 05) and record a withdrawal, both with reasons', async () => {
    const p = await procedure(t, 'BQL-LD-01');
    const a = await receiveAtCounter(t, office.headers, p);
    // Before the hand-over the lead unit (labour) or a leader decides; another unit may not.
    expect((await post(t, environment.headers, url(a, 'stop'), { reason: 'x' })).statusCode).toBe(403);
    const stopped = await ok(
      await post(t, labour.headers, url(a, 'stop'), {
        reason: 'Doanh nghiệp giải thể',
        legalBasis: 'Điều 9',
      }),
    );
    expect(stopped.status).toBe('stopped');
    const b = await receiveAtCounter(t, office.headers, p);
    const withdrawn = await ok(
      await post(t, office.headers, url(b, 'withdraw'), { reason: 'Người nộp đề nghị rút hồ sơ' }),
    );
    expect(withdrawn).toMatchObject({ status: 'withdrawn', closeReason: 'Người nộp đề nghị rút hồ sơ' });
  });
});

/** The allowed start states of each transition endpoint, written out from the design (lifecycle.ts is not read). */
const ALLOWED: Record<string, string[]> = {
  receive: ['submitted', 'intake_supplement'],
  'intake-supplement': ['submitted'],
  reject: ['submitted', 'intake_supplement'],
  'supplement/counter': ['intake_supplement', 'appraisal_supplement'],
  transfer: ['received'],
  claim: ['processing'],
  assign: ['processing'],
  result: ['processing'],
  'complete-step': ['processing'],
  'appraisal-supplement': ['processing'],
  extend: ['received', 'processing', 'appraisal_supplement'],
  stop: ['received', 'processing', 'appraisal_supplement'],
  return: ['result_ready'],
  archive: ['returned', 'stopped', 'rejected', 'withdrawn'],
  withdraw: ['submitted', 'intake_supplement', 'received', 'processing', 'appraisal_supplement'],
};
const INTAKE = new Set([
  'receive',
  'intake-supplement',
  'reject',
  'supplement/counter',
  'transfer',
  'return',
  'archive',
  'withdraw',
]);

describe('transitions not allowed from the current state', () => {
  it('should refuse every transition outside its start states with INVALID_STATE and change nothing', async () => {
    const p = await procedure(t, 'BQL-LD-01');
    const bodies: Record<string, unknown> = {
      receive: {},
      'intake-supplement': { reason: 'r', items: [{ name: 'x', reason: 'y' }] },
      reject: { reason: 'r' },
      'supplement/counter': { documents: [{ name: 'Giấy tờ bổ sung', originals: 1 }] },
      transfer: {},
      claim: {},
      assign: { userId: labour.user.id },
      result: { resultNumber: '1/GP' },
      'complete-step': {},
      'appraisal-supplement': { reason: 'r', items: [{ name: 'x', reason: 'y' }] },
      extend: { reason: 'r', newDueDate: '2030-01-02', signerName: 'A', signerTitle: 'PHÓ TRƯỞNG BAN' },
      stop: { reason: 'r' },
      return: { method: 'counter' },
      archive: {},
      withdraw: { reason: 'r' },
    };
    // One dossier in every state.
    const states: Record<string, DossierView> = {};
    const received = () => receiveAtCounter(t, office.headers, p);
    const processing = async () => ok(await post(t, office.headers, url(await received(), 'transfer')));
    states.submitted = (await ok(
      await post(
        t,
        office.headers,
        url(await submitAsGuest(t, await procedure(t, 'BQL-LD-04')), 'intake-supplement'),
        {
          reason: 'r',
          items: [{ name: 'x', reason: 'y' }],
        },
      ),
    )) as DossierView;
    states.intake_supplement = states.submitted;
    const sub = await submitAsGuest(t, await procedure(t, 'BQL-LD-04'));
    states.submitted = (
      await t.app.inject({
        method: 'GET',
        url: `/api/procedures/dossiers/${sub.id}`,
        headers: office.headers,
      })
    ).json();
    states.rejected = await ok(
      await post(
        t,
        office.headers,
        '/api/procedures/dossiers/counter',
        counterBody(p, { decision: 'reject', rejection: { reason: 'r' } }),
      ),
      201,
    );
    states.received = await received();
    states.processing = await processing();
    states.appraisal_supplement = await ok(
      await post(t, leader.headers, url(await processing(), 'appraisal-supplement'), {
        reason: 'r',
        items: [{ name: 'x', reason: 'y' }],
      }),
    );
    const resolved = async () => {
      let ready = await processing();
      for (let i = 0; i < 3; i++) {
        if (i === 2)
          ready = await ok(await post(t, leader.headers, url(ready, 'result'), { resultNumber: '9/GP' }));
        ready = await ok(await post(t, leader.headers, url(ready, 'complete-step')));
      }
      return ready;
    };
    states.result_ready = await resolved();
    states.returned = await ok(
      await post(t, office.headers, url(await resolved(), 'return'), { method: 'online' }),
    );
    states.stopped = await ok(await post(t, leader.headers, url(await received(), 'stop'), { reason: 'r' }));
    states.withdrawn = await ok(
      await post(t, office.headers, url(await received(), 'withdraw'), { reason: 'r' }),
    );
    const toArchive = await ok(
      await post(t, office.headers, url(await received(), 'withdraw'), { reason: 'r' }),
    );
    states.archived = await ok(await post(t, office.headers, url(toArchive, 'archive')));

    let refused = 0;
    for (const [state, d] of Object.entries(states)) {
      expect(d.status).toBe(state);
      for (const [path, from] of Object.entries(ALLOWED)) {
        if (from.includes(state)) continue;
        const who = INTAKE.has(path) ? office : leader;
        const res = await post(t, who.headers, url(d, path), bodies[path]);
        expect({ state, path, status: res.statusCode, code: res.json().code }).toEqual({
          state,
          path,
          status: 409,
          code: 'INVALID_STATE',
        });
        refused++;
      }
      const after = await t.db
        .selectFrom('dossiers')
        .select('status')
        .where('id', '=', d.id)
        .executeTakeFirstOrThrow();
      expect(after.status).toBe(state);
    }
    expect(refused).toBeGreaterThan(100);
  });
});
