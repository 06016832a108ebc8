import type { Generated } from 'kysely';
import type { GeneratedTimestamp } from '../../db/schema.ts';

/** Metadata of a stored upload (migration 0022); the bytes live under <dataDir>/files by SHA-256. */
export interface StoredFileTable {
  id: Generated<string>;
  sha256: string;
  size_bytes: number;
  media_type: string;
  declared_type: string | null;
  original_name: string;
  attached_to: string | null;
  uploaded_by: string | null;
  uploaded_ip: string | null;
  created_at: GeneratedTimestamp;
}

declare module '../../db/schema.ts' {
  interface Database {
    stored_files: StoredFileTable;
  }
}
