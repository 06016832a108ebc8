/**
 * Demo facts for the Hai Phong zones of db/seed/data/haiphong-zones.json. What the sources give is used as
 * given (statuses, the dates and decisions they state, the 752 ha of Xuân Cầu, 6 101,95 ha for the 14 parks
 * counted in October 2024); everything else (other dates, per-park areas, coordinates, distances) is DEMO data,
 * labelled so in `source` and notes. See README.md "Demo data" for the assumptions.
 */

/** One dated lifecycle step; `decision` only when a source states it. */
export interface DemoEvent {
  status:
    | 'in_master_plan'
    | 'proposal_received'
    | 'policy_approved'
    | 'established'
    | 'construction'
    | 'operating';
  date: string;
  decision?: string;
  issuer?: string;
  sourced?: boolean;
}

export interface DemoZone {
  nameVi: string;
  nameEn?: string;
  kind: 'economic_zone' | 'industrial_park';
  parent?: string;
  modelType?: 'general' | 'eco' | 'high_tech' | 'supporting_industry' | 'specialised';
  /** Total area in ha (demo unless `areaSourced`). */
  areaHa?: number;
  areaSourced?: boolean;
  /** Longitude, latitude (approximate, demo). */
  at: [number, number];
  events: DemoEvent[];
}

const MASTER_PLAN: DemoEvent = {
  status: 'in_master_plan',
  date: '2023-12-02',
  decision: '1516/QĐ-TTg',
  issuer: 'Thủ tướng Chính phủ',
  sourced: true,
};

const DINH_VU_EZ = 'Khu kinh tế Đình Vũ - Cát Hải';

/**
 * The 14 parks established by October 2024 (9 operating + 5 under construction or being cleared, the list of
 * report 002 §2.4 a) with areas summing to 6 101,95 ha, then the parks established after, then those proposed or
 * only in the master plan.
 */
export const DEMO_ZONES: DemoZone[] = [
  {
    nameVi: DINH_VU_EZ,
    nameEn: 'Dinh Vu - Cat Hai Economic Zone',
    kind: 'economic_zone',
    areaHa: 22540,
    at: [106.86, 20.83],
    events: [
      { status: 'established', date: '2008-01-10', sourced: true },
      { status: 'operating', date: '2009-01-01' },
    ],
  },
  {
    nameVi: 'Khu kinh tế ven biển phía Nam Hải Phòng',
    nameEn: 'Southern Hai Phong Coastal Economic Zone',
    kind: 'economic_zone',
    modelType: 'eco',
    areaHa: 20000,
    areaSourced: true,
    at: [106.6, 20.6],
    events: [
      {
        status: 'proposal_received',
        date: '2024-06-12',
        decision: '96/TTr-UBND',
        issuer: 'UBND thành phố Hải Phòng',
        sourced: true,
      },
      {
        status: 'established',
        date: '2024-12-04',
        decision: '1511/QĐ-TTg',
        issuer: 'Thủ tướng Chính phủ',
        sourced: true,
      },
    ],
  },
  // Operating in 2024 (dates demo).
  {
    nameVi: 'KCN Nomura - Hải Phòng',
    kind: 'industrial_park',
    areaHa: 153,
    at: [106.58, 20.87],
    events: est('1994-10-01', '1997-01-01'),
  },
  {
    nameVi: 'KCN Đình Vũ (DEEP C I)',
    kind: 'industrial_park',
    parent: DINH_VU_EZ,
    areaHa: 541,
    at: [106.77, 20.84],
    events: est('1997-06-01', '1999-01-01'),
  },
  {
    nameVi: 'KCN Đồ Sơn',
    kind: 'industrial_park',
    areaHa: 150,
    at: [106.75, 20.72],
    events: est('1997-09-01', '2000-06-01'),
  },
  {
    nameVi: 'KCN Tràng Duệ',
    kind: 'industrial_park',
    areaHa: 400,
    at: [106.55, 20.78],
    events: est('2007-11-01', '2009-06-01'),
  },
  {
    nameVi: 'KCN Nam Cầu Kiền',
    kind: 'industrial_park',
    areaHa: 263,
    at: [106.62, 20.93],
    events: est('2008-03-01', '2010-01-01'),
  },
  {
    nameVi: 'KCN VSIP Hải Phòng',
    kind: 'industrial_park',
    areaHa: 507,
    at: [106.64, 20.9],
    events: est('2010-01-15', '2012-03-01'),
  },
  {
    nameVi: 'KCN MP Đình Vũ',
    kind: 'industrial_park',
    parent: DINH_VU_EZ,
    areaHa: 150,
    at: [106.76, 20.85],
    events: est('2014-04-01', '2016-01-01'),
  },
  {
    nameVi: 'KCN DEEP C II',
    kind: 'industrial_park',
    parent: DINH_VU_EZ,
    modelType: 'eco',
    areaHa: 374,
    at: [106.79, 20.85],
    events: est('2014-08-01', '2016-06-01'),
  },
  {
    nameVi: 'KCN An Dương',
    kind: 'industrial_park',
    areaHa: 196,
    at: [106.57, 20.89],
    events: est('2018-03-01', '2019-09-01'),
  },
  // Established, building in 2024 (report 002 §2.4 a names them with the operating ones).
  {
    nameVi: 'KCN Nam Đình Vũ (khu I)',
    kind: 'industrial_park',
    parent: DINH_VU_EZ,
    areaHa: 1000,
    at: [106.8, 20.82],
    events: build('2008-08-01', '2010-01-01'),
  },
  {
    nameVi: 'KCN Nam Đình Vũ (khu II)',
    kind: 'industrial_park',
    parent: DINH_VU_EZ,
    areaHa: 560.95,
    at: [106.82, 20.81],
    events: build('2016-10-01', '2018-01-01'),
  },
  {
    nameVi: 'KCN Cảng cửa ngõ quốc tế Hải Phòng',
    kind: 'industrial_park',
    parent: DINH_VU_EZ,
    areaHa: 600,
    at: [106.93, 20.83],
    events: build('2019-06-01', '2021-01-01'),
  },
  {
    nameVi: 'KCN Xuân Cầu',
    kind: 'industrial_park',
    areaHa: 752,
    areaSourced: true,
    at: [106.95, 20.84],
    events: build('2023-06-01', '2024-03-01'),
  },
  {
    nameVi: 'KCN Tiên Thanh',
    kind: 'industrial_park',
    areaHa: 455,
    at: [106.57, 20.66],
    events: [
      { status: 'established', date: '2021-05-01' },
      { status: 'construction', date: '2025-04-18', sourced: true },
    ],
  },
  // Established after November 2024 (dates from the sources).
  {
    nameVi: 'KCN Nomura 2 (KCN Nhật Bản - Hải Phòng giai đoạn 2)',
    kind: 'industrial_park',
    areaHa: 197.16,
    areaSourced: true,
    at: [106.59, 20.88],
    events: [
      MASTER_PLAN,
      { status: 'proposal_received', date: '2024-07-15' },
      { status: 'established', date: '2024-12-31', sourced: true },
    ],
  },
  {
    nameVi: 'KCN Vinh Quang',
    kind: 'industrial_park',
    areaHa: 226.01,
    areaSourced: true,
    at: [106.52, 20.63],
    events: [
      MASTER_PLAN,
      { status: 'proposal_received', date: '2024-07-15' },
      { status: 'established', date: '2025-01-05', sourced: true },
    ],
  },
  {
    nameVi: 'KCN Tràng Duệ 3',
    kind: 'industrial_park',
    areaHa: 687,
    areaSourced: true,
    at: [106.53, 20.77],
    events: [
      MASTER_PLAN,
      { status: 'proposal_received', date: '2024-07-15' },
      { status: 'established', date: '2025-01-14', sourced: true },
      { status: 'construction', date: '2025-05-13', sourced: true },
    ],
  },
  {
    nameVi: 'KCN Nam Tràng Cát',
    kind: 'industrial_park',
    areaHa: 200.3,
    areaSourced: true,
    at: [106.74, 20.8],
    events: [
      MASTER_PLAN,
      { status: 'proposal_received', date: '2024-07-15' },
      { status: 'established', date: '2025-01-14', sourced: true },
    ],
  },
  {
    nameVi: 'KCN DEEP C 3',
    kind: 'industrial_park',
    parent: DINH_VU_EZ,
    modelType: 'eco',
    areaHa: 300,
    at: [106.81, 20.86],
    events: [
      MASTER_PLAN,
      { status: 'established', date: '2025-02-20' },
      { status: 'construction', date: '2025-04-01' },
    ],
  },
  // Proposed (an investor dossier received or under appraisal).
  ...[
    'KCN Giang Biên II',
    'KCN Tân Trào',
    'KCN Ngũ Phúc',
    'KCN Trấn Dương - Hòa Bình (Khu A)',
    'KCN Thủy Nguyên',
    'KCN Cầu Cựu',
  ].map(
    (nameVi, i): DemoZone => ({
      nameVi,
      kind: 'industrial_park',
      ...(nameVi === 'KCN Giang Biên II' && { areaHa: 350, areaSourced: true }),
      at: [106.45 + i * 0.05, 20.95 - i * 0.03],
      events: [MASTER_PLAN, { status: 'proposal_received', date: i === 0 ? '2024-08-01' : '2025-03-01' }],
    }),
  ),
  // Only in the master plan.
  ...[
    'KCN Tam Hưng - Ngũ Lão',
    'KCN Tiên Lãng 1',
    'KCN Tiên Lãng 2',
    'KCN Sân bay Tiên Lãng',
    'KCN An Hòa',
    'KCN Nam Cầu Kiền (mở rộng)',
    'KCN An Hưng - Đại Bản',
    'KCN Tam Đa',
    'KCN phía Bắc đảo Cát Hải',
  ].map(
    (nameVi, i): DemoZone => ({
      nameVi,
      kind: 'industrial_park',
      at: [106.5 + i * 0.04, 20.7 + (i % 3) * 0.05],
      events: [MASTER_PLAN],
    }),
  ),
];

function est(established: string, operating: string): DemoEvent[] {
  return [
    { status: 'established', date: established },
    { status: 'construction', date: addMonths(established, 3) },
    { status: 'operating', date: operating },
  ];
}

function build(established: string, construction: string): DemoEvent[] {
  return [
    { status: 'established', date: established },
    { status: 'construction', date: construction },
  ];
}

function addMonths(iso: string, months: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** The 14 parks counted as established (and "đang hoạt động" in report 002) in October–November 2024. */
export const ESTABLISHED_BY_2024 = DEMO_ZONES.filter(
  (z) =>
    z.kind === 'industrial_park' &&
    z.events.some((e) => e.status === 'established' && e.date <= '2024-10-31'),
).map((z) => z.nameVi);
