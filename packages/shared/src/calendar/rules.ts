/**
 * Vietnamese weekly-rest and public-holiday rules as dated data (docs/domain-vn.md §3.1).
 * Change a rule by closing it (effectiveTo) and adding a new one; never edit history in place.
 */

import type { Bilingual, HolidayRule, WeekendRule } from './types.ts';

/**
 * First day of the Labour Code 2019 (45/2019/QH14). The domain notes do not state this date; it is the
 * Code's own entry-into-force article as generally known [M]. Years before it are outside the default
 * supported range of `createCalendar`, because the 2012 Code's list (no day next to 2/9) is not modelled.
 */
export const LABOUR_CODE_2019_FROM = '2021-01-01';

/** Weekly rest days of state bodies: Saturday and Sunday (the civil-servant Mon–Fri week, domain-vn §3.2). */
export const WEEKEND_RULES_VN: readonly WeekendRule[] = [
  {
    weekdays: [6, 0],
    effectiveFrom: null,
    effectiveTo: null,
    source: 'domain-vn §3.2: civil servants work Mon–Fri (weekly rest Sat, Sun)',
  },
];

const ART_112 = 'BLLĐ 2019 (45/2019/QH14) Art. 112(1); domain-vn §3.1 [C]';

/**
 * Public holidays under the Labour Code 2019 Art. 112(1), plus 24/11 from 01/7/2026 (Nghị quyết
 * 28/2026/QH16). The PM decides the exact five Tết days and the day next to 2/9 every year: the Tết rule
 * below is only the default (the last day of the lunar year and mùng 1–4, which is what the confirmed 2026
 * decision chose and what date-holidays encodes), and the 2/9 neighbour is never guessed — both come from
 * the official table of each year, which overrides everything computed here.
 */
export const HOLIDAY_RULES_VN: readonly HolidayRule[] = [
  {
    id: 'tet_duong_lich',
    type: 'solar',
    month: 1,
    day: 1,
    name: { vi: 'Tết Dương lịch', en: "New Year's Day" },
    effectiveFrom: LABOUR_CODE_2019_FROM,
    effectiveTo: null,
    source: ART_112,
  },
  {
    id: 'tet_am_lich',
    type: 'lunar',
    month: 1,
    day: 1,
    span: [-1, 3],
    name: { vi: 'Tết Âm lịch', en: 'Lunar New Year (Tết)' },
    dayNames: [
      { vi: 'Tết Âm lịch (ngày cuối năm âm lịch)', en: "Lunar New Year (lunar New Year's Eve)" },
      { vi: 'Tết Âm lịch (mùng 1)', en: 'Lunar New Year (day 1)' },
      { vi: 'Tết Âm lịch (mùng 2)', en: 'Lunar New Year (day 2)' },
      { vi: 'Tết Âm lịch (mùng 3)', en: 'Lunar New Year (day 3)' },
      { vi: 'Tết Âm lịch (mùng 4)', en: 'Lunar New Year (day 4)' },
    ],
    decidedYearly: true,
    effectiveFrom: LABOUR_CODE_2019_FROM,
    effectiveTo: null,
    source: `${ART_112}: 5 days, exact days decided yearly by the PM; default span as in 2026 (§3.2)`,
  },
  {
    id: 'gio_to_hung_vuong',
    type: 'lunar',
    month: 3,
    day: 10,
    span: [0, 0],
    name: { vi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', en: 'Hùng Kings Commemoration Day' },
    effectiveFrom: LABOUR_CODE_2019_FROM,
    effectiveTo: null,
    source: ART_112,
  },
  {
    id: 'chien_thang',
    type: 'solar',
    month: 4,
    day: 30,
    name: { vi: 'Ngày Chiến thắng (30/4)', en: 'Reunification Day' },
    effectiveFrom: LABOUR_CODE_2019_FROM,
    effectiveTo: null,
    source: ART_112,
  },
  {
    id: 'quoc_te_lao_dong',
    type: 'solar',
    month: 5,
    day: 1,
    name: { vi: 'Ngày Quốc tế Lao động', en: "International Workers' Day" },
    effectiveFrom: LABOUR_CODE_2019_FROM,
    effectiveTo: null,
    source: ART_112,
  },
  {
    id: 'quoc_khanh',
    type: 'solar',
    month: 9,
    day: 2,
    name: { vi: 'Quốc khánh', en: 'National Day' },
    effectiveFrom: LABOUR_CODE_2019_FROM,
    effectiveTo: null,
    source: ART_112,
  },
  {
    id: 'quoc_khanh_lien_ke',
    type: 'decided',
    candidates: ['09-01', '09-03'],
    name: { vi: 'Quốc khánh (ngày liền kề)', en: 'National Day (adjacent day)' },
    effectiveFrom: LABOUR_CODE_2019_FROM,
    effectiveTo: null,
    source: `${ART_112}: 1 day before or after 2/9, decided yearly by the PM`,
  },
  {
    id: 'ngay_van_hoa_viet_nam',
    type: 'solar',
    month: 11,
    day: 24,
    name: { vi: 'Ngày Văn hóa Việt Nam', en: 'Vietnamese Culture Day' },
    effectiveFrom: '2026-07-01',
    effectiveTo: null,
    source: 'Nghị quyết 28/2026/QH16 Art. 2, from 01/7/2026; domain-vn §3.1 [C]',
  },
];

/** Names of the days of the week, indexed 0 = Sunday ... 6 = Saturday (Vietnamese as in official texts). */
export const WEEKDAY_NAMES: readonly Bilingual[] = [
  { vi: 'Chủ nhật', en: 'Sunday' },
  { vi: 'Thứ Hai', en: 'Monday' },
  { vi: 'Thứ Ba', en: 'Tuesday' },
  { vi: 'Thứ Tư', en: 'Wednesday' },
  { vi: 'Thứ Năm', en: 'Thursday' },
  { vi: 'Thứ Sáu', en: 'Friday' },
  { vi: 'Thứ Bảy', en: 'Saturday' },
];
