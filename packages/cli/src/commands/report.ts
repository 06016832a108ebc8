/**
 * `heza report …`: official reports from the command line, without the UI — `templates` lists the report
 * templates; `render` composes a template for a period from the current data (or as known at `--as-of`)
 * and writes the DOCX (Decree 30/2020 layout) or its PDF. The output is a draft: no number, blank date.
 * Messages are Vietnamese first, English in parentheses; bad input exits with code 2.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { type Command, Option } from 'commander';
import { composeDocument } from '../../../../apps/server/src/modules/official-reports/compose.ts';
import { renderDocx } from '../../../../apps/server/src/modules/official-reports/document/docx.ts';
import { renderPdf } from '../../../../apps/server/src/modules/official-reports/document/pdf.ts';
import { computeFigures } from '../../../../apps/server/src/modules/official-reports/figures/compute.ts';
import { getTemplate, listTemplates } from '../../../../apps/server/src/modules/official-reports/queries.ts';
import { assertPeriodAllowed } from '../../../../apps/server/src/modules/official-reports/rules.ts';
import { ensureShippedTemplates } from '../../../../apps/server/src/modules/official-reports/templates/shipped.ts';
import { contentFigures } from '../../../shared/src/official-reports.ts';
import { tryParsePeriod } from '../../../shared/src/periods.ts';
import { todayVn } from '../../../shared/src/registry.ts';
import { withDatabase } from '../database.ts';

const EXIT_BAD_INPUT = 2;

function fail(cmd: Command, message: string, code: string): never {
  cmd.error(message, { exitCode: EXIT_BAD_INPUT, code });
  throw new Error(message);
}

function write(cmd: Command, text: string): void {
  const writeOut = cmd.configureOutput().writeOut;
  if (writeOut) writeOut(text);
  else process.stdout.write(text);
}

/** Registers `heza report templates` and `heza report render`. */
export function registerReportCommands(program: Command): void {
  const report = program
    .command('report')
    .description('Báo cáo chính thức từ dữ liệu (official reports generated from data)');

  report
    .command('templates')
    .description('Liệt kê các mẫu báo cáo (list the report templates)')
    .action(async function (this: Command) {
      const items = await withDatabase(async (db) => {
        await ensureShippedTemplates(db);
        return listTemplates(db, { includeInactive: true });
      });
      const width = Math.max(...items.map((i) => i.code.length), 4);
      for (const t of items) {
        write(
          this,
          `${t.code.padEnd(width)}  ${t.periodTypes.join(',').padEnd(28)}  v${t.version}${t.active ? '' : ' (ngừng dùng)'}  ${t.nameVi}\n`,
        );
      }
    });

  report
    .command('render')
    .description(
      'Tạo báo cáo từ dữ liệu hiện có, không cần giao diện (render a report from the current data)',
    )
    .requiredOption('--template <code>', 'mã mẫu báo cáo, ví dụ integration (template code)')
    .requiredOption('--period <id>', 'kỳ báo cáo, ví dụ 2024YTD11, 2025S1, 2024 (period)')
    .addOption(new Option('--format <format>', 'định dạng (format)').choices(['docx', 'pdf']).default('docx'))
    .requiredOption('--out <file>', 'tệp kết quả (output file)')
    .option('--as-of <date>', 'số liệu như đã biết tại ngày này, YYYY-MM-DD (figures as known at this date)')
    .action(async function (
      this: Command,
      o: { template: string; period: string; format: 'docx' | 'pdf'; out: string; asOf?: string },
    ) {
      if (!tryParsePeriod(o.period)) {
        fail(
          this,
          `Lỗi: kỳ "${o.period}" không hợp lệ, ví dụ 2024YTD11, 2025S1, 2024. (Error: invalid period.)`,
          'heza.report.period',
        );
      }
      if (o.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(o.asOf)) {
        fail(
          this,
          `Lỗi: --as-of "${o.asOf}" không phải ngày YYYY-MM-DD. (Error: --as-of must be YYYY-MM-DD.)`,
          'heza.report.asOf',
        );
      }
      const result = await withDatabase(async (db) => {
        await ensureShippedTemplates(db);
        const template = await getTemplate(db, o.template).catch(() => null);
        if (!template)
          return {
            error: `Lỗi: không có mẫu "${o.template}" (dùng "heza report templates"). (Error: no such template.)`,
          };
        try {
          assertPeriodAllowed(o.period, template.periodTypes);
        } catch {
          return {
            error: `Lỗi: mẫu "${o.template}" dùng cho các loại kỳ ${template.periodTypes.join(', ')}. (Error: period type not covered.)`,
          };
        }
        const figures = await computeFigures(db, {
          periodId: o.period,
          asOf: o.asOf ?? null,
          keys: contentFigures(template.content),
        });
        const composed = composeDocument(template.content, {
          periodId: o.period,
          figures,
          issued: null,
          today: todayVn(),
        });
        const docx = await renderDocx(composed.doc);
        const bytes = o.format === 'docx' ? docx : (await renderPdf(composed.doc, { docx })).bytes;
        return { bytes, composed, knownAt: figures.knownAt };
      });
      if ('error' in result) fail(this, result.error!, 'heza.report.input');
      await fs.mkdir(path.dirname(path.resolve(o.out)), { recursive: true });
      await fs.writeFile(o.out, result.bytes);
      write(
        this,
        `Đã ghi ${o.out} (${result.bytes.length} byte): ${result.composed.used.length} số liệu, ${result.composed.doc.footnotes.length} chú thích, số liệu tại ngày ${result.knownAt}.\n` +
          `(Wrote ${o.out}: ${result.composed.used.length} figures, ${result.composed.doc.footnotes.length} footnotes, data as known at ${result.knownAt}.)\n`,
      );
      if (result.composed.missing.length) {
        process.stderr.write(
          `Thiếu ${result.composed.missing.length} số liệu (missing figures): ${result.composed.missing.map((m) => m.key).join(', ')}\n`,
        );
      }
    });
}
