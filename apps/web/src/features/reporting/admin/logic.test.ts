import { describe, expect, it } from 'vitest';
import {
  changedFields,
  checkExpression,
  type FormFormValues,
  formInput,
  formValues,
  type IndicatorFormValues,
  indicatorInput,
  indicatorValues,
  type KnownIndicator,
  move,
  parseDayList,
  recentPeriodIds,
  ruleText,
  ruleValues,
  scheduleExample,
  tryRule,
  validateForm,
  validateIndicator,
  validateRule,
  validateUnlock,
} from './logic';

const KNOWN: KnownIndicator[] = [
  { code: 'revenue', nameVi: 'Doanh thu', nameEn: 'Revenue', source: 'reported', combos: [] },
  { code: 'export', nameVi: 'Xuất khẩu', nameEn: 'Exports', source: 'reported', combos: [] },
  { code: 'import', nameVi: 'Nhập khẩu', nameEn: 'Imports', source: 'reported', combos: [] },
  {
    code: 'labour',
    nameVi: 'Lao động',
    nameEn: 'Workers',
    source: 'reported',
    combos: ['nationality:vn', 'nationality:foreign', 'sex:female', 'sex:male'],
  },
  { code: 'trade_balance', nameVi: 'Cán cân', nameEn: 'Balance', source: 'computed', combos: [] },
  { code: 'fdi_projects', nameVi: 'Dự án FDI', nameEn: 'FDI projects', source: 'registry', combos: [] },
];

describe('expression check', () => {
  it('should list every operand once with its status', () => {
    const check = checkExpression('labour[nationality:foreign] / labour + labour', KNOWN);
    expect(check).toMatchObject({ state: 'checked', ok: true });
    if (check.state !== 'checked') throw new Error('unreachable');
    expect(check.operands.map((o) => [o.text, o.status])).toEqual([
      ['labour[nationality:foreign]', 'ok'],
      ['labour', 'ok'],
    ]);
  });

  it('should name unknown codes, unknown breakdown parts, computed operands in formulas and self-reference', () => {
    const check = checkExpression(
      'nothing + labour[nationality:martian] + trade_balance + my_ind + fdi_projects',
      [...KNOWN, { code: 'my_ind', nameVi: 'x', nameEn: 'x', source: 'computed', combos: [] }],
      { allowComputed: false, self: 'my_ind' },
    );
    if (check.state !== 'checked') throw new Error(`expected checked, got ${check.state}`);
    expect(check.ok).toBe(false);
    expect(Object.fromEntries(check.operands.map((o) => [o.text, o.status]))).toEqual({
      nothing: 'unknown',
      'labour[nationality:martian]': 'badCombo',
      trade_balance: 'computed',
      my_ind: 'self',
      fdi_projects: 'ok',
    });
  });

  it('should report the 1-based character where a malformed expression stops, and nothing for empty text', () => {
    const check = checkExpression('revenue * (export', KNOWN);
    expect(check.state).toBe('syntax');
    if (check.state === 'syntax') expect(check.position).toBeGreaterThan(1);
    expect(checkExpression('revenue$2', KNOWN)).toMatchObject({ state: 'syntax', position: 8 });
    expect(checkExpression('   ', KNOWN)).toEqual({ state: 'empty' });
  });
});

describe('rules', () => {
  const foreignRule = {
    leftExpr: 'labour[nationality:foreign]',
    operator: 'le' as const,
    rightExpr: 'labour',
    ratioMin: null,
    ratioMax: null,
    severity: 'blocking' as const,
  };

  it('should read a rule as a condition', () => {
    expect(ruleText(foreignRule)).toBe('labour[nationality:foreign] ≤ labour');
    expect(
      ruleText({
        ...foreignRule,
        operator: 'ratio_between',
        leftExpr: 'avg_income',
        rightExpr: '1000000',
        ratioMin: '3',
        ratioMax: '150',
      }),
    ).toBe('3 ≤ (avg_income) ÷ (1000000) ≤ 150');
    expect(ruleText({ ...foreignRule, operator: 'ratio_between', ratioMin: null, ratioMax: '0.5' })).toBe(
      '(labour[nationality:foreign]) ÷ (labour) ≤ 0.5',
    );
  });

  it('should try a rule on sample values exactly as the entry screen does', () => {
    const fail = tryRule(foreignRule, { 'labour[nationality:foreign]': '120', labour: '100' });
    expect(fail).toMatchObject({ kind: 'outcome', outcome: { passed: false, left: '120', right: '100' } });
    expect(tryRule(foreignRule, { 'labour[nationality:foreign]': '100', labour: '100' })).toMatchObject({
      outcome: { passed: true },
    });
    expect(tryRule(foreignRule, { labour: '100' })).toMatchObject({ outcome: { passed: null } });
    expect(tryRule(foreignRule, { labour: 'abc' })).toEqual({ kind: 'invalid', operand: 'labour' });
    const ratio = { ...foreignRule, operator: 'ratio_between' as const, ratioMin: '0.1', ratioMax: '0.2' };
    // 0.1 + 0.2 style decimals compare exactly: 3 / 10 is inside [0.1, 0.3] only when the bound is 0.3.
    expect(
      tryRule({ ...ratio, ratioMax: '0.3' }, { 'labour[nationality:foreign]': '3', labour: '10' }),
    ).toMatchObject({
      outcome: { passed: true },
    });
    expect(tryRule(ratio, { 'labour[nationality:foreign]': '3', labour: '10' })).toMatchObject({
      outcome: { passed: false },
    });
  });

  it('should validate a rule field by field', () => {
    const good = {
      ...ruleValues(undefined),
      code: 'R-1',
      leftExpr: 'export',
      rightExpr: 'revenue * 1.5',
      messageVi: 'a',
      messageEn: 'b',
    };
    expect(validateRule(good, KNOWN, [], true)).toEqual({});
    expect(validateRule({ ...good, code: 'R-1' }, KNOWN, ['R-1'], true)).toEqual({ code: 'ruleCodeTaken' });
    expect(validateRule({ ...good, code: 'R-1' }, KNOWN, ['R-1'], false)).toEqual({});
    expect(
      validateRule({ ...good, leftExpr: 'export +', rightExpr: 'profit', messageVi: ' ' }, KNOWN, [], true),
    ).toEqual({ leftExpr: 'expressionSyntax', rightExpr: 'expressionOperands', messageVi: 'messageVi' });
    const ratio = { ...good, operator: 'ratio_between' as const };
    expect(validateRule(ratio, KNOWN, [], true)).toEqual({ ratioMin: 'ratioBounds' });
    expect(validateRule({ ...ratio, ratioMin: '0,5', ratioMax: '0,2' }, KNOWN, [], true)).toEqual({
      ratioMax: 'ratioOrder',
    });
    expect(validateRule({ ...ratio, ratioMin: 'nửa' }, KNOWN, [], true)).toEqual({ ratioMin: 'decimal' });
  });
});

describe('due day and lock day example', () => {
  it('should compute both days from the end of the current and the previous period', () => {
    const ex = scheduleExample('month', 10, 45, '2026-11-23');
    expect(ex.current).toMatchObject({
      periodEnd: '2026-11-30',
      dueDate: '2026-12-10',
      lockDate: '2027-01-14',
    });
    expect(ex.previous).toMatchObject({
      periodEnd: '2026-10-31',
      dueDate: '2026-11-10',
      lockDate: '2026-12-15',
    });
    const q = scheduleExample('quarter', 15, 30, '2026-02-01');
    expect(q.current).toMatchObject({
      periodEnd: '2026-03-31',
      dueDate: '2026-04-15',
      lockDate: '2026-04-30',
    });
    expect(q.previous.periodEnd).toBe('2025-12-31');
  });

  it('should list recent periods newest first', () => {
    expect(recentPeriodIds('quarter', '2026-05-01', 3)).toEqual(['2026Q2', '2026Q1', '2025Q4']);
    expect(recentPeriodIds('half_year', '2026-05-01', 2)).toEqual(['2026S1', '2025S2']);
  });
});

describe('form values', () => {
  const base: FormFormValues = {
    ...formValues(undefined, '2026-11-23'),
    code: 'BM-1',
    nameVi: 'Biểu',
    nameEn: 'Form',
    indicators: [{ code: 'revenue', required: true, sectionVi: '' }],
  };

  it('should accept a complete quarterly form and start in the current quarter', () => {
    expect(base.firstPeriod).toBe('2026Q4');
    expect(validateForm(base, true)).toEqual({});
  });

  it('should refuse a lock day before the due day and periods of another type', () => {
    expect(validateForm({ ...base, dueAfterDays: 20, lockAfterDays: 10 }, true)).toEqual({
      lockAfterDays: 'lockBeforeDue',
    });
    expect(validateForm({ ...base, firstPeriod: '2026M01', lastPeriod: '2027' }, true)).toEqual({
      firstPeriod: 'periodType',
      lastPeriod: 'periodType',
    });
    expect(validateForm({ ...base, firstPeriod: '2026Q3', lastPeriod: '2026Q1' }, true)).toEqual({
      lastPeriod: 'lastBeforeFirst',
    });
    expect(validateForm({ ...base, dueAfterDays: '', lockAfterDays: 2.5 }, true)).toEqual({
      dueAfterDays: 'dueDays',
      lockAfterDays: 'lockDays',
    });
  });

  it('should require listed enterprises, indicators and well-formed reminder days', () => {
    expect(
      validateForm(
        { ...base, targetMode: 'listed', indicators: [], remindAfterDays: '0', remindBeforeDays: 'ba' },
        true,
      ),
    ).toEqual({
      enterpriseIds: 'enterprisesRequired',
      indicators: 'indicatorsRequired',
      remindAfterDays: 'dayRange',
      remindBeforeDays: 'dayList',
    });
  });

  it('should send only the target fields of the chosen mode', () => {
    const listed = formInput({
      ...base,
      targetMode: 'listed',
      targetZoneIds: ['z'],
      enterpriseIds: ['e'],
      targetInvestmentType: 'fdi',
    });
    expect(listed).toMatchObject({ targetZoneIds: [], enterpriseIds: ['e'], targetInvestmentType: null });
    const filter = formInput({
      ...base,
      targetZoneIds: ['z'],
      enterpriseIds: ['e'],
      remindAfterDays: '5, 1, 5',
    });
    expect(filter).toMatchObject({ targetZoneIds: ['z'], enterpriseIds: [], remindAfterDays: [1, 5] });
  });

  it('should parse reminder day lists', () => {
    expect(parseDayList('7, 3;1', 0, 60)).toEqual({ ok: true, days: [1, 3, 7] });
    expect(parseDayList('', 0, 60)).toEqual({ ok: true, days: [] });
    expect(parseDayList('1,2,3,4,5,6', 0, 60)).toEqual({ ok: false, error: 'dayCount' });
    expect(parseDayList('61', 0, 60)).toEqual({ ok: false, error: 'dayRange' });
  });

  it('should move indicators up and down and ignore moves past the ends', () => {
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    const list = ['a', 'b'];
    expect(move(list, 0, -1)).toBe(list);
    expect(move(list, 1, 1)).toBe(list);
  });
});

describe('indicator values', () => {
  const fresh: IndicatorFormValues = {
    ...indicatorValues(undefined),
    code: 'labour_trainees',
    nameVi: 'Học viên',
    nameEn: 'Trainees',
    unit: 'persons',
    displayUnit: 'persons',
    valueType: 'integer',
  };

  it('should accept a new reported indicator and refuse a taken or malformed code', () => {
    expect(validateIndicator(fresh, KNOWN, true)).toEqual({});
    expect(validateIndicator({ ...fresh, code: 'revenue' }, KNOWN, true)).toEqual({ code: 'codeTaken' });
    expect(validateIndicator({ ...fresh, code: 'Lao động' }, KNOWN, true)).toEqual({ code: 'indicatorCode' });
    expect(validateIndicator({ ...fresh, code: 'revenue' }, KNOWN, false)).toEqual({});
  });

  it('should require a reported weight for a weighted average and no decimals for whole numbers', () => {
    expect(validateIndicator({ ...fresh, aggregation: 'weighted_average' }, KNOWN, true)).toEqual({
      weightIndicator: 'weightRequired',
    });
    expect(
      validateIndicator(
        { ...fresh, aggregation: 'weighted_average', weightIndicator: 'trade_balance' },
        KNOWN,
        true,
      ),
    ).toEqual({ weightIndicator: 'weightReported' });
    expect(validateIndicator({ ...fresh, decimals: 2 }, KNOWN, true)).toEqual({
      decimals: 'integerDecimals',
    });
  });

  it('should check the formula of a computed indicator against the catalogue', () => {
    const computed = { ...fresh, source: 'computed' as const, aggregation: 'formula' as const };
    expect(validateIndicator(computed, KNOWN, true)).toEqual({ formula: 'formulaRequired' });
    expect(validateIndicator({ ...computed, formula: 'export - import' }, KNOWN, true)).toEqual({});
    expect(validateIndicator({ ...computed, formula: 'export - trade_balance' }, KNOWN, true)).toEqual({
      formula: 'formulaOperands',
    });
    expect(validateIndicator({ ...computed, formula: 'export -' }, KNOWN, true)).toEqual({
      formula: 'formulaSyntax',
    });
    expect(
      indicatorInput({ ...computed, formula: ' export - import ', weightIndicator: 'labour' }),
    ).toMatchObject({
      aggregation: 'formula',
      formula: 'export - import',
      weightIndicator: null,
    });
  });

  it('should send only what changed on an update, so unchanged meaning fields are never touched', () => {
    const before = indicatorInput(fresh);
    const after = indicatorInput({
      ...fresh,
      nameKo: '연수생',
      disaggregations: [{ code: 'sex', required: false }],
    });
    expect(changedFields(before, after)).toEqual({
      nameKo: '연수생',
      disaggregations: [{ code: 'sex', required: false }],
    });
    expect(changedFields(before, indicatorInput(fresh))).toEqual({});
  });
});

describe('unlock form', () => {
  it('should require a period of the form, an enterprise unless all, a date from today and a reason', () => {
    const ok = {
      periodId: '2026M08',
      allEnterprises: false,
      enterpriseId: 'e',
      openUntil: '2026-12-01',
      reason: 'Công văn 12',
    };
    expect(validateUnlock(ok, 'month', '2026-11-23')).toEqual({});
    expect(validateUnlock({ ...ok, allEnterprises: true, enterpriseId: '' }, 'month', '2026-11-23')).toEqual(
      {},
    );
    expect(
      validateUnlock(
        { periodId: '2026Q3', allEnterprises: false, enterpriseId: '', openUntil: '2026-11-22', reason: 'x' },
        'month',
        '2026-11-23',
      ),
    ).toEqual({
      periodId: 'unlockPeriod',
      enterpriseId: 'unlockEnterprise',
      openUntil: 'unlockUntil',
      reason: 'unlockReason',
    });
  });
});
