import { bilingual } from '@heza/shared';
import { AppError, type FieldProblem } from '../../../platform/errors.ts';

/** VALIDATION_FAILED naming one field, with a message in both languages. */
export function invalidField(field: string, vi: string, en: string): AppError {
  return new AppError('VALIDATION_FAILED', { details: [{ field, message: bilingual(vi, en) }] });
}

/** VALIDATION_FAILED with every problem found. */
export function invalid(problems: FieldProblem[]): AppError {
  return new AppError('VALIDATION_FAILED', { details: problems });
}

/** CONFLICT for a duplicate natural key, naming the field. */
export function duplicate(
  field: string,
  label: { vi: string; en: string },
  vi: string,
  en: string,
): AppError {
  return new AppError('CONFLICT', {
    params: { field: label },
    details: [{ field, message: bilingual(vi, en) }],
  });
}

/** Prefixes the field of each problem ('kind' → 'firstEntry.kind'). */
export function prefixed(problems: FieldProblem[], prefix: string): FieldProblem[] {
  return problems.map((p) => ({ ...p, field: `${prefix}.${p.field}` }));
}
