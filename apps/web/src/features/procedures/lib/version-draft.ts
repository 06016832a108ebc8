import type { ProcedureDocument, ProcedureFee, ProcedureStep, ProcedureView } from '@heza/shared/procedures';
import type { VersionInput } from '../api';

/** A version being edited: the input of POST /procedures/catalogue with its lists. */
export type Draft = VersionInput & {
  documents: ProcedureDocument[];
  steps: ProcedureStep[];
  fees: ProcedureFee[];
};

/** A draft of a new version from the current one (or an empty procedure). */
export function draftFrom(p: ProcedureView | null, today: string): Draft {
  if (!p) {
    return {
      code: '',
      effectiveFrom: today,
      nameVi: '',
      nameEn: '',
      fieldCode: '',
      fieldVi: '',
      fieldEn: '',
      leadUnit: 'investment_management',
      timeLimitDays: 1,
      cutoff: '15:00',
      onlineLevel: 'partial',
      supplementClock: 'restart',
      resultVi: '',
      resultEn: '',
      legalBasis: '',
      note: '',
      documents: [{ key: 'application', nameVi: '', nameEn: '', originals: 1, copies: 0, required: true }],
      steps: [
        { key: 'appraisal', nameVi: '', nameEn: '', unit: 'investment_management', role: 'staff', days: 1 },
      ],
      fees: [],
    };
  }
  return {
    code: p.code,
    effectiveFrom: today > p.effectiveFrom ? today : p.effectiveFrom,
    nameVi: p.name.vi,
    nameEn: p.name.en,
    fieldCode: p.field.code,
    fieldVi: p.field.vi,
    fieldEn: p.field.en,
    leadUnit: p.leadUnit as Draft['leadUnit'],
    timeLimitDays: p.timeLimitDays,
    cutoff: p.cutoff,
    onlineLevel: p.onlineLevel,
    supplementClock: p.supplementClock,
    resultVi: p.result.vi,
    resultEn: p.result.en,
    legalBasis: p.legalBasis,
    note: p.note ?? '',
    documents: p.documents.map((d) => ({ ...d })),
    steps: p.steps.map((s) => ({ ...s })),
    fees: p.fees.map((f) => ({ ...f })),
  };
}
