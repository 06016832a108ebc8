import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, countryLabel, countryOptions } from './countries';

describe('countries', () => {
  it('should hold the officially assigned ISO 3166-1 codes once each', () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(new Set(COUNTRY_CODES).size).toBe(249);
    expect(COUNTRY_CODES).toEqual(expect.arrayContaining(['VN', 'KR', 'JP', 'SG', 'TW', 'HK']));
  });

  it('should name countries in the UI language', () => {
    expect(countryLabel('KR', 'vi')).toBe('Hàn Quốc');
    expect(countryLabel('JP', 'en')).toBe('Japan');
  });

  it('should offer options sorted by name with the code beside it', () => {
    const options = countryOptions('vi');
    expect(options).toContainEqual({ value: 'JP', label: 'Nhật Bản (JP)' });
    const labels = options.map((o) => o.label);
    expect([...labels].sort(new Intl.Collator('vi').compare)).toEqual(labels);
  });
});
