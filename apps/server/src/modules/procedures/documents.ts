import type { DbOrTx } from '../../db/client.ts';
import { renderDocx } from '../../platform/documents/docx.ts';
import { renderHtml } from '../../platform/documents/html.ts';
import type { PdfRenderer } from '../../platform/documents/pdf.ts';
import type { DossierRow } from './access.ts';
import { buildForm, FORM_SLUGS, type FormNumber } from './forms.ts';

/** A rendered file ready to send. */
export interface RenderedFile {
  bytes: Buffer;
  contentType: string;
  fileName: string;
}

/** Renders a form of a dossier as PDF (through Chromium) or DOCX, from the same document model. */
export async function renderForm(
  db: DbOrTx,
  pdf: PdfRenderer,
  d: DossierRow,
  form: FormNumber,
  format: 'pdf' | 'docx',
): Promise<RenderedFile> {
  const doc = await buildForm(db, d, form);
  const stem = `mau-${form}-${FORM_SLUGS[form]}-${(d.code ?? d.id.slice(0, 8)).replace(/[^0-9A-Za-z.-]/g, '_')}`;
  if (format === 'docx') {
    return {
      bytes: await renderDocx(doc),
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      fileName: `${stem}.docx`,
    };
  }
  return {
    bytes: await pdf.render(renderHtml(doc), { format: doc.page }),
    contentType: 'application/pdf',
    fileName: `${stem}.pdf`,
  };
}
