/** Account roles. Permissions per role live in the database (table role_permissions). */
export const ROLES = ['admin', 'leader', 'staff', 'enterprise'] as const;

/** How far a permission reaches: everything, the actor's zones, or the actor's own enterprise. */
export const SCOPES = ['all', 'jurisdiction', 'own_enterprise'] as const;
export type Scope = (typeof SCOPES)[number];

/** Departments (phòng) of the authority, as identifiers; labels are in the i18n catalogues. */
export const DEPARTMENTS = [
  'office',
  'enterprise_supervision',
  'investment_management',
  'planning_construction',
  'environment',
  'labour',
] as const;
