import type { DbOrTx } from '../../db/client.ts';
import type { PdfRenderer } from '../../platform/documents/pdf.ts';
import { renderDocx } from './document/docx.ts';
import { type PdfEngine, renderPdf } from './document/pdf.ts';
import { reportDocument, reportFileName } from './queries.ts';

/** A rendered report file. */
export interface ReportFile {
  bytes: Buffer;
  contentType: string;
  fileName: string;
  engine?: PdfEngine;
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The DOCX or PDF of a report: an issued report's stored DOCX (byte for byte what was issued) and the PDF
 * made from it; a draft's document composed now from the live figures.
 */
export async function renderReportFile(
  db: DbOrTx,
  id: string,
  format: 'docx' | 'pdf',
  chromium?: PdfRenderer,
): Promise<ReportFile> {
  const state = await reportDocument(db, id);
  let docx: Buffer | undefined;
  if (state.frozen) {
    const row = await db
      .selectFrom('official_reports')
      .select('docx')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    docx = row.docx ?? undefined;
  }
  const fileName = reportFileName(state.row, format);
  if (format === 'docx') {
    return { bytes: docx ?? (await renderDocx(state.composed.doc)), contentType: DOCX_TYPE, fileName };
  }
  const pdf = await renderPdf(state.composed.doc, { docx, chromium });
  return { bytes: pdf.bytes, contentType: 'application/pdf', fileName, engine: pdf.engine };
}
