/**
 * Wire types of the HEZA API as the web client sees them.
 * TODO: replace with the zod-inferred types from @heza/shared once that package exports them.
 */

export const ROLES = ['admin', 'leader', 'staff', 'enterprise'] as const;
export type Role = (typeof ROLES)[number];

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export type ZoneScope = 'all' | 'listed';

/** Departments (phòng) of the authority as identifiers; labels live in the i18n catalogues (`departments.*`). */
export const DEPARTMENTS = [
  'office',
  'enterprise_supervision',
  'investment_management',
  'planning_construction',
  'environment',
  'labour',
] as const;
export type Department = (typeof DEPARTMENTS)[number];

export function isDepartment(value: unknown): value is Department {
  return typeof value === 'string' && (DEPARTMENTS as readonly string[]).includes(value);
}

export interface Option {
  id: string;
  name: string;
}

export interface User {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  /** A {@link Department} identifier for staff. */
  department: string | null;
  zoneScope: ZoneScope | null;
  zones: Option[];
  enterprise: Option | null;
  locale: Language;
  permissions: string[];
}

/** A user as listed for administrators: the profile plus account state. */
export interface ManagedUser extends User {
  active: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
}

export interface Session {
  user: User | null;
  csrfToken: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface FieldError {
  field: string;
  message: string;
}

/** The error body every API route returns. */
export interface ApiErrorBody {
  code: string;
  message: string;
  details?: unknown;
  requestId?: string;
}
