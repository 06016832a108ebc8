import { describe, expect, it } from 'vitest';
import {
  formatBillions,
  formatIsoDate,
  formatMillions,
  formatNumber,
  formatOptionalNumber,
  formatPercent,
  parseDateText,
  todayIso,
} from './format-number';

describe('formatNumber', () => {
  it('should write numbers the official Vietnamese way in Vietnamese', () => {
    expect(formatNumber(82648, 'vi')).toBe('82.648');
    expect(formatNumber('34.7', 'vi')).toBe('34,7');
    expect(formatNumber('6101.9500', 'vi')).toBe('6.101,95');
    expect(formatNumber('28850000000.00', 'vi')).toBe('28.850.000.000');
  });

  it('should swap the separators in English', () => {
    expect(formatNumber(82648, 'en')).toBe('82,648');
    expect(formatNumber('2226.2', 'en')).toBe('2,226.2');
  });

  it('should write a dash when there is no number', () => {
    expect(formatOptionalNumber(null, 'vi')).toBe('—');
    expect(formatOptionalNumber('1000', 'vi')).toBe('1.000');
  });
});

describe('formatPercent', () => {
  it('should write percentages with one decimal and no space', () => {
    expect(formatPercent(65, 'vi')).toBe('65%');
    expect(formatPercent(96.14, 'vi')).toBe('96,1%');
    expect(formatPercent(143.45, 'vi', { decimals: 2 })).toBe('143,45%');
    expect(formatPercent(143.45, 'en', { decimals: 2 })).toBe('143.45%');
  });
});

describe('formatMillions and formatBillions', () => {
  it('should give the units of the reports: million USD and billion VND, exactly', () => {
    expect(formatMillions('621400000.00', 'vi')).toBe('621,4');
    expect(formatMillions('2226200000.00', 'vi')).toBe('2.226,2');
    expect(formatMillions('28850000000.00', 'en')).toBe('28,850');
    expect(formatBillions('320836000000000', 'vi')).toBe('320.836');
    expect(formatBillions('-121000000000', 'vi')).toBe('-121');
  });
});

describe('dates', () => {
  it('should write calendar dates as dd/mm/yyyy whatever the time zone', () => {
    expect(formatIsoDate('2025-12-31')).toBe('31/12/2025');
    expect(formatIsoDate('2024-06-04T17:30:00Z')).toBe('05/06/2024');
    expect(formatIsoDate(null)).toBe('');
  });

  it('should read typed dates in the usual Vietnamese forms', () => {
    expect(parseDateText('31/12/2025')).toBe('2025-12-31');
    expect(parseDateText('1/2/2025')).toBe('2025-02-01');
    expect(parseDateText('05-06-2025')).toBe('2025-06-05');
    expect(parseDateText('05.06.2025')).toBe('2025-06-05');
    expect(parseDateText('2025-12-31')).toBe('2025-12-31');
  });

  it('should refuse dates that do not exist', () => {
    expect(parseDateText('31/02/2025')).toBeNull();
    expect(parseDateText('29/02/2023')).toBeNull();
    expect(parseDateText('29/02/2024')).toBe('2024-02-29');
    expect(parseDateText('12/2025')).toBeNull();
  });

  it("should give today's date on Vietnam's clock", () => {
    expect(todayIso(new Date('2025-12-31T17:30:00Z'))).toBe('2026-01-01');
    expect(todayIso(new Date('2025-12-31T16:59:00Z'))).toBe('2025-12-31');
  });
});
