import type { Lang, Role, Scope } from '@heza/shared';
import type { Db } from '../db/client.ts';

/** The signed-in person as the policy sees them. */
export interface Actor {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  department: string | null;
  zoneScope: 'all' | 'listed' | null;
  zoneIds: string[];
  enterpriseId: string | null;
  /** action → scope, from role_permissions. */
  permissions: Map<string, Scope>;
}

/** What every command and query receives: the database, who acts, and request facts for the audit. */
export interface Ctx {
  db: Db;
  actor: Actor | null;
  requestId: string | null;
  ip: string | null;
  lang: Lang;
}

/** A context for work that no person started (CLI, seed, jobs). */
export function systemCtx(db: Db, label = 'system'): Ctx & { systemLabel: string } {
  return { db, actor: null, requestId: null, ip: null, lang: 'vi', systemLabel: label };
}
