import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatLongDate, formatMoment } from './format';

describe('date formatting', () => {
  it('should show Vietnam time when the instant is given in UTC', () => {
    // 17:30 UTC on 4 June is 00:30 on 5 June in Hanoi.
    expect(formatDateTime('2025-06-04T17:30:00Z')).toBe('05/06/2025 00:30');
    expect(formatDate('2025-06-04T17:30:00Z')).toBe('05/06/2025');
  });

  it('should return an empty string when there is no valid date', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('not a date')).toBe('');
  });

  it('should write a moment in a sentence of each language', () => {
    expect(formatMoment('2025-06-05T07:05:00Z', 'vi')).toBe('14:05 ngày 05/06/2025');
    expect(formatMoment('2025-06-05T07:05:00Z', 'en')).toBe('14:05 on 05/06/2025');
  });

  it('should write the long date with the Vietnamese weekday when the language is Vietnamese', () => {
    const thursday = new Date('2025-06-05T03:00:00Z');
    expect(formatLongDate(thursday, 'vi')).toBe('Thứ Năm, ngày 5 tháng 6 năm 2025');
    expect(formatLongDate(new Date('2025-06-08T03:00:00Z'), 'vi')).toBe('Chủ nhật, ngày 8 tháng 6 năm 2025');
    // ICU versions differ on the comma after the weekday.
    expect(formatLongDate(thursday, 'en')).toMatch(/^Thursday,? 5 June 2025$/);
  });
});
