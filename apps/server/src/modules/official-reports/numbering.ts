import { sql } from 'kysely';
import type { Tx } from '../../db/client.ts';

/**
 * Takes the next number of an outgoing-document register for a year (Decree 30/2020 Art. 15: one sequence per
 * agency per year, from 01) and records the document in the register, in the caller's transaction. The
 * counter row is locked by the upsert, so two documents issued at once get consecutive numbers, never the same.
 */
export async function takeOutgoingNumber(
  tx: Tx,
  doc: {
    sequenceKey: string;
    code: string;
    date: string;
    subject: string;
    sourceType: string;
    sourceId: string;
    actorId: string | null;
  },
): Promise<{ id: string; number: number; numberText: string; year: number }> {
  const year = Number(doc.date.slice(0, 4));
  const { rows } = await sql<{ last_number: number }>`
    insert into outgoing_document_sequences (sequence_key, year, last_number) values (${doc.sequenceKey}, ${year}, 1)
    on conflict (sequence_key, year) do update set last_number = outgoing_document_sequences.last_number + 1
    returning last_number`.execute(tx);
  const number = rows[0]!.last_number;
  // Numbers below 10 have a leading zero (Decree 30/2020, Phụ lục I).
  const numberText = `${String(number).padStart(2, '0')}/${doc.code}`;
  const row = await tx
    .insertInto('outgoing_documents')
    .values({
      sequence_key: doc.sequenceKey,
      year,
      number,
      number_text: numberText,
      document_date: doc.date,
      subject: doc.subject,
      source_type: doc.sourceType,
      source_id: doc.sourceId,
      created_by: doc.actorId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, number, numberText, year };
}
