import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidTaxCode, parseTaxCode, taxCodeCheckDigit } from './tax-code.ts';

const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`));

/** A 10-digit code whose check digit is right, built from 9 random digits. */
const checkedCode = digits(9)
  .filter((first9) => taxCodeCheckDigit(first9) !== undefined)
  .map((first9) => `${first9}${taxCodeCheckDigit(first9)}`);

describe('parseTaxCode', () => {
  it('should accept a 10-digit enterprise code as its own parent', () => {
    expect(parseTaxCode('0100109106')).toEqual({
      ok: true,
      value: '0100109106',
      isBranch: false,
      parent: '0100109106',
    });
  });

  it('should accept a branch code and give the parent enterprise', () => {
    expect(parseTaxCode('0100109106-001')).toEqual({
      ok: true,
      value: '0100109106-001',
      isBranch: true,
      parent: '0100109106',
    });
  });

  it('should ignore surrounding and inner spaces and normalise the hyphen', () => {
    expect(parseTaxCode('  0200519875 ')).toMatchObject({ ok: true, value: '0200519875' });
    expect(parseTaxCode('0100109106 - 012')).toMatchObject({ ok: true, value: '0100109106-012' });
    expect(parseTaxCode('0100109106\u00a0-\u00a0012')).toMatchObject({ ok: true, value: '0100109106-012' });
    expect(parseTaxCode('0100109106012')).toMatchObject({
      ok: true,
      value: '0100109106-012',
      isBranch: true,
    });
  });

  it('should refuse anything that is not 10 or 10-3 digits', () => {
    for (const bad of [
      '',
      '010010910',
      '01001091061',
      '0100109106-01',
      '0100109106-0001',
      '0100109106--001',
      '0100109106/001',
      '0100109106-000',
      'MST0100109106',
      '０１００１０９１０６', // full-width digits
      '001087123456', // a 12-digit personal identification number, not an enterprise code
    ]) {
      expect(parseTaxCode(bad), bad).toEqual({ ok: false, reason: 'format' });
      expect(isValidTaxCode(bad), bad).toBe(false);
    }
  });

  it('should not check the 10th digit unless asked', () => {
    expect(isValidTaxCode('0100109107')).toBe(true);
    expect(parseTaxCode('0100109107', { checkDigit: true })).toEqual({ ok: false, reason: 'checksum' });
    expect(parseTaxCode('0100109107-001', { checkDigit: true })).toEqual({ ok: false, reason: 'checksum' });
    expect(isValidTaxCode('0100109106-001', { checkDigit: true })).toBe(true);
  });

  it('should compute the check digit of the circular’s worked example and of known codes', () => {
    expect(taxCodeCheckDigit('010004751')).toBe(6);
    for (const code of ['0100047516', '0100109106', '0300588569', '0101248141', '0100684378']) {
      expect(isValidTaxCode(code, { checkDigit: true }), code).toBe(true);
    }
  });

  it('should treat a prefix whose remainder gives 10 as never valid', () => {
    // 31·0+…+3·0 = 0 → 10 − 0 = 10: no digit can complete 000000000.
    expect(taxCodeCheckDigit('000000000')).toBeUndefined();
    for (let d = 0; d <= 9; d++) {
      expect(parseTaxCode(`000000000${d}`, { checkDigit: true })).toEqual({ ok: false, reason: 'checksum' });
    }
    expect(() => taxCodeCheckDigit('12345678')).toThrow(RangeError);
  });

  it('should accept a code with its computed check digit, with or without a branch suffix', () => {
    fc.assert(
      fc.property(checkedCode, fc.integer({ min: 1, max: 999 }), (code, branch) => {
        expect(isValidTaxCode(code, { checkDigit: true })).toBe(true);
        const suffix = String(branch).padStart(3, '0');
        expect(parseTaxCode(`${code}-${suffix}`, { checkDigit: true })).toEqual({
          ok: true,
          value: `${code}-${suffix}`,
          isBranch: true,
          parent: code,
        });
      }),
    );
  });

  it('should detect every single wrong digit and every swap of neighbours among the first nine', () => {
    fc.assert(
      fc.property(
        checkedCode,
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (code, pos, delta) => {
          const wrong = code.split('');
          wrong[pos] = String((Number(wrong[pos]) + delta) % 10);
          expect(parseTaxCode(wrong.join(''), { checkDigit: true })).toEqual({
            ok: false,
            reason: 'checksum',
          });
          expect(isValidTaxCode(wrong.join(''))).toBe(true); // the shape is still fine without the check
        },
      ),
    );
    fc.assert(
      fc.property(checkedCode, fc.integer({ min: 0, max: 7 }), (code, pos) => {
        fc.pre(code[pos] !== code[pos + 1]);
        const swapped = code.split('');
        [swapped[pos], swapped[pos + 1]] = [swapped[pos + 1] as string, swapped[pos] as string];
        expect(parseTaxCode(swapped.join(''), { checkDigit: true }).ok).toBe(false);
      }),
    );
  });
});
