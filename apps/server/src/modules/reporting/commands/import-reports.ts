import { bilingual, type parsePeriod, periodId, pickMessage, tryParsePeriod } from '@heza/shared';
import type { EntryValueInput } from '@heza/shared/reporting-rules';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { MalformedFileError, readTable } from '../../registry/spreadsheet.ts';
import { assertEnterpriseAccess } from '../access.ts';
import { checkValues, lockState } from '../entries.ts';
import { type FormDef, getFormDef } from '../forms.ts';
import { clock, formPeriod } from '../schedule.ts';
import { assertExpected, submitInTx } from './submit-report.ts';

/** Same first cell as the registry templates: the file is a HEZA template. */
export const TEMPLATE_MARK = '#HEZA';
const TEMPLATE_VERSION = 'v1';

/** A template column: its key (in parentheses in the header), labels, and the value it holds. */
interface Column {
  key: string;
  vi: string;
  en: string;
  example: string;
  indicator?: string;
  combo?: string;
}

/** The columns of a form's import template: tax code, period, estimate flag, then one per value. */
export function templateColumns(def: FormDef): Column[] {
  const cols: Column[] = [
    { key: 'tax_code', vi: 'Mã số thuế', en: 'Tax code', example: '0200000001' },
    { key: 'period', vi: 'Kỳ báo cáo', en: 'Period', example: '2026M10' },
    { key: 'estimate', vi: 'Số ước tính (ghi x)', en: 'Estimate (x)', example: '' },
  ];
  for (const ind of def.indicators.filter((i) => i.source === 'reported')) {
    cols.push({
      key: ind.code,
      vi: ind.nameVi,
      en: ind.nameEn,
      example: ind.valueType === 'integer' ? '1000' : '1234567.5',
      indicator: ind.code,
      combo: '',
    });
    for (const d of ind.disaggregations) {
      for (const o of d.options) {
        cols.push({
          key: `${ind.code}__${d.code}__${o.code}`,
          vi: `${ind.nameVi} – ${o.nameVi}`,
          en: `${ind.nameEn} – ${o.nameEn}`,
          example: '',
          indicator: ind.code,
          combo: `${d.code}:${o.code}`,
        });
      }
    }
  }
  return cols;
}

/** The template's rows: the mark, the headers "Label (key)", and one example row. */
export function templateRows(def: FormDef): string[][] {
  const cols = templateColumns(def);
  return [
    [
      TEMPLATE_MARK,
      `reporting:${def.form.code}`,
      TEMPLATE_VERSION,
      `${def.form.name_vi} / ${def.form.name_en}`,
    ],
    cols.map((c) => `${c.vi} (${c.key})`),
    cols.map((c) => c.example),
  ];
}

function headerKey(cell: string): string {
  const m = /\(([a-z0-9_]+)\)\s*$/.exec(cell.trim());
  return (m ? m[1]! : cell.trim()).toLowerCase();
}

/** One problem of an imported file: 1-based row, the column's key, a message in the request's language. */
export interface ImportProblem {
  row: number;
  column: string | null;
  message: string;
}

/** What an import did (or, for a dry run or a refused file, would have done). */
export interface ReportImportResult {
  formId: string;
  dryRun: boolean;
  accepted: boolean;
  rows: number;
  submissions: number;
  values: number;
  problems: ImportProblem[];
  warnings: ImportProblem[];
}

class Rollback extends Error {}

const ESTIMATE_YES = new Set(['x', 'có', 'co', 'yes', 'y', 'true', '1', 'ước', 'uoc']);

/**
 * Imports paper reports typed into the form's spreadsheet template (XLSX or CSV), with the registry import's
 * contract: every row is checked first (tax code known, the enterprise must report the form and is within the
 * actor's reach, the period is the form's and not locked, every value as online); every problem is reported
 * with its row and column; a file with any problem writes nothing; an accepted file is written in one
 * transaction (one submission per row, source 'import', history kept) with one audit row. A dry run only checks.
 */
export async function importReports(
  ctx: Ctx,
  formId: string,
  file: Buffer,
  opts: { dryRun?: boolean; format?: 'xlsx' | 'csv' } = {},
): Promise<ReportImportResult> {
  const def = await getFormDef(ctx.db, formId);
  const problems: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const add = (list: ImportProblem[], row: number, column: string | null, vi: string, en: string) =>
    list.push({ row, column, message: pickMessage(bilingual(vi, en), ctx.lang) });
  const result = (rows: number, submissions = 0, values = 0): ReportImportResult => ({
    formId,
    dryRun: !!opts.dryRun,
    accepted: problems.length === 0 && rows > 0,
    rows,
    submissions: problems.length ? 0 : submissions,
    values: problems.length ? 0 : values,
    problems,
    warnings,
  });

  let table: string[][];
  try {
    table = await readTable(file, opts.format);
  } catch (err) {
    if (!(err instanceof MalformedFileError)) throw err;
    add(
      problems,
      err.row ?? 1,
      null,
      `Tệp hỏng hoặc sai định dạng: ${err.message}`,
      `The file is damaged or not in the expected format: ${err.message}`,
    );
    return result(0);
  }
  const mark = table[0] ?? [];
  if ((mark[0] ?? '').trim() !== TEMPLATE_MARK || (mark[1] ?? '').trim() !== `reporting:${def.form.code}`) {
    add(
      problems,
      1,
      null,
      `Không phải mẫu nhập của biểu mẫu ${def.form.code}: ô A1–B1 phải là "${TEMPLATE_MARK}" và "reporting:${def.form.code}". Hãy tải mẫu của biểu mẫu này.`,
      `Not the import template of form ${def.form.code}: cells A1–B1 must read "${TEMPLATE_MARK}" and "reporting:${def.form.code}". Download this form's template.`,
    );
    return result(0);
  }
  if ((mark[2] ?? '').trim() !== TEMPLATE_VERSION) {
    add(
      problems,
      1,
      null,
      `Phiên bản mẫu "${mark[2] ?? ''}" không được hỗ trợ.`,
      `Template version "${mark[2] ?? ''}" is not supported.`,
    );
    return result(0);
  }
  const cols = templateColumns(def);
  const known = new Map(cols.map((c) => [c.key, c]));
  const header = (table[1] ?? []).map(headerKey);
  header.forEach((k, i) => {
    if (k && !known.has(k)) {
      add(
        problems,
        2,
        k,
        `Cột "${table[1]?.[i] ?? k}" không có trong mẫu.`,
        `Column "${table[1]?.[i] ?? k}" is not in the template.`,
      );
    }
  });
  for (const required of ['tax_code', 'period']) {
    if (!header.includes(required)) {
      add(
        problems,
        2,
        required,
        `Thiếu cột bắt buộc "${known.get(required)!.vi}".`,
        `The required column "${known.get(required)!.en}" is missing.`,
      );
    }
  }
  if (problems.length) return result(0);

  // Read rows.
  interface Parsed {
    row: number;
    enterpriseId: string;
    period: ReturnType<typeof parsePeriod>;
    values: EntryValueInput[];
  }
  const rows: { row: number; cells: Map<string, string> }[] = [];
  for (let i = 2; i < table.length; i++) {
    const cells = table[i] ?? [];
    if (cells.every((v) => (v ?? '').trim() === '')) continue;
    rows.push({ row: i + 1, cells: new Map(header.map((k, j) => [k, (cells[j] ?? '').trim()])) });
  }
  const taxCodes = [...new Set(rows.map((r) => r.cells.get('tax_code') ?? '').filter(Boolean))];
  const enterprises = taxCodes.length
    ? await ctx.db
        .selectFrom('enterprises')
        .select(['id', 'tax_code'])
        .where('tax_code', 'in', taxCodes)
        .execute()
    : [];
  const byTax = new Map(enterprises.map((e) => [e.tax_code, e.id]));
  const today = clock.today();
  const seen = new Map<string, number>();
  const parsed: Parsed[] = [];
  const checked = new Map<string, 'ok' | 'refused'>();
  for (const r of rows) {
    const tax = r.cells.get('tax_code') ?? '';
    const periodText = r.cells.get('period') ?? '';
    const enterpriseId = byTax.get(tax);
    let ok = true;
    if (!tax) {
      add(problems, r.row, 'tax_code', 'Thiếu mã số thuế.', 'The tax code is missing.');
      ok = false;
    } else if (!enterpriseId) {
      add(
        problems,
        r.row,
        'tax_code',
        `Không có doanh nghiệp với mã số thuế ${tax} trong sổ đăng ký.`,
        `No enterprise with tax code ${tax} in the registry.`,
      );
      ok = false;
    }
    let period: ReturnType<typeof parsePeriod> | undefined;
    if (!tryParsePeriod(periodText)) {
      add(
        problems,
        r.row,
        'period',
        `Kỳ báo cáo "${periodText}" không hợp lệ (ví dụ 2026M10).`,
        `Period "${periodText}" is not valid (e.g. 2026M10).`,
      );
      ok = false;
    } else {
      try {
        period = formPeriod(def.form, periodText, 'period', today);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const d = (err.details as { message: string }[] | undefined)?.[0];
        problems.push({
          row: r.row,
          column: 'period',
          message: pickMessage(d?.message ?? err.code, ctx.lang),
        });
        ok = false;
      }
    }
    if (!ok || !enterpriseId || !period) continue;
    const key = `${enterpriseId}|${periodId(period)}`;
    if (seen.has(key)) {
      add(
        problems,
        r.row,
        'tax_code',
        `Trùng với dòng ${seen.get(key)} (cùng doanh nghiệp và kỳ).`,
        `Duplicates row ${seen.get(key)} (same enterprise and period).`,
      );
      continue;
    }
    seen.set(key, r.row);
    // Access, target and lock: once per enterprise (and period for the lock).
    if (!checked.has(enterpriseId)) {
      try {
        await assertEnterpriseAccess(ctx, 'reporting.import', enterpriseId);
        await assertExpected(ctx.db, def, enterpriseId);
        checked.set(enterpriseId, 'ok');
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        checked.set(enterpriseId, 'refused');
        const reason =
          err.code === 'VALIDATION_FAILED'
            ? bilingual(
                `Doanh nghiệp ${tax} không thuộc đối tượng báo cáo biểu mẫu ${def.form.code}.`,
                `Enterprise ${tax} does not report form ${def.form.code}.`,
              )
            : bilingual(
                `Doanh nghiệp ${tax} nằm ngoài phạm vi quản lý của bạn.`,
                `Enterprise ${tax} is outside your jurisdiction.`,
              );
        problems.push({ row: r.row, column: 'tax_code', message: pickMessage(reason, ctx.lang) });
      }
    }
    if (checked.get(enterpriseId) !== 'ok') continue;
    const lock = await lockState(ctx.db, def.form, period, enterpriseId, today);
    if (lock.locked) {
      add(
        problems,
        r.row,
        'period',
        `Kỳ ${periodText} đã khóa số liệu từ sau ngày ${lock.lockDate}.`,
        `Period ${periodText} is locked since after ${lock.lockDate}.`,
      );
      continue;
    }
    const estimate = ESTIMATE_YES.has((r.cells.get('estimate') ?? '').toLowerCase());
    const values: EntryValueInput[] = [];
    for (const c of cols) {
      if (!c.indicator) continue;
      const text = r.cells.get(c.key);
      if (text === undefined || text === '') continue;
      values.push({ indicator: c.indicator, combo: c.combo ?? '', value: text.replace(/\s/g, ''), estimate });
    }
    const { problems: valueProblems } = checkValues(def, period, values, 'submit', today);
    for (const p of valueProblems) {
      const m = /^values\.([a-z0-9_]+)(?:\[([a-z0-9_]+):([a-z0-9_]+)\])?$/.exec(p.field);
      const column = m ? (m[2] ? `${m[1]}__${m[2]}__${m[3]}` : m[1]!) : null;
      (p.severity === 'blocking' ? problems : warnings).push({
        row: r.row,
        column,
        message: pickMessage(p.message, ctx.lang),
      });
    }
    parsed.push({ row: r.row, enterpriseId, period, values });
  }
  if (problems.length || !parsed.length) return result(rows.length);

  let written = { submissions: 0, values: 0 };
  try {
    await ctx.db.transaction().execute(async (tx) => {
      for (const p of parsed) {
        await submitInTx(tx, ctx, def, p.enterpriseId, p.period, {
          values: p.values,
          source: 'import',
          row: p.row,
        });
        written = { submissions: written.submissions + 1, values: written.values + p.values.length };
      }
      if (opts.dryRun) throw new Rollback();
      await recordAudit(tx, ctx, {
        action: 'reporting.import',
        entityType: 'report_form',
        entityId: formId,
        after: { rows: rows.length, submissions: written.submissions, values: written.values },
      });
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  return result(rows.length, written.submissions, written.values);
}
