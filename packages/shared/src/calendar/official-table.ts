/**
 * The official calendar rows for 2024–2026, exactly as far as docs/domain-vn.md §3 (Nov 2026) confirms.
 * Later the administrators' table in the database replaces this constant.
 *
 * Shipped: every row below is tagged [C] in §3 (or is a fixed date of BLLĐ 2019 Art. 112(1), [C] §3.1).
 * Rows for 2024 and 2025 only restate the days §3 confirms (fixed dates, and mùng 1 Tết and Giỗ Tổ from
 * the §3.3 lunar table); the rules compute them anyway, so they pin the lunar engine to confirmed data.
 *
 * Left out on purpose (not confirmed in §3; a person must check the yearly Bộ Nội vụ notice first):
 * - 2024 and 2025: the PM-decided five Tết days and any extra civil-servant days, every nghỉ bù and
 *   swapped working Saturday, and the day next to 2/9 (1/9 or 3/9) — §3 has no 2024/2025 schedule.
 * - 2026-09-01 (and any other day next to 2/9/2026) and the rest of the 5-day Quốc khánh break: only
 *   [S] in §3.2 ("repos list 01/09 and 02/09"; "the exact swap is [?]").
 * - 2026-11-23 (a possible swap next to 24/11/2026) and whether Art. 111(3) nghỉ bù applies to 24/11: [?].
 */

import type { OfficialDay } from './types.ts';

const ART_112 = 'BLLĐ 2019 Art. 112(1) (fixed date); domain-vn §3.1 [C]';
const LUNAR_33 = 'domain-vn §3.3 [C] (lunar-date-vn 1.0.6 and date-holidays 3.37.0 agree)';
const VPCP_12729 = 'VPCP letter 12729/VPCP-KGVX of 25/12/2025; domain-vn §3.2 [C]';
const TET_2026 =
  'congan.com.vn/?catid=702&id=388656; xaydungchinhsach.chinhphu.vn …-119251002130522291.htm; domain-vn §3.2 [C]';
const THANHNIEN_2026 = 'thanhnien.vn 2026 holiday schedule + repos; domain-vn §3.2 [C]';
const NQ_28_2026 = 'Nghị quyết 28/2026/QH16 Art. 2 (from 01/7/2026); domain-vn §3.1 [C]';

function fixedDays(year: number): OfficialDay[] {
  return [
    {
      date: `${year}-01-01`,
      kind: 'holiday',
      name: 'Tết Dương lịch',
      nameEn: "New Year's Day",
      source: ART_112,
    },
    {
      date: `${year}-04-30`,
      kind: 'holiday',
      name: 'Ngày Chiến thắng (30/4)',
      nameEn: 'Reunification Day',
      source: ART_112,
    },
    {
      date: `${year}-05-01`,
      kind: 'holiday',
      name: 'Ngày Quốc tế Lao động',
      nameEn: "International Workers' Day",
      source: ART_112,
    },
    { date: `${year}-09-02`, kind: 'holiday', name: 'Quốc khánh', nameEn: 'National Day', source: ART_112 },
  ];
}

function tetDay(date: string, vi: string, en: string, source: string): OfficialDay {
  return { date, kind: 'holiday', name: `Tết Âm lịch (${vi})`, nameEn: `Lunar New Year (${en})`, source };
}

function gioTo(date: string, source: string): OfficialDay {
  return {
    date,
    kind: 'holiday',
    name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
    nameEn: 'Hùng Kings Commemoration Day',
    source,
  };
}

/** Official holidays, days off and working days for 2024–2026 confirmed by domain-vn §3 (see the file header). */
export const OFFICIAL_TABLE_2024_2026: readonly OfficialDay[] = [
  // 2024: only the confirmed fixed and lunar dates (no official schedule in §3).
  ...fixedDays(2024),
  tetDay('2024-02-10', 'mùng 1', 'day 1', LUNAR_33),
  gioTo('2024-04-18', LUNAR_33),

  // 2025: only the confirmed fixed and lunar dates (no official schedule in §3); 24/11/2025 was not a holiday.
  ...fixedDays(2025),
  tetDay('2025-01-29', 'mùng 1', 'day 1', LUNAR_33),
  gioTo('2025-04-07', LUNAR_33),

  // 2026: civil-servant schedule, domain-vn §3.2.
  {
    date: '2026-01-01',
    kind: 'holiday',
    name: 'Tết Dương lịch',
    nameEn: "New Year's Day",
    source: VPCP_12729,
  },
  {
    date: '2026-01-02',
    kind: 'day_off',
    name: 'Nghỉ Tết Dương lịch (hoán đổi, làm bù thứ Bảy 10/01/2026)',
    nameEn: 'New Year day off (swapped; made up on Saturday 10 Jan 2026)',
    source: VPCP_12729,
  },
  {
    date: '2026-01-10',
    kind: 'working_day',
    name: 'Làm bù cho thứ Sáu 02/01/2026',
    nameEn: 'Make-up working day for Friday 2 Jan 2026',
    source: VPCP_12729,
  },
  tetDay('2026-02-16', 'ngày cuối năm âm lịch', "lunar New Year's Eve", TET_2026),
  tetDay('2026-02-17', 'mùng 1', 'day 1', TET_2026),
  tetDay('2026-02-18', 'mùng 2', 'day 2', TET_2026),
  tetDay('2026-02-19', 'mùng 3', 'day 3', TET_2026),
  tetDay('2026-02-20', 'mùng 4', 'day 4', TET_2026),
  gioTo('2026-04-26', THANHNIEN_2026),
  {
    date: '2026-04-27',
    kind: 'day_off',
    name: 'Nghỉ bù Giỗ Tổ Hùng Vương (26/4 là Chủ nhật)',
    nameEn: 'Compensatory day off for Hùng Kings Day (26 Apr is a Sunday)',
    source: `BLLĐ 2019 Art. 111(3); ${THANHNIEN_2026}`,
  },
  {
    date: '2026-04-30',
    kind: 'holiday',
    name: 'Ngày Chiến thắng (30/4)',
    nameEn: 'Reunification Day',
    source: THANHNIEN_2026,
  },
  {
    date: '2026-05-01',
    kind: 'holiday',
    name: 'Ngày Quốc tế Lao động',
    nameEn: "International Workers' Day",
    source: THANHNIEN_2026,
  },
  { date: '2026-09-02', kind: 'holiday', name: 'Quốc khánh', nameEn: 'National Day', source: ART_112 },
  {
    date: '2026-11-24',
    kind: 'holiday',
    name: 'Ngày Văn hóa Việt Nam',
    nameEn: 'Vietnamese Culture Day',
    source: NQ_28_2026,
  },
];
