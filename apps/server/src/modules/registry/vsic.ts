import vsicFile from './data/vsic-2018.json' with { type: 'json' };

/** One VSIC 2018 code with its names. */
export interface VsicEntry {
  code: string;
  level: number;
  parent: string | null;
  vi: string;
  en: string;
}

const entries: VsicEntry[] = vsicFile.codes;
const byCode = new Map(entries.map((e) => [e.code, e]));

/** All shipped VSIC 2018 codes (levels 1 and 2 complete, level 4 partial: see data/vsic-2018.json). */
export function listVsic(): readonly VsicEntry[] {
  return entries;
}

/** The entry for a code, or undefined when the shipped list does not have it. */
export function findVsic(code: string): VsicEntry | undefined {
  return byCode.get(code);
}

/** Whether a project may be classified under this code: any shipped division (level 2) or deeper code. */
export function isKnownProjectVsic(code: string): boolean {
  const e = byCode.get(code);
  return e !== undefined && e.level >= 2;
}

/** The division (level 2) of a code: '2610' → '26'. Figures by sector group on it. */
export function vsicDivision(code: string): string {
  return /^\d{2}/.test(code) ? code.slice(0, 2) : code;
}

/** The section letter (level 1) of a code: '2610' → 'C'. */
export function vsicSection(code: string): string | undefined {
  let e = byCode.get(code) ?? byCode.get(vsicDivision(code));
  while (e?.parent) e = byCode.get(e.parent);
  return e?.code;
}

/** Provenance and completeness of the shipped list. */
export const VSIC_ABOUT = {
  about: vsicFile.about,
  source: vsicFile.source,
  completeness: vsicFile.completeness,
};
