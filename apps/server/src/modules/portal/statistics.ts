/**
 * Open statistics: the headline indicators (investment attracted and new projects, FDI and domestic; valid
 * projects and registered capital to date; revenue, exports, imports, budget payments, labour) for the
 * periods staff have released (table statistics_publications) — and only those. Figures come live from the
 * analytics engine (`runAnalytics`, which reads the registry's ledger and the enterprises' reports), cached
 * briefly like every public page. Exact values travel in downloads; pages show the rounded display values.
 */
import { type PeriodType, parsePeriod, periodLabel } from '@heza/shared';
import ExcelJS from 'exceljs';
import type { DbOrTx } from '../../db/client.ts';
import { runAnalytics } from '../analytics/engine.ts';
import { portalCaches } from './cache.ts';
import type { PortalLang } from './langs.ts';
import { MESSAGES } from './messages.ts';
import { releasedPeriods } from './queries.ts';

/** The indicators the portal publishes, in the order it shows them (codes of the analytics catalogue). */
export const PUBLIC_INDICATORS = [
  'fdi_attracted_usd',
  'fdi_new_projects',
  'ddi_attracted_vnd',
  'ddi_new_projects',
  'fdi_valid_projects',
  'fdi_registered_capital_usd',
  'ddi_valid_projects',
  'ddi_registered_capital_vnd',
  'revenue',
  'export',
  'import',
  'budget_payments',
  'labour',
] as const;

/** The licence of the open data. */
export const LICENCE = {
  id: 'CC-BY-4.0',
  name: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
};

/** One released period. */
export interface Release {
  periodId: string;
  type: PeriodType;
  label: string;
  publishedAt: Date;
}

/** One published indicator. */
export interface PublicIndicator {
  code: string;
  name: string;
  displayUnit: string;
  unitLabel: string;
  decimals: number;
}

/** The open statistics in a language. */
export interface OpenStatistics {
  releases: Release[];
  indicators: PublicIndicator[];
  /** `${indicator}|${period}` → exact value (base unit) and display value (display unit), null = no data. */
  values: Map<string, { value: string | null; display: string | null }>;
}

/** Unit labels in every portal language (the catalogue's own labels are Vietnamese and English only). */
function unitLabel(lang: PortalLang, displayUnit: string, fallback: string): string {
  const units = MESSAGES[lang].statistics.units as Record<string, string>;
  const key = displayUnit === 'count' ? 'projects' : displayUnit;
  return units[key] ?? fallback;
}

/** Sort order of periods: by start, then longer first. */
function periodSort(a: Release, b: Release): number {
  const pa = parsePeriod(a.periodId);
  const pb = parsePeriod(b.periodId);
  return pa.year - pb.year || a.periodId.localeCompare(b.periodId);
}

async function load(db: DbOrTx, lang: PortalLang): Promise<OpenStatistics> {
  const released = await releasedPeriods(db);
  const releases: Release[] = released
    .map((r) => {
      const p = parsePeriod(r.periodId);
      return { periodId: r.periodId, type: p.type, label: periodLabel(p, lang), publishedAt: r.publishedAt };
    })
    .sort(periodSort);
  const active = await db
    .selectFrom('indicators')
    .select('code')
    .where('active', '=', true)
    .where('code', 'in', [...PUBLIC_INDICATORS])
    .execute();
  const codes = PUBLIC_INDICATORS.filter((c) => active.some((a) => a.code === c));
  const values = new Map<string, { value: string | null; display: string | null }>();
  if (!releases.length || !codes.length) return { releases, indicators: [], values };
  const result = await runAnalytics(
    db,
    { kind: 'all' },
    {
      indicators: [...codes],
      periods: releases.map((r) => r.periodId),
      dimensions: [],
      measures: [],
      estimates: 'none',
    },
    lang,
  );
  for (const c of result.cells) {
    if (Object.keys(c.keys).length) continue;
    values.set(`${c.indicator}|${c.period}`, { value: c.value, display: c.displayValue });
  }
  const indicators = result.indicators.map((i) => ({
    code: i.code,
    name: i.name,
    displayUnit: i.displayUnit,
    unitLabel: unitLabel(lang, i.displayUnit, i.displayUnitLabel),
    decimals: i.decimals,
  }));
  return { releases, indicators, values };
}

/** The open statistics in a language (cached; a release or withdrawal clears the cache). */
export function openStatistics(db: DbOrTx, lang: PortalLang): Promise<OpenStatistics> {
  return portalCaches(db).statistics.get(`open|${lang}`, () => load(db, lang)) as Promise<OpenStatistics>;
}

/** The data as rows: one per indicator × released period. */
export function statisticsRows(s: OpenStatistics) {
  return s.indicators.flatMap((i) =>
    s.releases.map((r) => {
      const v = s.values.get(`${i.code}|${r.periodId}`);
      return {
        periodId: r.periodId,
        period: r.label,
        indicatorCode: i.code,
        indicator: i.name,
        value: v?.value ?? null,
        displayValue: v?.display ?? null,
        displayUnit: i.unitLabel,
        releasedAt: r.publishedAt.toISOString().slice(0, 10),
      };
    }),
  );
}

const CSV_COLUMNS = [
  'period_id',
  'period',
  'indicator_code',
  'indicator',
  'value',
  'display_value',
  'display_unit',
  'released_at',
] as const;

function csvCell(v: string | null): string {
  if (v === null) return '';
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read Vietnamese correctly): one row per
 * indicator × period; `value` exact in the base unit (USD, VND, persons), `display_value` in the display unit.
 */
export function statisticsCsv(s: OpenStatistics): Buffer {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of statisticsRows(s)) {
    lines.push(
      [
        r.periodId,
        r.period,
        r.indicatorCode,
        r.indicator,
        r.value,
        r.displayValue,
        r.displayUnit,
        r.releasedAt,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}

/** XLSX: the data sheet (same columns as the CSV, numbers as numbers) and a sheet with the licence and source. */
export async function statisticsXlsx(s: OpenStatistics, lang: PortalLang, site: string): Promise<Buffer> {
  const m = MESSAGES[lang].statistics;
  const wb = new ExcelJS.Workbook();
  wb.creator = site;
  wb.created = new Date();
  const data = wb.addWorksheet('data');
  data.columns = CSV_COLUMNS.map((c) => ({ header: c, key: c, width: c === 'indicator' ? 40 : 16 }));
  for (const r of statisticsRows(s)) {
    data.addRow({
      period_id: r.periodId,
      period: r.period,
      indicator_code: r.indicatorCode,
      indicator: r.indicator,
      value: r.value === null ? null : Number(r.value),
      display_value: r.displayValue === null ? null : Number(r.displayValue),
      display_unit: r.displayUnit,
      released_at: r.releasedAt,
    });
  }
  data.getRow(1).font = { bold: true };
  data.views = [{ state: 'frozen', ySplit: 1 }];
  const about = wb.addWorksheet('licence');
  about.columns = [{ width: 24 }, { width: 100 }];
  about.addRows([
    [m.licence, `${LICENCE.name} (${LICENCE.id})`],
    ['URL', LICENCE.url],
    ['', m.licenceText],
    [m.source.split(':')[0] ?? 'Source', m.source.replace('{site}', site)],
    ['generated_at', new Date().toISOString()],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
