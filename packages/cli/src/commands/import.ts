import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pickMessage } from '@heza/shared';
import { IMPORT_ENTITIES, type ImportEntity, type SpreadsheetFormat } from '@heza/shared/registry';
import type { Command } from 'commander';
import type { Db } from '../../../../apps/server/src/db/client.ts';
import { importRegistryFile } from '../../../../apps/server/src/modules/registry/commands/import-registry-file.ts';
import {
  exportEnterprises,
  exportExchangeRates,
  exportLedger,
  exportPlans,
  exportProjects,
  exportZoneAreas,
  exportZoneEvents,
  exportZones,
} from '../../../../apps/server/src/modules/registry/export.ts';
import {
  FORMATS,
  TEMPLATE_MARK,
  templateRows,
} from '../../../../apps/server/src/modules/registry/import-formats.ts';
import {
  readTable,
  type SheetData,
  writeTable,
} from '../../../../apps/server/src/modules/registry/spreadsheet.ts';
import { systemCtx } from '../../../../apps/server/src/platform/context.ts';
import { withDatabase } from '../database.ts';

/** The part of cli-progress used here (the package ships no type declarations). */
interface ProgressBar {
  start(total: number, value: number, payload?: object): void;
  update(value: number, payload?: object): void;
  setTotal(total: number): void;
  stop(): void;
}
const cliProgress = createRequire(import.meta.url)('cli-progress') as {
  SingleBar: new (opts: object, preset: object) => ProgressBar;
  Presets: { shades_classic: object };
};

const formatOf = (file: string): SpreadsheetFormat =>
  path.extname(file).toLowerCase() === '.csv' ? 'csv' : 'xlsx';

function entityOf(value: string): ImportEntity {
  if ((IMPORT_ENTITIES as readonly string[]).includes(value)) return value as ImportEntity;
  throw new Error(
    `Không có loại dữ liệu "${value}" (unknown entity); chọn một trong: ${IMPORT_ENTITIES.join(', ')}`,
  );
}

const EXPORTS: Record<ImportEntity, (db: Db) => Promise<SheetData>> = {
  zones: (db) => exportZones(db, { kind: 'all' }, {}),
  zone_events: (db) => exportZoneEvents(db, { kind: 'all' }),
  zone_areas: (db) => exportZoneAreas(db, { kind: 'all' }),
  enterprises: (db) => exportEnterprises(db, { kind: 'all' }, {}),
  projects: (db) => exportProjects(db, { kind: 'all' }, {}),
  ledger: (db) => exportLedger(db, { kind: 'all' }, {}),
  plans: (db) => exportPlans(db),
  exchange_rates: (db) => exportExchangeRates(db),
};

/**
 * `heza import <file>` (the entity is read from the file's template mark), `heza import template <entity> <file>`
 * and `heza export <entity> <file>`: registry spreadsheets from the command line, XLSX or CSV by file extension.
 */
export function registerImportCommands(program: Command) {
  const imp = program
    .command('import')
    .description(
      'Nhập dữ liệu sổ đăng ký từ tệp XLSX/CSV theo mẫu (import registry data from a template file)',
    )
    .argument('<file>', 'tệp .xlsx hoặc .csv (the file)')
    .option('--dry-run', 'chỉ kiểm tra, không ghi (validate only)')
    .option('--entity <entity>', `loại dữ liệu, mặc định đọc từ ô A1–B1 (${IMPORT_ENTITIES.join(' | ')})`)
    .action(async (file: string, opts: { dryRun?: boolean; entity?: string }) => {
      const buf = readFileSync(file);
      const format = formatOf(file);
      let entity: ImportEntity;
      if (opts.entity) entity = entityOf(opts.entity);
      else {
        const mark = (await readTable(buf, format))[0] ?? [];
        if (mark[0] !== TEMPLATE_MARK)
          throw new Error(`Ô A1 không phải "${TEMPLATE_MARK}": không phải mẫu HEZA (not a HEZA template)`);
        entity = entityOf(mark[1] ?? '');
      }
      const bar = process.stderr.isTTY
        ? new cliProgress.SingleBar(
            {
              format: '  {bar} {percentage}% | {value}/{total} dòng (rows) | {phase}',
              hideCursor: true,
              stream: process.stderr,
            },
            cliProgress.Presets.shades_classic,
          )
        : null;
      let started = false;
      const report = await withDatabase((db) =>
        importRegistryFile(systemCtx(db, 'cli-import'), entity, buf, {
          dryRun: opts.dryRun,
          format,
          onProgress: (p) => {
            if (!bar) return;
            if (!started) {
              bar.start(p.total, p.done, { phase: p.phase });
              started = true;
            }
            bar.setTotal(p.total);
            bar.update(p.done, { phase: p.phase === 'validate' ? 'kiểm tra (validating)' : 'ghi (writing)' });
          },
        }),
      );
      bar?.stop();
      for (const p of report.problems) {
        console.error(
          `  dòng (row) ${p.row}${p.column ? `, cột (column) ${p.column}` : ''}: ${pickMessage(p.message, 'vi')}`,
        );
      }
      const verdict = report.accepted
        ? report.dryRun
          ? 'Hợp lệ (valid, dry run: nothing written)'
          : 'Đã nhập (imported)'
        : 'Không nhập (refused)';
      console.log(
        `${verdict}: ${FORMATS[entity].titleVi} — ${report.rows} dòng; thêm ${report.created}, sửa ${report.updated}, không đổi ${report.unchanged}; ${report.problems.length} lỗi.`,
      );
      if (!report.accepted) process.exitCode = 1;
    });

  imp
    .command('template')
    .description('Tải mẫu nhập (write an empty template with one example row)')
    .argument('<entity>', IMPORT_ENTITIES.join(' | '))
    .argument('<file>', 'tệp .xlsx hoặc .csv')
    .action(async (entityName: string, file: string) => {
      const entity = entityOf(entityName);
      writeFileSync(file, await writeTable(formatOf(file), { name: entity, rows: templateRows(entity) }));
      console.log(`Đã ghi mẫu ${entity} v${FORMATS[entity].version} (template written): ${file}`);
    });

  program
    .command('export')
    .description(
      'Xuất dữ liệu sổ đăng ký ra XLSX/CSV theo mẫu nhập (export registry data in the import format)',
    )
    .argument('<entity>', IMPORT_ENTITIES.join(' | '))
    .argument('<file>', 'tệp .xlsx hoặc .csv')
    .action(async (entityName: string, file: string) => {
      const entity = entityOf(entityName);
      const sheet = await withDatabase((db) => EXPORTS[entity](db));
      writeFileSync(file, await writeTable(formatOf(file), sheet));
      console.log(`Đã xuất ${sheet.rows.length - 2} dòng (rows exported): ${file}`);
    });
}
