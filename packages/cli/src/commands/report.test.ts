import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../../apps/server/src/db/seed/demo.ts';
import { docxText } from '../../../../apps/server/src/modules/official-reports/testing/ooxml.ts';
import { seedReportingDemo } from '../../../../apps/server/src/modules/reporting/seed.ts';
import { createTestDb } from '../../../../apps/server/test/harness.ts';
import { registerReportCommands } from './report.ts';

let db: Awaited<ReturnType<typeof createTestDb>>;
let dir: string;
const savedUrl = process.env.DATABASE_URL;

/** Runs `heza <args>` in-process; returns its output and exit code. */
async function heza(...args: string[]): Promise<{ out: string; err: string; code: number }> {
  let out = '';
  let err = '';
  const program = new Command()
    .exitOverride()
    .configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
  registerReportCommands(program);
  try {
    await program.parseAsync(['node', 'heza', ...args]);
    return { out, err, code: 0 };
  } catch (e) {
    return { out, err, code: (e as { exitCode?: number }).exitCode ?? 1 };
  }
}

beforeAll(async () => {
  db = await createTestDb();
  await seedDemo(db.db);
  await seedReportingDemo(db.db);
  // The CLI opens the configured database: point it at this test's copy.
  process.env.DATABASE_URL = db.url;
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'heza-cli-report-'));
}, 240_000);
afterAll(async () => {
  if (savedUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = savedUrl;
  await fs.rm(dir, { recursive: true, force: true });
  await db?.drop();
});

describe('heza report', () => {
  it('should list the templates', async () => {
    const r = await heza('report', 'templates');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^integration\s+half_year,year,ytd/m);
    expect(r.out).toMatch(/^fta\s/m);
    expect(r.out).toMatch(/^investment-summary\s/m);
  });

  it('should render the integration report for 2024YTD11 to DOCX from the data, without the UI', async () => {
    const out = path.join(dir, 'report.docx');
    const r = await heza(
      'report',
      'render',
      '--template',
      'integration',
      '--period',
      '2024YTD11',
      '--format',
      'docx',
      '--out',
      out,
      '--as-of',
      '2024-11-25',
    );
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Đã ghi');
    const text = await docxText(await fs.readFile(out));
    expect(text).toContain('tổng vốn thu hút đầu tư ước đạt 2.869 triệu USD, đạt 143,5% kế hoạch năm.');
    expect(text).toContain('- Nộp ngân sách: Ước đạt 12.487 tỷ đồng, đạt 105,0% kế hoạch năm.');
  }, 60_000);

  it('should render a PDF', async () => {
    const out = path.join(dir, 'report.pdf');
    const r = await heza(
      'report',
      'render',
      '--template',
      'investment-summary',
      '--period',
      '2024YTD11',
      '--format',
      'pdf',
      '--out',
      out,
    );
    expect(r.code, r.err).toBe(0);
    expect((await fs.readFile(out)).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it('should refuse a bad period, an unknown template and a period type the template does not cover, with exit code 2', async () => {
    const out = path.join(dir, 'x.docx');
    expect(
      (await heza('report', 'render', '--template', 'integration', '--period', '2024X', '--out', out)).code,
    ).toBe(2);
    const unknown = await heza('report', 'render', '--template', 'nope', '--period', '2024', '--out', out);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('không có mẫu');
    expect(
      (await heza('report', 'render', '--template', 'integration', '--period', '2024M03', '--out', out)).code,
    ).toBe(2);
    await expect(fs.stat(out)).rejects.toThrow();
  });
});
