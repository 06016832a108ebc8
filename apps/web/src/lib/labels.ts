import type { TFunction } from 'i18next';
import { isDepartment } from './api-types';

/** The department's name in the UI language; unknown identifiers are shown as they are. */
export function departmentLabel(t: TFunction, department: string | null | undefined): string | null {
  if (!department) return null;
  return isDepartment(department) ? t(`departments.${department}`) : department;
}
