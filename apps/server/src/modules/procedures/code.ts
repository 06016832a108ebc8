import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { toIsoDateVn } from '@heza/shared';
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';

/** Letters and digits that cannot be mistaken for each other on paper (no 0/O, 1/I/L). */
const SECRET_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A new 4-character lookup secret for a receipt. */
export function newTrackingSecret(): string {
  let s = '';
  for (let i = 0; i < 4; i++) s += SECRET_ALPHABET[randomInt(SECRET_ALPHABET.length)];
  return s;
}

/**
 * The dossier code of TT 01/2018 Art. 19 (docs/domain-vn.md §2.3): `<agency id>-YYMMDD-XXXX`, the date
 * being the receipt date and XXXX the sequence of dossiers received that day (more digits after 9999).
 */
export function formatDossierCode(officeCode: string, receivedOn: string, sequence: number): string {
  const yymmdd = receivedOn.slice(2, 4) + receivedOn.slice(5, 7) + receivedOn.slice(8, 10);
  return `${officeCode}-${yymmdd}-${String(sequence).padStart(4, '0')}`;
}

/** The dossier-code pattern (for validating public lookups cheaply). */
export const DOSSIER_CODE_PATTERN = /^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[0-9A-Z]{3}-\d{6}-\d{4,}$/;

/**
 * Takes the next number of the office's sequence for the Vietnam date of `receivedAt`, inside the caller's
 * transaction: the upsert locks the day's row until commit, so concurrent receipts queue and get distinct
 * numbers, and a rolled-back receipt gives its number back.
 */
export async function nextDossierCode(tx: DbOrTx, officeCode: string, receivedAt: Date): Promise<string> {
  const day = toIsoDateVn(receivedAt);
  const row = await sql<{ last_value: number }>`
    insert into dossier_sequences (office_code, day, last_value) values (${officeCode}, ${day}, 1)
    on conflict (office_code, day) do update set last_value = dossier_sequences.last_value + 1
    returning last_value`.execute(tx);
  return formatDossierCode(officeCode, day, Number(row.rows[0]!.last_value));
}

/** Compares two lookup secrets in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s.trim().toUpperCase()).digest();
  return timingSafeEqual(digest(a), digest(b));
}
