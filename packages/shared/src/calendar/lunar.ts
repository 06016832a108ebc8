/**
 * Vietnamese lunisolar calendar (âm lịch): lunar date -> solar date, computed for UTC+7.
 *
 * Why it is computed here: no audited lunar-calendar package is installed in this repository
 * (`lunar-date-vn` and `date-holidays`, the two named in docs/domain-vn.md §3.4, are absent from
 * node_modules), and the original amlich.js is licensed for "personal, non-commercial use" only, so it
 * must not be copied. This is a fresh implementation of the published astronomical method that Hồ Ngọc
 * Đức describes for the Vietnamese calendar, using the truncated series from J. Meeus, "Astronomical
 * Algorithms" (mean new moon with the main periodic terms; apparent solar longitude):
 *   - a lunar month starts on the local (UTC+7) day that contains the astronomical new moon;
 *   - month 11 is the month that contains the December solstice (solar longitude 270°);
 *   - when 13 months separate two months 11, the first month without a major solar term
 *     (a multiple of 30° of solar longitude) is the leap month and repeats the previous month's number.
 * The time zone matters: Chinese calendars use UTC+8 and sometimes start a month one day apart
 * (docs/domain-vn.md §3.3). Results for 2024-2032 are checked in lunar.test.ts against the table in
 * §3.3, which two independent libraries agree on.
 */

import { type DayNumber, dayFromCivil, JDN_OF_EPOCH } from './days.ts';

/** Vietnam's time zone for lunar computations, in hours east of UTC (the 105°E meridian). */
export const VN_LUNAR_TIME_ZONE = 7;

const SYNODIC_MONTH = 29.530588853;
/** Julian date of the mean new moon numbered k = 0 (1900-01-01 13:51 UT). */
const NEW_MOON_EPOCH_JD = 2415021.076998695;
const RAD = Math.PI / 180;

/** Julian date (TT ~ UT, days) of the k-th new moon after 1900-01-01; Meeus' truncated series. */
function newMoonJd(k: number): number {
  const t = k / 1236.85; // Julian centuries since 1900-01-01
  const t2 = t * t;
  const t3 = t2 * t;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * RAD);
  const m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3; // Sun's mean anomaly
  const mp = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3; // Moon's mean anomaly
  const f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3; // Moon's argument of latitude
  let c = (0.1734 - 0.000393 * t) * Math.sin(m * RAD) + 0.0021 * Math.sin(2 * m * RAD);
  c += -0.4068 * Math.sin(mp * RAD) + 0.0161 * Math.sin(2 * mp * RAD) - 0.0004 * Math.sin(3 * mp * RAD);
  c += 0.0104 * Math.sin(2 * f * RAD) - 0.0051 * Math.sin((m + mp) * RAD);
  c += -0.0074 * Math.sin((m - mp) * RAD) + 0.0004 * Math.sin((2 * f + m) * RAD);
  c += -0.0004 * Math.sin((2 * f - m) * RAD) - 0.0006 * Math.sin((2 * f + mp) * RAD);
  c += 0.001 * Math.sin((2 * f - mp) * RAD) + 0.0005 * Math.sin((2 * mp + m) * RAD);
  // ΔT (TT - UT) in days, polynomial approximations.
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd + c - deltaT;
}

/** Apparent solar longitude in radians, in [0, 2π), at Julian date jd. */
function sunLongitude(jd: number): number {
  const t = (jd - 2451545.0) / 36525; // Julian centuries since J2000.0
  const t2 = t * t;
  const m = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2; // mean anomaly
  const l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2; // mean longitude
  let dl = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(m * RAD);
  dl += (0.019993 - 0.000101 * t) * Math.sin(2 * m * RAD) + 0.00029 * Math.sin(3 * m * RAD);
  const l = (l0 + dl) * RAD;
  return l - 2 * Math.PI * Math.floor(l / (2 * Math.PI));
}

/** Julian Day Number of the local day (in `tz`) that contains the k-th new moon. */
function newMoonDay(k: number, tz: number): number {
  return Math.floor(newMoonJd(k) + 0.5 + tz / 24);
}

/** Which 30° sector (0..11) the sun is in at the local midnight that starts Julian Day Number `jdn`. */
function sunSector(jdn: number, tz: number): number {
  return Math.floor((sunLongitude(jdn - 0.5 - tz / 24) / Math.PI) * 6);
}

/** Julian Day Number of the first day of lunar month 11 that falls in (or spans the end of) solar year `year`. */
function lunarMonth11Start(year: number, tz: number): number {
  const dec31 = JDN_OF_EPOCH + dayFromCivil(year, 12, 31);
  const k = Math.floor((dec31 - 2415021) / SYNODIC_MONTH);
  const nm = newMoonDay(k, tz);
  // If the sun is already past 270° when this month starts, the solstice lies in the previous month.
  return sunSector(nm, tz) >= 9 ? newMoonDay(k - 1, tz) : nm;
}

/** Offset (in months, counted from month 11 = 0) of the leap month in a 13-month span starting at a11. */
function leapMonthOffset(a11: number, tz: number): number {
  const k = Math.floor((a11 - NEW_MOON_EPOCH_JD) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i, tz), tz);
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}

/**
 * Day number of the solar date for lunar day/month of lunar year `lunarYear` (the lunar year whose
 * month 1 begins in solar year `lunarYear`). `leap` selects the leap copy of the month; it returns null
 * when that month is not leap in that year, or when `day` is beyond the month's length.
 */
export function lunarToSolarDay(
  day: number,
  month: number,
  lunarYear: number,
  leap = false,
  tz: number = VN_LUNAR_TIME_ZONE,
): DayNumber | null {
  if (!Number.isInteger(day) || !Number.isInteger(month) || day < 1 || day > 30 || month < 1 || month > 12) {
    return null;
  }
  const a11 = month < 11 ? lunarMonth11Start(lunarYear - 1, tz) : lunarMonth11Start(lunarYear, tz);
  const b11 = month < 11 ? lunarMonth11Start(lunarYear, tz) : lunarMonth11Start(lunarYear + 1, tz);
  const k = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH_JD) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, tz);
    const leapMonth = ((leapOff + 9) % 12) + 1;
    if (leap && month !== leapMonth) return null;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return null;
  }
  const monthStart = newMoonDay(k + off, tz);
  const monthLength = newMoonDay(k + off + 1, tz) - monthStart;
  if (day > monthLength) return null;
  return monthStart + day - 1 - JDN_OF_EPOCH;
}

/** Day number of Tết Nguyên đán (mùng 1 tháng Giêng) of lunar year `lunarYear`, for UTC+7 by default. */
export function lunarNewYearDay(lunarYear: number, tz: number = VN_LUNAR_TIME_ZONE): DayNumber {
  const d = lunarToSolarDay(1, 1, lunarYear, false, tz);
  if (d === null) throw new Error(`unreachable: no lunar new year for ${lunarYear}`);
  return d;
}
