/**
 * Reading and writing spreadsheets as plain grids of text cells: CSV (RFC 4180, UTF-8 with BOM so Excel opens
 * Vietnamese correctly, ',' or ';' separators) and XLSX through exceljs. Everything above this file works on
 * `string[][]`, so the import rules do not care which format a file came in.
 *
 * exceljs is loaded on first use: while it is not installed, XLSX requests fail with SERVICE_UNAVAILABLE and a
 * message saying so, and CSV keeps working.
 */
import { bilingual } from '@heza/shared';
import type { SpreadsheetFormat } from '@heza/shared/registry';
import { AppError } from '../../platform/errors.ts';

/** A sheet to write: a name and its rows of cells. */
export interface SheetData {
  name: string;
  rows: (string | number | null)[][];
}

/** Thrown for a file that cannot be read as the format it claims; `row` is 1-based when known. */
export class MalformedFileError extends Error {
  constructor(
    message: string,
    readonly row?: number,
  ) {
    super(message);
    this.name = 'MalformedFileError';
  }
}

export const CONTENT_TYPES: Record<SpreadsheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Guesses the format from the first bytes: XLSX files are zip archives ("PK\x03\x04"). */
export function sniffFormat(buf: Buffer): SpreadsheetFormat {
  return buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04
    ? 'xlsx'
    : 'csv';
}

// ---------------------------------------------------------------------------------------------------
// CSV

/** Parses CSV text (quoted fields, doubled quotes, CRLF or LF, ',' or ';' picked from the first line). */
export function parseCsv(text: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let line = 1;
  let quoteStartLine = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        const next = src[i];
        if (next !== undefined && next !== sep && next !== '\n' && next !== '\r') {
          throw new MalformedFileError(
            `Ký tự "${next}" sau dấu nháy đóng (text after a closing quote)`,
            line,
          );
        }
        continue;
      }
      if (c === '\n') line += 1;
      field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      quoteStartLine = line;
      i += 1;
    } else if (c === sep) {
      row.push(field);
      field = '';
      i += 1;
    } else if (c === '\r' || c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line += 1;
    } else {
      field += c;
      i += 1;
    }
  }
  if (quoted) throw new MalformedFileError('Dấu nháy kép không được đóng (unclosed quote)', quoteStartLine);
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",;\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes rows as CSV with a UTF-8 BOM and CRLF line ends (what Excel expects). */
export function writeCsv(rows: (string | number | null)[][]): Buffer {
  return Buffer.from(`\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`, 'utf8');
}

// ---------------------------------------------------------------------------------------------------
// XLSX (exceljs, loaded on demand)

/** The part of exceljs this module uses. */
interface ExcelCell {
  value: unknown;
  text?: string;
}
interface ExcelRow {
  cellCount: number;
  getCell(i: number): ExcelCell;
}
interface ExcelSheet {
  rowCount: number;
  getRow(i: number): ExcelRow;
  addRow(values: unknown[]): { font?: unknown };
  columns: { width?: number }[];
  views: unknown[];
}
interface ExcelWorkbook {
  worksheets: ExcelSheet[];
  addWorksheet(name: string): ExcelSheet;
  xlsx: { load(buf: Buffer): Promise<unknown>; writeBuffer(): Promise<ArrayBuffer | Buffer> };
}
interface ExcelModule {
  Workbook: new () => ExcelWorkbook;
}

let excel: Promise<ExcelModule | null> | undefined;

/** exceljs, or null when it is not installed. */
function loadExcel(): Promise<ExcelModule | null> {
  // A variable specifier keeps TypeScript and bundlers from requiring the package at build time.
  const name = 'exceljs';
  excel ??= import(name).then(
    (m: { default?: ExcelModule } & ExcelModule) => m.default ?? m,
    () => null,
  );
  return excel;
}

/** Whether XLSX files can be read and written here (exceljs installed). */
export async function xlsxAvailable(): Promise<boolean> {
  return (await loadExcel()) !== null;
}

async function requireExcel(): Promise<ExcelModule> {
  const m = await loadExcel();
  if (!m) {
    throw new AppError('SERVICE_UNAVAILABLE', {
      details: [
        {
          field: 'format',
          message: bilingual(
            'Máy chủ chưa cài thư viện đọc/ghi XLSX (exceljs); hãy dùng CSV.',
            'XLSX support (exceljs) is not installed on the server; use CSV.',
          ),
        },
      ],
    });
  }
  return m;
}

/** A cell value as import text: dates as 'YYYY-MM-DD', formulas by their result, rich text joined. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: string; error?: string };
    if (o.error) return '';
    if ('result' in o) return cellText(o.result);
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (typeof o.text === 'string') return o.text;
  }
  return String(v);
}

/** Reads the first worksheet of an XLSX file as text cells. */
export async function readXlsx(buf: Buffer): Promise<string[][]> {
  const { Workbook } = await requireExcel();
  const wb = new Workbook();
  try {
    await wb.xlsx.load(buf);
  } catch (err) {
    throw new MalformedFileError(
      `Không đọc được tệp XLSX (not a readable XLSX file): ${(err as Error).message}`,
    );
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new MalformedFileError('Tệp XLSX không có trang tính nào (no worksheet)');
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

/** Writes sheets to an XLSX file; the second row (column headers) is bold and frozen. */
export async function writeXlsx(sheets: SheetData[]): Promise<Buffer> {
  const { Workbook } = await requireExcel();
  const wb = new Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name.slice(0, 31));
    s.rows.forEach((r, i) => {
      const row = ws.addRow(r.map((v) => (v === null ? null : v)));
      if (i === 1) row.font = { bold: true };
    });
    ws.views = [{ state: 'frozen', ySplit: 2 }];
    const widths = s.rows[1]?.map((h) => Math.min(60, Math.max(12, String(h ?? '').length + 2))) ?? [];
    ws.columns = widths.map((width) => ({ width }));
  }
  const out = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(new Uint8Array(out));
}

/** Reads a file of either format into text cells. */
export async function readTable(
  buf: Buffer,
  format: SpreadsheetFormat = sniffFormat(buf),
): Promise<string[][]> {
  if (format === 'xlsx') return readXlsx(buf);
  const text = buf.toString('utf8');
  if (text.includes('\u0000'))
    throw new MalformedFileError('Tệp không phải văn bản CSV (binary data in a CSV file)');
  return parseCsv(text);
}

/** Writes one sheet in either format. */
export async function writeTable(format: SpreadsheetFormat, sheet: SheetData): Promise<Buffer> {
  return format === 'xlsx' ? writeXlsx([sheet]) : writeCsv(sheet.rows);
}
