import type { ColumnType, Generated } from 'kysely';

/** A timestamp column: read as Date, written as Date or ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp column with a database default. */
export type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A nullable timestamp column. */
export type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
/** A json/jsonb column. */
export type Json = ColumnType<unknown, string | unknown, string | unknown>;
/** A numeric column: PostgreSQL returns exact decimals as strings; never convert money to float. */
export type Numeric = ColumnType<string, string | number, string | number>;

/**
 * The database as Kysely sees it. Each module adds its own tables by declaration merging in its
 * `schema.ts` (`declare module '../../db/schema.ts' { interface Database { … } }`).
 */
export interface Database {
  schema_migrations: { name: string; applied_at: GeneratedTimestamp; checksum: string };
  zones: ZoneTable;
  enterprises: EnterpriseTable;
  users: UserTable;
  user_zones: { user_id: string; zone_id: string };
  roles: { code: string; name_vi: string; name_en: string };
  role_permissions: { role: string; action: string; scope: string };
  sessions: SessionTable;
  password_reset_tokens: {
    token_hash: string;
    user_id: string;
    created_at: GeneratedTimestamp;
    expires_at: Timestamp;
    used_at: NullableTimestamp;
  };
  audit_log: AuditTable;
  platform_settings: { key: string; value: Json; updated_at: GeneratedTimestamp };
}

export interface ZoneTable {
  id: Generated<string>;
  code: string;
  name_vi: string;
  name_en: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface EnterpriseTable {
  id: Generated<string>;
  tax_code: string;
  name_vi: string;
  name_en: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface UserTable {
  id: Generated<string>;
  email: string;
  full_name: string;
  password_hash: string;
  role: string;
  department: string | null;
  zone_scope: string | null;
  enterprise_id: string | null;
  locale: Generated<string>;
  active: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
  last_login_at: NullableTimestamp;
  password_changed_at: GeneratedTimestamp;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface SessionTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: GeneratedTimestamp;
  expires_at: Timestamp;
  last_seen_at: GeneratedTimestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditTable {
  id: Generated<string>;
  at: GeneratedTimestamp;
  actor_id: string | null;
  actor_label: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: Json | null;
  after: Json | null;
  request_id: string | null;
  ip: string | null;
}
