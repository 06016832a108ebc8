import { describe, expect, it } from 'vitest';
import { decimalToInput, parseDecimalInput, parsePlainNumber, shiftDecimal } from './decimal';

describe('shiftDecimal', () => {
  it('should move the point left for millions and billions without losing digits', () => {
    expect(shiftDecimal('621400000.00', -6)).toBe('621.4');
    expect(shiftDecimal('2057000000000', -9)).toBe('2057');
    expect(shiftDecimal('87905982.91', -6)).toBe('87.90598291');
    expect(shiftDecimal('5', -3)).toBe('0.005');
  });

  it('should keep the sign and write zero without one', () => {
    expect(shiftDecimal('-121000000000', -9)).toBe('-121');
    expect(shiftDecimal('-0.00', 0)).toBe('0');
    expect(shiftDecimal('12.5', 2)).toBe('1250');
  });

  it('should refuse text that is not a decimal', () => {
    expect(() => shiftDecimal('1e5', 0)).toThrow(RangeError);
    expect(() => shiftDecimal('', 0)).toThrow(RangeError);
  });
});

describe('parseDecimalInput', () => {
  it('should read the Vietnamese style: dots group thousands, the comma marks decimals', () => {
    expect(parseDecimalInput('1.234.567,89', 'vi')).toBe('1234567.89');
    expect(parseDecimalInput('490.260.000', 'vi')).toBe('490260000');
    expect(parseDecimalInput('37,5', 'vi')).toBe('37.5');
    expect(parseDecimalInput(' 1 000 000 ', 'vi')).toBe('1000000');
    expect(parseDecimalInput('-121', 'vi')).toBe('-121');
  });

  it('should read a lone dot as a decimal point unless it groups exactly three digits', () => {
    expect(parseDecimalInput('12.5', 'vi')).toBe('12.5');
    expect(parseDecimalInput('1.234', 'vi')).toBe('1234');
  });

  it('should read the English style', () => {
    expect(parseDecimalInput('1,234,567.89', 'en')).toBe('1234567.89');
    expect(parseDecimalInput('0.5', 'en')).toBe('0.5');
    expect(parseDecimalInput('.5', 'en')).toBe('0.5');
  });

  it('should return null for anything that is not a number', () => {
    for (const text of ['', 'abc', '1,2,3', '1.23.4', '12,5.3', '1..2']) {
      expect(parseDecimalInput(text, 'vi')).toBeNull();
    }
    expect(parseDecimalInput('1,23', 'en')).toBeNull();
  });
});

describe('decimalToInput', () => {
  it('should show an API decimal for editing in the language of the form', () => {
    expect(decimalToInput('489260000.00', 'vi')).toBe('489260000');
    expect(decimalToInput('7.2600', 'vi')).toBe('7,26');
    expect(decimalToInput('7.2600', 'en')).toBe('7.26');
    expect(decimalToInput(null, 'vi')).toBe('');
  });

  it('should read back what it writes', () => {
    for (const value of ['0.5', '1234567.891', '100']) {
      expect(parseDecimalInput(decimalToInput(value, 'vi'), 'vi')).toBe(value);
      expect(parseDecimalInput(decimalToInput(value, 'en'), 'en')).toBe(value);
    }
  });
});

describe('parsePlainNumber', () => {
  it('should accept either decimal mark for coordinates and distances', () => {
    expect(parsePlainNumber('106,72')).toBe(106.72);
    expect(parsePlainNumber('20.86')).toBe(20.86);
    expect(parsePlainNumber('-3')).toBe(-3);
    expect(parsePlainNumber('1.234,5')).toBeNull();
    expect(parsePlainNumber('')).toBeNull();
  });
});
