import { ProcedureVersionInput, type ProcedureView } from '@heza/shared/procedures';
import { describe, expect, it } from 'vitest';
import { draftFrom } from './version-draft';

const current: ProcedureView = {
  id: 'p1',
  code: 'BQL-LD-05',
  version: 1,
  effectiveFrom: '2025-07-01',
  effectiveTo: null,
  name: { vi: 'Đăng ký thỏa ước', en: 'Collective agreement' },
  field: { code: 'LD', vi: 'Lao động', en: 'Labour' },
  leadUnit: 'labour',
  timeLimitDays: 10,
  onlineLevel: 'full',
  cutoff: null,
  supplementClock: 'restart',
  result: { vi: 'Văn bản', en: 'Letter' },
  legalBasis: 'BLLĐ 2019',
  note: null,
  office: { code: '000.00.00.Z99', nameVi: 'Ban', nameEn: 'Authority' },
  documents: [
    { key: 'agreement', nameVi: 'Thỏa ước', nameEn: 'Agreement', originals: 1, copies: 0, required: true },
  ],
  steps: [
    { key: 'appraisal', nameVi: 'Thẩm định', nameEn: 'Appraisal', unit: 'labour', role: 'staff', days: 7 },
    { key: 'approval', nameVi: 'Ký duyệt', nameEn: 'Approval', unit: 'labour', role: 'leader', days: 3 },
  ],
  fees: [{ nameVi: 'Không thu', nameEn: 'None', amountVnd: '0', noteVi: null, noteEn: null }],
};

describe('draftFrom', () => {
  it('copies the version in force into a draft the shared schema accepts as a new version', () => {
    const draft = draftFrom(current, '2026-11-23');
    expect(draft.code).toBe('BQL-LD-05');
    expect(draft.effectiveFrom).toBe('2026-11-23');
    const parsed = ProcedureVersionInput.safeParse(draft);
    expect(parsed.success).toBe(true);
  });

  it('never starts a new version before the current one', () => {
    expect(draftFrom({ ...current, effectiveFrom: '2027-01-01' }, '2026-11-23').effectiveFrom).toBe(
      '2027-01-01',
    );
  });

  it('copies the lists, so editing the draft leaves the loaded version alone', () => {
    const draft = draftFrom(current, '2026-11-23');
    draft.documents[0]!.originals = 5;
    expect(current.documents[0]!.originals).toBe(1);
  });

  it('starts a new procedure empty, which the schema refuses until filled', () => {
    const parsed = ProcedureVersionInput.safeParse(draftFrom(null, '2026-11-23'));
    expect(parsed.success).toBe(false);
  });
});
