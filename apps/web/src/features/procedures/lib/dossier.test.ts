import type { DossierView, ProcedureDocument } from '@heza/shared/procedures';
import { describe, expect, it } from 'vitest';
import { availableForms, dossierActions, missingAtCounter, missingOnline } from './dossier';

const user = (
  over: Partial<{
    role: 'admin' | 'leader' | 'staff' | 'enterprise';
    department: string | null;
    permissions: string[];
  }> = {},
) => ({
  id: 'u1',
  role: 'staff' as 'admin' | 'leader' | 'staff' | 'enterprise',
  department: 'office' as string | null,
  permissions: ['procedures.dossier.read', 'procedures.dossier.intake', 'procedures.dossier.process'],
  ...over,
});

const step = (over: Partial<NonNullable<DossierView['currentStep']>> = {}) => ({
  position: 0,
  key: 'appraisal',
  name: { vi: 'Thẩm định', en: 'Appraisal' },
  unit: 'labour',
  role: 'staff' as const,
  dueDate: '2026-01-10',
  assignee: null,
  ...over,
});

const dossier = (status: string, allowed: string[], currentStep: DossierView['currentStep'] = null) => ({
  status: status as DossierView['status'],
  allowedTransitions: allowed,
  currentStep,
  steps: [{ unit: 'labour' }] as DossierView['steps'],
  enterpriseId: null,
});

describe('dossierActions', () => {
  it('gives the one-stop officer the intake decisions of a submitted dossier', () => {
    const a = dossierActions(
      user(),
      dossier('submitted', ['receive', 'request_intake_supplement', 'reject', 'withdraw']),
    );
    expect([...a].sort()).toEqual(['intakeSupplement', 'receive', 'reject', 'withdraw']);
  });

  it('gives nothing of the intake to staff of another unit', () => {
    const a = dossierActions(
      user({ department: 'labour' }),
      dossier('submitted', ['receive', 'request_intake_supplement', 'reject', 'withdraw']),
    );
    expect(a.size).toBe(0);
  });

  it('lets staff of the step unit claim, and only then work on, an unassigned step', () => {
    const labour = user({ department: 'labour' });
    const allowed = [
      'claim',
      'assign',
      'record_result',
      'complete_step',
      'request_appraisal_supplement',
      'extend',
      'stop',
      'withdraw',
    ];
    const open = dossierActions(labour, dossier('processing', allowed, step()));
    expect(open.has('claim')).toBe(true);
    expect(open.has('completeStep')).toBe(true);
    expect(open.has('extend')).toBe(true);
    expect(open.has('withdraw')).toBe(false);
    const someoneElse = dossierActions(
      labour,
      dossier('processing', allowed, step({ assignee: { id: 'u2', name: 'B' } })),
    );
    expect(someoneElse.has('completeStep')).toBe(false);
    expect(someoneElse.has('claim')).toBe(true);
    const mine = dossierActions(
      labour,
      dossier('processing', allowed, step({ assignee: { id: 'u1', name: 'A' } })),
    );
    expect(mine.has('claim')).toBe(false);
    expect(mine.has('completeStep')).toBe(true);
  });

  it('keeps leader steps from staff and gives them to leaders', () => {
    const allowed = ['claim', 'complete_step'];
    const leaderStep = step({ role: 'leader' });
    expect(
      dossierActions(user({ department: 'labour' }), dossier('processing', allowed, leaderStep)).size,
    ).toBe(0);
    const leader = user({ role: 'leader', department: null, permissions: ['procedures.dossier.process'] });
    expect(dossierActions(leader, dossier('processing', allowed, leaderStep)).has('completeStep')).toBe(true);
  });

  it('offers nothing the state does not allow', () => {
    const a = dossierActions(user({ department: 'labour' }), dossier('returned', ['archive'], null));
    expect(a.size).toBe(0);
  });

  it('lets the enterprise answer a supplement request', () => {
    const ent = user({ role: 'enterprise', department: null, permissions: ['procedures.dossier.submit'] });
    expect([
      ...dossierActions(ent, dossier('intake_supplement', ['receive', 'reject', 'resubmit', 'withdraw'])),
    ]).toEqual(['applicantSupplement']);
  });
});

describe('availableForms', () => {
  const base = { code: null, receivedAt: null, dueAt: null, supplements: [], extensions: [], events: [] };
  it('has no form for a dossier only submitted', () => {
    expect(availableForms(base)).toEqual([]);
  });
  it('has the receipt and control sheet once received, and the letters when issued', () => {
    const received = {
      ...base,
      code: 'X-1',
      receivedAt: '2026-01-01T01:00:00Z',
      dueAt: '2026-01-10T01:00:00Z',
    };
    expect(availableForms(received)).toEqual(['01', '06']);
    expect(
      availableForms({
        ...received,
        supplements: [{}] as never,
        extensions: [{}] as never,
        events: [{ event: 'stop' }] as never,
      }),
    ).toEqual(['01', '02', '04', '05', '06']);
  });
  it('has the refusal when refused', () => {
    expect(availableForms({ ...base, events: [{ event: 'reject' }] as never })).toEqual(['03']);
  });
});

const docs: ProcedureDocument[] = [
  { key: 'application', nameVi: 'Đơn', nameEn: 'Form', originals: 1, copies: 0, required: true },
  { key: 'licence', nameVi: 'Giấy phép', nameEn: 'Licence', originals: 0, copies: 2, required: true },
  { key: 'poa', nameVi: 'Ủy quyền', nameEn: 'POA', originals: 1, copies: 0, required: false },
];

describe('missingAtCounter', () => {
  it('lists every required document not handed in, never the optional ones', () => {
    expect(missingAtCounter(docs, {}).map((d) => d.key)).toEqual(['application', 'licence']);
  });
  it('needs the originals asked for, and enough papers in all', () => {
    expect(missingAtCounter(docs, { application: { originals: 0, copies: 1 } }).map((d) => d.key)).toContain(
      'application',
    );
    expect(
      missingAtCounter(docs, {
        application: { originals: 1, copies: 0 },
        licence: { originals: 1, copies: 0 },
      }).map((d) => d.key),
    ).toEqual(['licence']);
    expect(
      missingAtCounter(docs, {
        application: { originals: 1, copies: 0 },
        licence: { originals: 1, copies: 1 },
      }),
    ).toEqual([]);
  });
  it('counts an uploaded scan as the document', () => {
    expect(
      missingAtCounter(docs, {
        application: { originals: 0, copies: 0, fileId: 'f1' },
        licence: { originals: 0, copies: 2 },
      }),
    ).toEqual([]);
  });
});

describe('missingOnline', () => {
  it('needs a file for every required document', () => {
    expect(missingOnline(docs, { application: 'f1' }).map((d) => d.key)).toEqual(['licence']);
    expect(missingOnline(docs, { application: 'f1', licence: 'f2' })).toEqual([]);
  });
});

describe('issuesByPath', async () => {
  const { issuesByPath } = await import('./issues');
  const { ReasonInput } = await import('@heza/shared/procedures');
  it('gives the schema message in the UI language, keyed by path', () => {
    const r = ReasonInput.safeParse({ reason: '  ' });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(issuesByPath(r.error, 'vi', () => 'x')).toEqual({ reason: 'Vui lòng nêu lý do.' });
    expect(issuesByPath(r.error, 'en', () => 'x')).toEqual({ reason: 'Please give the reason.' });
  });
  it('falls back for a check without a bilingual message', () => {
    const r = ReasonInput.safeParse({ reason: 'x'.repeat(3000) });
    if (r.success) throw new Error('should fail');
    expect(issuesByPath(r.error, 'vi', (p) => `bad ${p}`)).toEqual({ reason: 'bad reason' });
  });
});
