/**
 * The registry's Hai Phong demo data: zone lifecycles and areas, exchange rates, plans, and ~850 synthetic
 * investment projects (FDI and domestic) with ~2 300 certificate ledger entries since 1994, all labelled demo.
 *
 * The synthetic ledger is CALIBRATED: the figures the registry derives for the first 10 and 11 months of 2024
 * reproduce published-figures.json (new / adjusted / share-purchase counts and capital, totals, cumulative valid
 * projects and capital, FDI in USD and DDI in VND), and the first 10 months of 2023 give the "same period last
 * year" totals. Amounts are drawn at random (seeded PRNG, so the data is the same on every machine) and then
 * scaled so each published total is met to the cent. Assumptions are listed in README.md ("Demo data").
 *
 * Every entry goes through the same `planEntry` rules as the API, so the demo cannot hold a ledger the API
 * would refuse. Idempotent: nothing is written when demo projects exist already.
 */
import { slugifyVi } from '@heza/shared';
import { sql } from 'kysely';
import type { Db, Tx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { systemCtx } from '../../platform/context.ts';
import { ledgerRow } from './commands/append-ledger-entry.ts';
import { dec, fmt, mul } from './decimal.ts';
import { DEMO_ZONES, type DemoZone, ESTABLISHED_BY_2024 } from './demo-zones.ts';
import { type Rate, RateBook } from './fx.ts';
import { type EntryInput, emptyLedger, type PlannedEntry, planEntry } from './ledger-rules.ts';

// ---------------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: a tiny deterministic PRNG. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = ReturnType<typeof prng>;

function pick<T>(rand: Rand, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r <= 0) return item;
  }
  return items[items.length - 1]![0];
}

const DAY = 86_400_000;
const toDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** A random date in [from, to], both 'YYYY-MM-DD'. */
function randomDate(rand: Rand, from: string, to: string): string {
  const a = ms(from);
  const b = ms(to);
  return toDate(a + Math.floor(rand() * ((b - a) / DAY + 1)) * DAY);
}

/**
 * Splits `total` (fixed-point) into `n` random positive parts that add up exactly, each a multiple of `unit`
 * (fixed-point): log-normal-ish weights, rounded, residue on the largest part.
 */
function split(rand: Rand, total: bigint, n: number, unit: bigint): bigint[] {
  if (n === 0) return [];
  const weights = Array.from({ length: n }, () => Math.exp(rand() * 2.2));
  const sumW = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => {
    const raw = (total * BigInt(Math.round((w / sumW) * 1e9))) / 1_000_000_000n;
    const rounded = (raw / unit) * unit;
    return rounded > unit ? rounded : unit;
  });
  const residue = total - parts.reduce((a, b) => a + b, 0n);
  let largest = 0;
  parts.forEach((p, i) => {
    if (p > parts[largest]!) largest = i;
  });
  parts[largest] = parts[largest]! + residue;
  if (parts[largest]! <= 0n) throw new Error('demo split produced a non-positive amount');
  return parts;
}

// ---------------------------------------------------------------------------------------------------
// Calibration targets (published-figures.json; amounts in millions of USD for FDI, billions of VND for DDI)

const M = dec('1000000'); // one million, fixed-point
const BN = dec('1000000000'); // one billion, fixed-point
const usdM = (s: string) => mul(dec(s), M);
const vndBn = (s: string) => mul(dec(s), BN);

interface Targets {
  type: 'fdi' | 'ddi';
  currency: 'USD' | 'VND';
  amount: (s: string) => bigint;
  /** Distribution granularity: 10 000 USD or 1 million VND. */
  unit: bigint;
  /** Valid projects at 2023-12-31 and their capital. */
  alive2023: number;
  stock2023: string;
  /** Registrations terminated before 2023 (their entries net to zero). */
  dead: number;
  flows2023: {
    newCount: number;
    newAmount: string;
    adjCount: number;
    adjAmount: string;
    shareCount: number;
    shareAmount: string;
  };
  lateNew2023: number;
  historicalAdjustments: number;
  ytd10: { newCount: number; newAmount: string; adjCount: number; adjAmount: string; terminations: string[] };
  nov: {
    newCount: number;
    newAmount: string;
    adjCount: number;
    adjAmount: string;
    shareCount: number;
    shareAmount: string;
    terminations: string[];
    transfersIn: string[];
    decrease?: { from: string; amount: string };
  };
  dec: { newCount: number; newAmount: string; adjCount: number; adjAmount: string; terminations: string[] };
}

/**
 * FDI: 577 projects / 27 434 MUSD at 31/10/2024 and 581 / 28 850 at 30/11/2024; 2024 new 50 → 56 (459 → 621,4),
 * adjusted 42 → 49 (876,14 → 2 226,2), 5 share purchases (21,4) in November, so 2 November terminations remove
 * 96,46; first 10 months of 2023: 2 935. December 2024 reaches the press figures (4 350 attracted, 30 300
 * cumulative).
 */
const FDI: Targets = {
  type: 'fdi',
  currency: 'USD',
  amount: usdM,
  unit: dec('10000'),
  alive2023: 530,
  stock2023: '26139.36',
  dead: 25,
  flows2023: {
    newCount: 40,
    newAmount: '1200',
    adjCount: 35,
    adjAmount: '1700',
    shareCount: 4,
    shareAmount: '35',
  },
  lateNew2023: 6,
  historicalAdjustments: 320,
  ytd10: {
    newCount: 50,
    newAmount: '459',
    adjCount: 42,
    adjAmount: '876.14',
    terminations: ['12', '8.5', '20'],
  },
  nov: {
    newCount: 6,
    newAmount: '162.4',
    adjCount: 7,
    adjAmount: '1350.06',
    shareCount: 5,
    shareAmount: '21.4',
    terminations: ['50', '46.46'],
    transfersIn: [],
  },
  dec: { newCount: 10, newAmount: '300', adjCount: 8, adjAmount: '1181', terminations: ['31'] },
};

/**
 * DDI: 225 / 319 873 bn VND at 31/10/2024 and 229 / 320 836 at 30/11/2024 with only 2 new registrations (964) in
 * November: the demo assumes 2 existing projects came under the authority's management (transfer_in, 70 + 50)
 * and one project's capital was decreased by 121, which reproduces both published cumulative figures.
 */
const DDI: Targets = {
  type: 'ddi',
  currency: 'VND',
  amount: vndBn,
  unit: dec('1000000'),
  alive2023: 218,
  stock2023: '318581',
  dead: 8,
  flows2023: {
    newCount: 12,
    newAmount: '20000',
    adjCount: 6,
    adjAmount: '3847',
    shareCount: 0,
    shareAmount: '0',
  },
  lateNew2023: 3,
  historicalAdjustments: 60,
  ytd10: { newCount: 8, newAmount: '1093', adjCount: 5, adjAmount: '214', terminations: ['15'] },
  nov: {
    newCount: 2,
    newAmount: '964',
    adjCount: 0,
    adjAmount: '0',
    shareCount: 0,
    shareAmount: '0',
    terminations: [],
    transfersIn: ['70', '50'],
    decrease: { from: '500', amount: '121' },
  },
  dec: { newCount: 3, newAmount: '450', adjCount: 0, adjAmount: '0', terminations: [] },
};

// ---------------------------------------------------------------------------------------------------
// Vocabulary for names

const FDI_COUNTRIES = [
  ['KR', 28],
  ['JP', 24],
  ['CN', 12],
  ['SG', 8],
  ['TW', 8],
  ['HK', 5],
  ['US', 3],
  ['DE', 2],
  ['NL', 2],
  ['TH', 2],
  ['MY', 2],
  ['VG', 2],
  ['BE', 1],
  ['FR', 1],
] as const;
const FDI_SECTORS = [
  ['2610', 14],
  ['2620', 6],
  ['2630', 6],
  ['2640', 8],
  ['2670', 4],
  ['2710', 6],
  ['2720', 4],
  ['2740', 3],
  ['2750', 5],
  ['2930', 6],
  ['2220', 6],
  ['2211', 3],
  ['1410', 4],
  ['1520', 3],
  ['2013', 3],
  ['2511', 3],
  ['2599', 3],
  ['3011', 2],
  ['3290', 3],
  ['5210', 4],
  ['5229', 3],
] as const;
const DDI_SECTORS = [
  ['5210', 6],
  ['5224', 4],
  ['5229', 4],
  ['6810', 4],
  ['2410', 2],
  ['2511', 3],
  ['2220', 3],
  ['1079', 2],
  ['3700', 1],
  ['3821', 1],
  ['2013', 1],
  ['3011', 2],
] as const;
const SECTOR_VI: Record<string, string> = {
  '2610': 'sản xuất linh kiện điện tử',
  '2620': 'sản xuất thiết bị máy tính',
  '2630': 'sản xuất thiết bị truyền thông',
  '2640': 'sản xuất điện tử dân dụng',
  '2670': 'sản xuất thiết bị quang học',
  '2710': 'sản xuất thiết bị điện',
  '2720': 'sản xuất pin và ắc quy',
  '2740': 'sản xuất thiết bị chiếu sáng',
  '2750': 'sản xuất đồ điện gia dụng',
  '2930': 'sản xuất phụ tùng ô tô',
  '2220': 'sản xuất sản phẩm nhựa',
  '2211': 'sản xuất săm lốp',
  '1410': 'may mặc',
  '1520': 'sản xuất giày dép',
  '2013': 'sản xuất hạt nhựa',
  '2511': 'sản xuất kết cấu thép',
  '2599': 'gia công kim loại',
  '3011': 'đóng tàu',
  '3290': 'sản xuất hàng tiêu dùng',
  '5210': 'kho bãi logistics',
  '5224': 'bốc xếp hàng hóa',
  '5229': 'dịch vụ hỗ trợ vận tải',
  '6810': 'kinh doanh hạ tầng',
  '2410': 'sản xuất thép',
  '1079': 'chế biến thực phẩm',
  '3700': 'xử lý nước thải',
  '3821': 'xử lý chất thải',
};
const SYLLABLES: Record<string, string[]> = {
  KR: ['Han', 'Dae', 'Seo', 'Min', 'Jin', 'Sung', 'Hyun', 'Kyung', 'Young', 'Woo'],
  JP: ['Taka', 'Naka', 'Yama', 'Mori', 'Shin', 'Kawa', 'Hoshi', 'Sakura', 'Fuji', 'Tomo'],
  CN: ['Hua', 'Xin', 'Jia', 'Long', 'Feng', 'Tian', 'Rui', 'Sheng', 'Kang', 'Mei'],
  VN: ['Hải', 'Đông', 'Minh', 'Phát', 'Thịnh', 'An', 'Hưng', 'Long', 'Phú', 'Việt'],
};
const LATIN = ['Nova', 'Astra', 'Orion', 'Vega', 'Polaris', 'Atlas', 'Zenit', 'Lumen', 'Terra', 'Vertex'];

function brand(rand: Rand, country: string): string {
  const pool = SYLLABLES[country] ?? LATIN;
  const a = pool[Math.floor(rand() * pool.length)]!;
  const b = pool[Math.floor(rand() * pool.length)]!;
  return country === 'VN' ? `${a} ${b}` : `${a}${b.toLowerCase()}`;
}

// ---------------------------------------------------------------------------------------------------
// The synthetic projects

interface PlanProject {
  code: string;
  type: 'fdi' | 'ddi';
  country: string;
  vsic: string;
  zone: string;
  first: string;
  entries: EntryInput[];
  /** Set when the project must belong to a given enterprise (the demo enterprise account). */
  enterpriseTaxCode?: string;
}

interface ZoneSlot {
  nameVi: string;
  from: string;
  weight: number;
}

/** Builds every project of one investment type with its dated entries (not yet checked). */
function buildProjects(rand: Rand, t: Targets, zones: ZoneSlot[], codeStart: number): PlanProject[] {
  const projects: PlanProject[] = [];
  let codeSeq = codeStart;
  const amt = t.amount;
  const sectors = t.type === 'fdi' ? FDI_SECTORS : DDI_SECTORS;

  const newProject = (
    firstDate: string,
    capital: bigint,
    kind: 'new' | 'transfer_in' = 'new',
  ): PlanProject => {
    const eligible = zones.filter((z) => z.from <= firstDate);
    const zone = pick(
      rand,
      (eligible.length ? eligible : zones).map((z) => [z.nameVi, z.weight] as const),
    );
    codeSeq += 1;
    const year = Number(firstDate.slice(0, 4));
    // Projects licensed before 2015 keep their old licence number as project code (Decree 31/2021 Art. 37).
    const code =
      year < 2015
        ? `0210${t.type === 'fdi' ? '43' : '22'}${String(codeSeq).padStart(6, '0')}`
        : `${t.type === 'fdi' ? '21' : '22'}${String(codeSeq).padStart(8, '0')}`;
    const p: PlanProject = {
      code,
      type: t.type,
      country: t.type === 'ddi' ? 'VN' : pick(rand, FDI_COUNTRIES),
      vsic: pick(rand, sectors),
      zone,
      first: firstDate,
      entries: [
        {
          kind,
          certificateNo: code,
          amendmentNo: kind === 'new' ? 0 : 1,
          certificateDate: firstDate,
          capitalChange: fmt(capital),
        },
      ],
    };
    projects.push(p);
    return p;
  };
  const adjust = (p: PlanProject, date: string, change: bigint) => {
    const n = p.entries.filter((e) => e.certificateNo === p.code).length;
    p.entries.push({
      kind: 'adjustment',
      certificateNo: p.code,
      amendmentNo: n,
      certificateDate: date,
      capitalChange: fmt(change),
    });
  };
  const yearWeights: [string, number][] = [];
  for (let y = 1995; y <= 2022; y++) yearWeights.push([String(y), y < 2005 ? 1 : y < 2015 ? 2 : 4]);
  const historicDate = () => {
    const y = pick(rand, yearWeights);
    return randomDate(rand, `${y}-01-01`, `${y}-12-31`);
  };

  // 1. Projects terminated before 2023: their entries net to zero, so amounts are free.
  for (let i = 0; i < t.dead; i++) {
    const start = randomDate(rand, '1996-01-01', '2016-12-31');
    const p = newProject(
      start,
      amt(t.type === 'fdi' ? '5' : '40') + BigInt(Math.floor(rand() * 20)) * amt('1'),
    );
    if (rand() < 0.5) adjust(p, randomDate(rand, toDate(ms(start) + 200 * DAY), '2019-12-31'), amt('2'));
    p.entries.push({
      kind: 'termination',
      certificateNo: `CD-${p.code}`,
      amendmentNo: 0,
      certificateDate: randomDate(rand, '2020-01-01', '2022-12-31'),
    });
  }

  // 2. Projects alive at 31/12/2023. Some have a fixed capital: those terminated in 2024, and the one decreased.
  const fixed = [
    ...t.ytd10.terminations,
    ...t.nov.terminations,
    ...t.dec.terminations,
    ...(t.nov.decrease ? [t.nov.decrease.from] : []),
  ];
  const fixedProjects = fixed.map((c) => newProject(randomDate(rand, '2005-01-01', '2019-12-31'), amt(c)));
  const new2023 = split(rand, amt(t.flows2023.newAmount), t.flows2023.newCount, t.unit).map((c) =>
    newProject(randomDate(rand, '2023-01-01', '2023-10-31'), c),
  );
  const freeCount = t.alive2023 - fixedProjects.length - new2023.length;
  const lateCount = t.lateNew2023;
  const freeTotal =
    amt(t.stock2023) -
    amt(t.flows2023.newAmount) -
    amt(t.flows2023.adjAmount) -
    fixed.reduce((s, c) => s + amt(c), 0n);
  const freeParts = split(rand, freeTotal, freeCount + t.historicalAdjustments, t.unit);
  const freeProjects: PlanProject[] = [];
  for (let i = 0; i < freeCount; i++) {
    const date = i < lateCount ? randomDate(rand, '2023-11-01', '2023-12-31') : historicDate();
    freeProjects.push(newProject(date, freeParts[i]!));
  }
  const older = freeProjects.filter((p) => p.first <= '2021-12-31');
  for (let i = 0; i < t.historicalAdjustments; i++) {
    const p = older[Math.floor(rand() * older.length)]!;
    const last = p.entries[p.entries.length - 1]!.certificateDate;
    const date = randomDate(rand, toDate(Math.min(ms(last) + 90 * DAY, ms('2022-12-31'))), '2022-12-31');
    adjust(p, date, freeParts[freeCount + i]!);
  }
  // The demo enterprise account's projects: the first two domestic ones.
  if (t.type === 'ddi')
    for (const p of freeProjects.slice(lateCount, lateCount + 2)) p.enterpriseTaxCode = '0200000001';

  // Distinct older projects for each round of adjustments (a project is adjusted at most once a year here).
  const pool = [...older].sort(() => rand() - 0.5);
  const take = (n: number) => pool.splice(0, n);
  const adjustMany = (n: number, total: string, from: string, to: string) => {
    const parts = split(rand, amt(total), n, t.unit);
    for (const [i, p] of take(n).entries()) adjust(p, randomDate(rand, from, to), parts[i]!);
  };
  adjustMany(t.flows2023.adjCount, t.flows2023.adjAmount, '2023-01-01', '2023-10-31');
  if (t.flows2023.shareCount) {
    split(rand, amt(t.flows2023.shareAmount), t.flows2023.shareCount, t.unit).forEach((part, i) => {
      const p = pool[pool.length - 1 - i]!;
      p.entries.push({
        kind: 'share_purchase',
        certificateNo: `GV-2023-${p.code}`,
        amendmentNo: 0,
        certificateDate: randomDate(rand, '2023-01-01', '2023-10-31'),
        dealValue: fmt(part),
      });
    });
  }

  // 3. 2024, month by month.
  const terminate = (projectsToEnd: PlanProject[], from: string, to: string) => {
    for (const p of projectsToEnd) {
      p.entries.push({
        kind: 'termination',
        certificateNo: `CD-${p.code}`,
        amendmentNo: 0,
        certificateDate: randomDate(rand, from, to),
        reason: 'Nhà đầu tư đề nghị chấm dứt (demo)',
      });
    }
  };
  let fixedAt = 0;
  const nextFixed = (n: number) => {
    fixedAt += n;
    return fixedProjects.slice(fixedAt - n, fixedAt);
  };
  const period = (
    p: { newCount: number; newAmount: string; adjCount: number; adjAmount: string; terminations: string[] },
    from: string,
    to: string,
  ) => {
    for (const c of split(rand, amt(p.newAmount), p.newCount, t.unit))
      newProject(randomDate(rand, from, to), c);
    if (p.adjCount) adjustMany(p.adjCount, p.adjAmount, from, to);
    terminate(nextFixed(p.terminations.length), from, to);
  };
  period(t.ytd10, '2024-01-01', '2024-10-31');
  period(t.nov, '2024-11-01', '2024-11-30');
  if (t.nov.shareCount) {
    split(rand, amt(t.nov.shareAmount), t.nov.shareCount, t.unit).forEach((v, i) => {
      const p = pool[pool.length - 1 - i]!;
      p.entries.push({
        kind: 'share_purchase',
        certificateNo: `GV-2024-${p.code}`,
        amendmentNo: 0,
        certificateDate: randomDate(rand, '2024-11-01', '2024-11-30'),
        dealValue: fmt(v),
      });
    });
  }
  for (const c of t.nov.transfersIn) {
    const p = newProject(randomDate(rand, '2024-11-01', '2024-11-30'), amt(c), 'transfer_in');
    p.entries[0]!.reason =
      'Dự án chuyển về địa bàn quản lý của Ban (điều chỉnh ranh giới khu; giả định demo)';
  }
  if (t.nov.decrease) {
    const p = nextFixed(1)[0]!;
    const n = p.entries.filter((e) => e.certificateNo === p.code).length;
    p.entries.push({
      kind: 'adjustment',
      certificateNo: p.code,
      amendmentNo: n,
      certificateDate: randomDate(rand, '2024-11-01', '2024-11-30'),
      capitalChange: fmt(-amt(t.nov.decrease.amount)),
      reason: 'Điều chỉnh giảm vốn (demo)',
    });
  }
  period(t.dec, '2024-12-01', '2024-12-31');
  return projects;
}

// ---------------------------------------------------------------------------------------------------
// Writing

/** Demo yearly average VND per USD: 23 400 for 2024–2025 (the authority's published conversion rate), demo before. */
const USD_RATES: Record<number, string> = {
  1994: '11000',
  1995: '11000',
  1996: '11100',
  1997: '11700',
  1998: '13300',
  1999: '13900',
  2000: '14200',
  2001: '14800',
  2002: '15300',
  2003: '15500',
  2004: '15800',
  2005: '15900',
  2006: '16000',
  2007: '16100',
  2008: '16500',
  2009: '17800',
  2010: '18600',
  2011: '20500',
  2012: '20800',
  2013: '21000',
  2014: '21200',
  2015: '21900',
  2016: '22300',
  2017: '22700',
  2018: '23000',
  2019: '23200',
  2020: '23200',
  2021: '23100',
  2022: '23600',
  2023: '23800',
  2024: '23400',
  2025: '23400',
  // Demo only: 2025's rate carried into 2026 so certificates dated this year can be entered in the demo.
  2026: '23400',
};

async function seedRates(tx: Tx): Promise<RateBook> {
  const rows = Object.entries(USD_RATES).map(([year, rate]) => ({
    currency: 'USD',
    kind: 'yearly_average',
    valid_from: `${year}-01-01`,
    valid_to: `${year}-12-31`,
    vnd_per_unit: rate,
    source:
      Number(year) === 2026
        ? 'demo (tỷ giá 2025 dùng tạm cho năm 2026)'
        : Number(year) >= 2024
          ? 'Tỷ giá quy đổi bình quân Ban Quản lý dùng trong báo cáo (báo cáo 6 tháng 2025)'
          : 'demo',
    is_demo: Number(year) < 2024 || Number(year) > 2025,
  }));
  await tx
    .insertInto('exchange_rates')
    .values(rows)
    .onConflict((oc) => oc.constraint('exchange_rates_natural_key').doNothing())
    .execute();
  const all = await tx
    .selectFrom('exchange_rates')
    .select(['id', 'currency', 'kind', 'valid_from', 'valid_to', 'vnd_per_unit'])
    .execute();
  return new RateBook(
    all.map(
      (r): Rate => ({
        id: r.id,
        currency: r.currency,
        kind: r.kind,
        validFrom: r.valid_from,
        validTo: r.valid_to,
        vndPerUnit: dec(r.vnd_per_unit),
      }),
    ),
  );
}

async function seedPlans(tx: Tx) {
  const plan = (
    indicator: string,
    unit: string,
    yearFrom: number,
    yearTo: number,
    value: string | null,
    range: [string, string] | null,
    effective: string,
    source: string,
    decision?: string,
  ) => ({
    indicator,
    unit,
    year_from: yearFrom,
    year_to: yearTo,
    value,
    range_low: range?.[0] ?? null,
    range_high: range?.[1] ?? null,
    decision_no: decision ?? null,
    effective_from: effective,
    source,
  });
  await tx
    .insertInto('plans')
    .values([
      plan(
        'fdi_attracted_usd_m',
        'usd_m',
        2024,
        2024,
        '2000',
        null,
        '2024-01-01',
        'Báo cáo 11 tháng 2024, chú thích 1',
      ),
      plan(
        'ddi_attracted_vnd_bn',
        'vnd_bn',
        2024,
        2024,
        '10000',
        null,
        '2024-01-01',
        'Báo cáo 10 tháng 2024, chú thích 4',
      ),
      plan(
        'revenue_usd_m',
        'usd_m',
        2024,
        2024,
        '31872',
        null,
        '2024-01-01',
        'Báo cáo 11 tháng 2024, chú thích 2 (754.775 tỷ đồng)',
      ),
      plan(
        'export_usd_m',
        'usd_m',
        2024,
        2024,
        '26050',
        null,
        '2024-01-01',
        'Báo cáo 11 tháng 2024, chú thích 3',
      ),
      plan(
        'import_usd_m',
        'usd_m',
        2024,
        2024,
        '21328',
        null,
        '2024-01-01',
        'Báo cáo 11 tháng 2024, chú thích 4',
      ),
      plan(
        'budget_vnd_bn',
        'vnd_bn',
        2024,
        2024,
        '11895',
        null,
        '2024-01-01',
        'Báo cáo 11 tháng 2024, chú thích 5',
      ),
      plan(
        'fdi_attracted_usd_m',
        'usd_m',
        2025,
        2025,
        null,
        ['3500', '3800'],
        '2024-12-30',
        'Báo cáo 6 tháng 2025',
        '4868/QĐ-UBND',
      ),
      plan(
        'fdi_attracted_usd_m',
        'usd_m',
        2021,
        2025,
        null,
        ['12500', '15000'],
        '2021-01-01',
        'Báo cáo 11 tháng 2024, mục IV',
      ),
    ])
    .onConflict((oc) => oc.constraint('plans_natural_key').doNothing())
    .execute();
}

/** Zone profiles, lifecycle events and areas. Returns the zone ids by Vietnamese name. */
async function seedZones(tx: Tx, rand: Rand): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  // Zones the platform seed did not insert (it inserts every zone of the JSON) are added here too.
  await tx
    .insertInto('zones')
    .values(
      DEMO_ZONES.map((z) => ({ code: slugifyVi(z.nameVi), name_vi: z.nameVi, name_en: z.nameEn ?? null })),
    )
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  const rows = await tx.selectFrom('zones').select(['id', 'code']).execute();
  const byCode = new Map(rows.map((r) => [r.code, r.id]));
  for (const z of DEMO_ZONES) ids.set(z.nameVi, byCode.get(slugifyVi(z.nameVi))!);
  const alreadyDone = await tx
    .selectFrom('zone_events')
    .select('id')
    .where('is_demo', '=', true)
    .limit(1)
    .executeTakeFirst();

  for (const z of DEMO_ZONES) {
    const id = ids.get(z.nameVi)!;
    const [lng, lat] = z.at;
    await tx
      .updateTable('zones')
      .set({
        kind: z.kind,
        parent_id: z.parent ? (ids.get(z.parent) ?? null) : null,
        model_type: z.modelType ?? 'general',
        location: JSON.stringify({ type: 'Point', coordinates: [lng, lat] }),
        infrastructure: JSON.stringify(distances(rand, z)),
        source:
          'haiphong-zones.json; ngày, diện tích, tọa độ, khoảng cách không có nguồn là dữ liệu minh họa (demo)',
        is_demo: true,
      })
      .where('id', '=', id)
      .execute();
  }
  if (alreadyDone) return ids;

  const events = DEMO_ZONES.flatMap((z) =>
    z.events.map((e) => ({
      zone_id: ids.get(z.nameVi)!,
      status: e.status,
      event_date: e.date,
      decision_no: e.decision ?? null,
      decision_issuer: e.issuer ?? null,
      decision_date: e.decision ? e.date : null,
      note: e.sourced ? 'Theo nguồn (haiphong-zones.json)' : 'Ngày minh họa (demo)',
      is_demo: true,
    })),
  );
  await tx.insertInto('zone_events').values(events).execute();
  await tx.insertInto('zone_area_records').values(areaRecords(rand, ids)).execute();
  return ids;
}

function distances(rand: Rand, z: DemoZone) {
  const km = (base: number) => Math.round((base + rand() * 15) * 10) / 10;
  return [
    { kind: 'port', name: 'Cảng Hải Phòng / Lạch Huyện (demo)', distanceKm: km(3) },
    { kind: 'airport', name: 'Sân bay quốc tế Cát Bi (demo)', distanceKm: km(8) },
    {
      kind: 'highway',
      name: 'Cao tốc Hà Nội – Hải Phòng (demo)',
      distanceKm: km(z.kind === 'economic_zone' ? 5 : 2),
    },
  ];
}

/**
 * Areas of every zone with an area, as of 31/12/2023 and 30/09/2024. For the 14 parks established in 2024 the
 * September leased areas are scaled so Σ leased ÷ Σ leasable = 65 % (report 001: "khoảng 65%").
 */
function areaRecords(rand: Rand, ids: Map<string, string>) {
  const records: {
    zone_id: string;
    as_of: string;
    total_area_ha: string;
    industrial_land_ha: string | null;
    leasable_ha: string | null;
    leased_ha: string | null;
    source: string;
    note: string | null;
    is_demo: boolean;
  }[] = [];
  const parks = DEMO_ZONES.filter((z) => z.areaHa !== undefined);
  const established = new Set(ESTABLISHED_BY_2024);
  const shares = new Map<string, { leasable: bigint; weight: number }>();
  for (const z of parks) {
    const total = dec(String(z.areaHa));
    if (z.kind !== 'industrial_park' || !established.has(z.nameVi)) {
      records.push({
        zone_id: ids.get(z.nameVi)!,
        as_of: z.events.find((e) => e.status === 'established')?.date ?? '2024-09-30',
        total_area_ha: fmt(total),
        industrial_land_ha: null,
        leasable_ha: null,
        leased_ha: null,
        source: z.areaSourced ? 'haiphong-zones.json' : 'demo',
        note: null,
        is_demo: true,
      });
      continue;
    }
    const leasable = (mul(total, dec('0.68')) * 95n) / 100n;
    const operating = z.events.some((e) => e.status === 'operating' && e.date <= '2024-09-30');
    shares.set(z.nameVi, { leasable, weight: operating ? 0.85 + rand() * 0.14 : 0.05 + rand() * 0.3 });
  }
  // Operating parks are 85–97 % leased; the parks still being built take the rest of the 65 % (area-weighted),
  // in random proportions capped at 95 %, the residue going to the park with the most room.
  const leasableTotal = [...shares.values()].reduce((s, v) => s + v.leasable, 0n);
  const target = (leasableTotal * 65n) / 100n;
  const raw = [...shares.entries()].map(([name, v]) => ({
    name,
    leasable: v.leasable,
    leased: 0n,
    operating: v.weight >= 0.85,
    weight: v.weight,
  }));
  const ha = (x: bigint) => (x / 10_000n) * 10_000n;
  for (const r of raw)
    if (r.operating) r.leased = ha((r.leasable * BigInt(Math.round(r.weight * 1e6))) / 1_000_000n);
  const building = raw.filter((r) => !r.operating);
  let rest = target - raw.reduce((s, r) => s + r.leased, 0n);
  const weightSum = building.reduce((s, r) => s + r.weight * Number(r.leasable), 0);
  for (const r of building) {
    const share = ha(
      (rest * BigInt(Math.round(((r.weight * Number(r.leasable)) / weightSum) * 1e9))) / 1_000_000_000n,
    );
    r.leased = share < (r.leasable * 95n) / 100n ? share : ha((r.leasable * 95n) / 100n);
  }
  rest = target - raw.reduce((s, r) => s + r.leased, 0n);
  const fix = raw.reduce((a, b) => (b.leasable - b.leased > a.leasable - a.leased ? b : a));
  fix.leased += rest;
  if (raw.some((r) => r.leased > r.leasable || r.leased < 0n))
    throw new Error('demo occupancy calibration failed');
  for (const r of raw) {
    const z = parks.find((p) => p.nameVi === r.name)!;
    const total = dec(String(z.areaHa));
    const industrial = mul(total, dec('0.68'));
    const common = {
      zone_id: ids.get(r.name)!,
      total_area_ha: fmt(total),
      industrial_land_ha: fmt(industrial),
      leasable_ha: fmt(r.leasable),
      source: z.areaSourced ? 'haiphong-zones.json (tổng diện tích); còn lại demo' : 'demo',
      is_demo: true,
    };
    records.push({ ...common, as_of: '2023-12-31', leased_ha: fmt((r.leased * 92n) / 100n), note: null });
    records.push({
      ...common,
      as_of: '2024-09-30',
      leased_ha: fmt(r.leased),
      note: 'Hiệu chỉnh: lấp đầy bình quân 65% (báo cáo 11 tháng 2024)',
    });
  }
  return records;
}

/** The demo projects and their ledgers: enterprises, projects and entries in bulk, checked by `planEntry`. */
async function seedProjects(tx: Tx, rand: Rand, zoneIds: Map<string, string>, rates: RateBook) {
  const zoneSlot = (nameVi: string, weight: number): ZoneSlot => {
    const z = DEMO_ZONES.find((d) => d.nameVi === nameVi)!;
    const est = z.events.find((e) => e.status === 'established')!.date;
    return { nameVi, from: toDate(ms(est) + 60 * DAY), weight };
  };
  const fdiZones = [
    zoneSlot('KCN Nomura - Hải Phòng', 6),
    zoneSlot('KCN Đình Vũ (DEEP C I)', 6),
    zoneSlot('KCN Đồ Sơn', 2),
    zoneSlot('KCN Tràng Duệ', 8),
    zoneSlot('KCN Nam Cầu Kiền', 4),
    zoneSlot('KCN VSIP Hải Phòng', 8),
    zoneSlot('KCN MP Đình Vũ', 2),
    zoneSlot('KCN DEEP C II', 5),
    zoneSlot('KCN An Dương', 5),
    zoneSlot('KCN Nam Đình Vũ (khu I)', 2),
    zoneSlot('KCN Nam Đình Vũ (khu II)', 1),
    zoneSlot('KCN Cảng cửa ngõ quốc tế Hải Phòng', 1),
    zoneSlot('KCN Xuân Cầu', 1),
  ];
  const ddiZones = [
    zoneSlot('Khu kinh tế Đình Vũ - Cát Hải', 6),
    zoneSlot('KCN Đình Vũ (DEEP C I)', 2),
    zoneSlot('KCN Nam Đình Vũ (khu I)', 4),
    zoneSlot('KCN Nam Đình Vũ (khu II)', 2),
    zoneSlot('KCN Tràng Duệ', 1),
    zoneSlot('KCN Nam Cầu Kiền', 2),
    zoneSlot('KCN Đồ Sơn', 1),
    zoneSlot('KCN Cảng cửa ngõ quốc tế Hải Phòng', 2),
    zoneSlot('KCN Tiên Thanh', 1),
  ];
  const plans = [...buildProjects(rand, FDI, fdiZones, 0), ...buildProjects(rand, DDI, ddiZones, 5000)];

  // Enterprises: one per project, except the demo enterprise account's and some sharing a parent company.
  const demoEnterprise = await tx
    .selectFrom('enterprises')
    .select('id')
    .where('tax_code', '=', '0200000001')
    .executeTakeFirst();
  const enterpriseRows = plans
    .filter((p) => !p.enterpriseTaxCode)
    .map((p, i) => {
      const name = brand(rand, p.type === 'ddi' ? 'VN' : p.country);
      return {
        tax_code: `02${String(1_000_001 + i).padStart(8, '0')}`,
        name_vi: p.type === 'ddi' ? `Công ty Cổ phần ${name} (demo)` : `Công ty TNHH ${name} Việt Nam (demo)`,
        name_en: p.type === 'ddi' ? `${name} JSC (demo)` : `${name} Vietnam Co., Ltd. (demo)`,
        ownership: p.type === 'fdi' ? 'fdi' : 'domestic',
        investor_countries: p.type === 'fdi' ? [p.country] : [],
        is_demo: true,
        project: p,
      };
    });
  const inserted: { id: string; tax_code: string }[] = [];
  for (let i = 0; i < enterpriseRows.length; i += 1000) {
    const chunk = enterpriseRows.slice(i, i + 1000).map(({ project: _p, ...row }) => row);
    inserted.push(
      ...(await tx.insertInto('enterprises').values(chunk).returning(['id', 'tax_code']).execute()),
    );
  }
  const enterpriseOf = new Map<PlanProject, string>();
  const byTax = new Map(inserted.map((e) => [e.tax_code, e.id]));
  for (const row of enterpriseRows) enterpriseOf.set(row.project, byTax.get(row.tax_code)!);
  for (const p of plans) if (p.enterpriseTaxCode && demoEnterprise) enterpriseOf.set(p, demoEnterprise.id);
  // A project without an enterprise (no demo enterprise row) gets a fresh one.
  for (const p of plans) {
    if (enterpriseOf.has(p)) continue;
    const row = await tx
      .insertInto('enterprises')
      .values({
        tax_code: `029${String(plans.indexOf(p)).padStart(7, '0')}`,
        name_vi: `Công ty Cổ phần ${p.code} (demo)`,
        ownership: 'domestic',
        is_demo: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    enterpriseOf.set(p, row.id);
  }

  const projectRows = plans.map((p) => {
    const country = p.country;
    const sector = SECTOR_VI[p.vsic] ?? 'sản xuất';
    return {
      project_code: p.code,
      name_vi: `Dự án ${sector} ${p.code.slice(-4)} (demo)`,
      name_en: `Demo project ${p.code}`,
      enterprise_id: enterpriseOf.get(p)!,
      zone_id: zoneIds.get(p.zone)!,
      investment_type: p.type,
      country_code: country,
      investors: JSON.stringify([
        {
          name: `${brand(rand, p.type === 'ddi' ? 'VN' : country)} Holdings (demo)`,
          country,
          kind: 'organisation',
        },
      ]),
      vsic_code: p.vsic,
      objectives: `Đầu tư ${sector} (dữ liệu minh họa)`,
      land_area_ha: fmt(dec(String(Math.round((1 + rand() * 15) * 100) / 100))),
      currency: p.type === 'fdi' ? 'USD' : 'VND',
      is_demo: true,
    };
  });
  const projectIds = new Map<string, string>();
  for (let i = 0; i < projectRows.length; i += 1000) {
    const rows = await tx
      .insertInto('investment_projects')
      .values(projectRows.slice(i, i + 1000))
      .returning(['id', 'project_code'])
      .execute();
    for (const r of rows) projectIds.set(r.project_code, r.id);
  }
  await sql`insert into enterprise_zones (enterprise_id, zone_id)
    select distinct enterprise_id, zone_id from investment_projects where is_demo on conflict do nothing`.execute(
    tx,
  );

  const today = '2100-01-01';
  const ledger: ReturnType<typeof ledgerRow>[] = [];
  for (const p of plans) {
    const currency = p.type === 'fdi' ? 'USD' : 'VND';
    let state = emptyLedger(currency);
    const entries = [...p.entries].sort(
      (a, b) => a.certificateDate.localeCompare(b.certificateDate) || order(a) - order(b),
    );
    for (const input of entries) {
      const planned = planEntry(state, input, { today, rates });
      if (!planned.ok)
        throw new Error(`demo ledger for ${p.code} broke a rule: ${JSON.stringify(planned.problems)}`);
      state = planned.next;
      const project = {
        id: projectIds.get(p.code)!,
        zone_id: zoneIds.get(p.zone)!,
        investment_type: p.type,
        country_code: p.country,
        vsic_code: p.vsic,
        currency,
      };
      ledger.push(ledgerRow(project, planned.entry as PlannedEntry, null, true));
    }
  }
  for (let i = 0; i < ledger.length; i += 2000)
    await tx
      .insertInto('certificate_entries')
      .values(ledger.slice(i, i + 2000))
      .execute();
  return { enterprises: enterpriseRows.length, projects: plans.length, entries: ledger.length };
}

const ORDER: Record<string, number> = {
  new: 0,
  transfer_in: 0,
  adjustment: 1,
  share_purchase: 2,
  termination: 3,
  transfer_out: 3,
};
const order = (e: EntryInput) => ORDER[e.kind] ?? 1;

/**
 * Loads the registry demo data (see the file comment): deterministic, idempotent, in one transaction, bulk
 * inserts only (well under a second on the embedded database).
 */
export async function seedRegistryDemo(db: Db): Promise<{ projects: number; entries: number } | null> {
  return db.transaction().execute(async (tx) => {
    const rand = prng(20241130);
    const zoneIds = await seedZones(tx, rand);
    const rates = await seedRates(tx);
    await seedPlans(tx);
    const exists = await tx
      .selectFrom('investment_projects')
      .select('id')
      .where('is_demo', '=', true)
      .limit(1)
      .executeTakeFirst();
    if (exists) return null;
    const counts = await seedProjects(tx, prng(577581), zoneIds, rates);
    await recordAudit(tx, systemCtx(db, 'demo-seed'), {
      action: 'registry.demo.seed',
      entityType: 'registry',
      after: counts,
    });
    return counts;
  });
}
