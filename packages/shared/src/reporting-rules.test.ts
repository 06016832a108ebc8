import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changePercent, percentOf, rational, toDecimal, toPlainDecimal } from './exact.ts';
import { pickMessage } from './i18n-message.ts';
import {
  checkEntry,
  type EntryIndicatorDef,
  ExpressionError,
  evaluateExpression,
  evaluateRule,
  parseExpression,
  type RuleDef,
} from './reporting-rules.ts';

const values = (o: Record<string, string>) => (code: string, combo: string) => {
  const v = o[combo ? `${code}[${combo}]` : code];
  return v === undefined ? null : rational(v);
};

describe('expressions', () => {
  it('should follow the usual precedence when parsing', () => {
    const v = evaluateExpression(
      parseExpression('a + b * 2 - (c - 1) / 2'),
      values({ a: '1', b: '3', c: '5' }),
    );
    expect(toPlainDecimal(v!)).toBe('5');
  });

  it('should read a breakdown part and a unary minus', () => {
    const v = evaluateExpression(
      parseExpression('-labour[nationality:foreign] + labour'),
      values({ labour: '10', 'labour[nationality:foreign]': '3' }),
    );
    expect(toPlainDecimal(v!)).toBe('7');
  });

  it('should give no value when an operand is missing or a division is by zero', () => {
    expect(evaluateExpression(parseExpression('a + b'), values({ a: '1' }))).toBeNull();
    expect(evaluateExpression(parseExpression('a / b'), values({ a: '1', b: '0' }))).toBeNull();
  });

  it('should say where a malformed expression stops', () => {
    expect(() => parseExpression('revenue * (export')).toThrow(ExpressionError);
    let position = -1;
    try {
      parseExpression('revenue ** 2');
    } catch (err) {
      position = (err as ExpressionError).position;
    }
    expect(position).toBe(9);
  });

  it('should add decimals exactly so parts equal their total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 8 }),
        (cents) => {
          const parts = Object.fromEntries(cents.map((c, i) => [`p${i}`, (c / 100).toFixed(2)]));
          const total = toDecimal(rational(cents.reduce((a, b) => a + b, 0)), 0);
          const rule: RuleDef = {
            code: 'sum',
            leftExpr: cents.map((_, i) => `p${i}`).join(' + '),
            operator: 'eq',
            rightExpr: 'total / 100',
            ratioMin: null,
            ratioMax: null,
            severity: 'blocking',
            messageVi: 'x',
            messageEn: 'x',
          };
          expect(evaluateRule(rule, values({ ...parts, total })).passed).toBe(true);
        },
      ),
    );
  });
});

describe('rules', () => {
  const rule = (over: Partial<RuleDef>): RuleDef => ({
    code: 'r',
    leftExpr: 'export',
    operator: 'le',
    rightExpr: 'revenue',
    ratioMin: null,
    ratioMax: null,
    severity: 'blocking',
    messageVi: 'vi',
    messageEn: 'en',
    ...over,
  });

  it('should compare with each operator', () => {
    const v = values({ export: '5', revenue: '5' });
    expect(evaluateRule(rule({ operator: 'le' }), v).passed).toBe(true);
    expect(evaluateRule(rule({ operator: 'lt' }), v).passed).toBe(false);
    expect(evaluateRule(rule({ operator: 'eq' }), v).passed).toBe(true);
    expect(evaluateRule(rule({ operator: 'gt' }), v).passed).toBe(false);
    expect(evaluateRule(rule({ operator: 'ge' }), v).passed).toBe(true);
  });

  it('should check a ratio against its bounds', () => {
    const r = rule({
      operator: 'ratio_between',
      leftExpr: 'avg_income',
      rightExpr: '1000000',
      ratioMin: '3',
      ratioMax: '150',
    });
    expect(evaluateRule(r, values({ avg_income: '2999999' })).passed).toBe(false);
    expect(evaluateRule(r, values({ avg_income: '3000000' })).passed).toBe(true);
    expect(evaluateRule(r, values({ avg_income: '150000001' })).passed).toBe(false);
  });

  it('should skip a rule whose values are not all entered', () => {
    expect(evaluateRule(rule({}), values({ export: '1' })).passed).toBeNull();
  });
});

describe('whole-report checks', () => {
  const labour: EntryIndicatorDef = {
    code: 'labour',
    nameVi: 'Lao động',
    nameEn: 'Workers',
    valueType: 'integer',
    decimals: 0,
    allowNegative: false,
    required: true,
    disaggregations: [
      {
        code: 'sex',
        nameVi: 'Giới tính',
        nameEn: 'Sex',
        required: false,
        options: [
          { code: 'female', nameVi: 'Nữ', nameEn: 'Female' },
          { code: 'male', nameVi: 'Nam', nameEn: 'Male' },
        ],
      },
    ],
  };
  const opts = {
    mode: 'submit' as const,
    periodEnded: true,
    periodLabelVi: 'Tháng 1/2026',
    periodLabelEn: 'January 2026',
    periodEndText: '31/01/2026',
  };

  it('should accept an optional breakdown left empty and refuse one given in part', () => {
    expect(
      checkEntry(
        { indicators: [labour], rules: [] },
        [{ indicator: 'labour', value: 10, estimate: false }],
        opts,
      ).problems,
    ).toEqual([]);
    const partial = checkEntry(
      { indicators: [labour], rules: [] },
      [
        { indicator: 'labour', value: 10, estimate: false },
        { indicator: 'labour', combo: 'sex:female', value: 4, estimate: false },
      ],
      opts,
    );
    expect(partial.problems).toEqual([
      expect.objectContaining({ field: 'values.labour[sex:male]', severity: 'blocking' }),
    ]);
  });

  it('should only warn about structure in a draft but still refuse a malformed value', () => {
    const r = checkEntry(
      { indicators: [labour], rules: [] },
      [
        { indicator: 'labour', value: '12.5', estimate: false },
        { indicator: 'labour', combo: 'sex:female', value: '1', estimate: false },
      ],
      { ...opts, mode: 'draft' },
    );
    expect(r.problems.map((p) => [p.field, p.severity])).toEqual([['values.labour', 'blocking']]);
    expect(pickMessage(r.problems[0]!.message, 'en')).toBe('Workers must be a whole number.');
  });

  it('should refuse a value given twice and an unknown indicator', () => {
    const r = checkEntry(
      { indicators: [labour], rules: [] },
      [
        { indicator: 'labour', value: 1, estimate: false },
        { indicator: 'labour', value: 2, estimate: false },
        { indicator: 'nope', value: 2, estimate: false },
      ],
      opts,
    );
    expect(r.problems.map((p) => p.field)).toEqual(['values.labour', 'values.nope']);
  });
});

describe('exact numbers', () => {
  it('should round half away from zero', () => {
    expect(toDecimal(rational('2.345'), 2)).toBe('2.35');
    expect(toDecimal(rational('-2.345'), 2)).toBe('-2.35');
    expect(toDecimal(rational('-0.001'), 2)).toBe('0.00');
  });

  it('should give percentages and changes, against the size of a negative base', () => {
    expect(percentOf(rational('12487'), rational('11895'))).toBe(104.98);
    expect(changePercent(rational('23797'), rational('20464'))).toBe(16.29);
    expect(changePercent(rational('-50'), rational('-100'))).toBe(50);
    expect(changePercent(rational('1'), rational('0'))).toBeNull();
  });
});
