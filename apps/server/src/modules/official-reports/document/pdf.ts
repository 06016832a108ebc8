import { execFile } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createPdfRenderer, type PdfRenderer } from '../../../platform/documents/pdf.ts';
import { renderDocx } from './docx.ts';
import { renderHtmlPage } from './html.ts';
import type { OfficialDocument } from './model.ts';

/**
 * The PDF of a report is its DOCX converted by LibreOffice (headless Writer): the same pages as the Word file,
 * with the footnotes at the foot of the page that cites them and the page numbers from page 2 — which a
 * browser printing HTML cannot do. Where LibreOffice is not installed, the HTML rendering printed by Chromium
 * (platform/documents/pdf.ts) is the fallback, with the footnotes gathered at the end.
 */

const SOFFICE = [
  '/usr/bin/soffice',
  '/usr/lib/libreoffice/program/soffice',
  '/opt/libreoffice/program/soffice',
];

/** The LibreOffice executable, if installed. */
export function findSoffice(): string | null {
  return SOFFICE.find((p) => existsSync(p)) ?? null;
}

// One LibreOffice profile per process, and one conversion at a time on it (LibreOffice locks its profile).
let queue: Promise<unknown> = Promise.resolve();
const profile = path.join(os.tmpdir(), `heza-lo-profile-${process.pid}`);
let cleanupRegistered = false;

function run(file: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      { timeout: timeoutMs, env: { ...process.env, HOME: profile } },
      (err, _out, stderr) => {
        if (err) reject(new Error(`LibreOffice failed: ${err.message} ${stderr}`));
        else resolve();
      },
    );
  });
}

/** Converts a DOCX to PDF with LibreOffice; throws when it is not installed or fails. */
export async function docxToPdf(docx: Buffer, opts: { timeoutMs?: number } = {}): Promise<Buffer> {
  const soffice = findSoffice();
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed');
  if (!cleanupRegistered) {
    cleanupRegistered = true;
    process.once('exit', () => {
      try {
        rmSync(profile, { recursive: true, force: true });
      } catch {
        // best effort: a temporary folder
      }
    });
  }
  const job = queue.then(async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'heza-report-'));
    try {
      const input = path.join(dir, 'report.docx');
      await fs.writeFile(input, docx);
      await run(
        soffice,
        [
          '--headless',
          '--norestore',
          '--nolockcheck',
          `-env:UserInstallation=file://${profile}`,
          '--convert-to',
          'pdf:writer_pdf_Export',
          '--outdir',
          dir,
          input,
        ],
        opts.timeoutMs ?? 120_000,
      );
      const out = path.join(dir, 'report.pdf');
      if (!existsSync(out)) throw new Error('LibreOffice produced no PDF');
      return await fs.readFile(out);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
  queue = job.catch(() => {});
  return job;
}

/** How a PDF was made (the API says so in a header). */
export type PdfEngine = 'libreoffice' | 'chromium';

/**
 * The PDF of a document: LibreOffice from the DOCX when available, else Chromium from the HTML. `chromium`
 * supplies the app's shared browser; without it a browser is started for this one render.
 */
export async function renderPdf(
  doc: OfficialDocument,
  opts: { docx?: Buffer; chromium?: PdfRenderer } = {},
): Promise<{ bytes: Buffer; engine: PdfEngine }> {
  if (findSoffice())
    return { bytes: await docxToPdf(opts.docx ?? (await renderDocx(doc))), engine: 'libreoffice' };
  const renderer = opts.chromium ?? createPdfRenderer();
  try {
    return { bytes: await renderer.render(renderHtmlPage(doc), { format: 'A4' }), engine: 'chromium' };
  } finally {
    if (!opts.chromium) await renderer.close();
  }
}
