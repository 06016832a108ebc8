import type { EntryView } from '@heza/shared/reporting';
import { describe, expect, it } from 'vitest';
import { initialState, toCanonical, toTyped, toValues } from './entry-values';

describe('typed numbers', () => {
  it('should read Vietnamese and English number formats into one canonical decimal', () => {
    expect(toCanonical('1.234.567,5', 'vi')).toBe('1234567.5');
    expect(toCanonical('1234,5', 'vi')).toBe('1234.5');
    expect(toCanonical('1,234,567.5', 'en')).toBe('1234567.5');
    expect(toCanonical(' 12 000 ', 'en')).toBe('12000');
  });

  it('should pass text that is not a number on unchanged so the checks can name it', () => {
    expect(toCanonical('năm triệu', 'vi')).toBe('nămtriệu');
    expect(toCanonical('1.2.3', 'en')).toBe('1.2.3');
  });

  it('should write a canonical decimal back in the UI language', () => {
    expect(toTyped('1234.5', 'vi')).toBe('1234,5');
    expect(toTyped('1234.5', 'en')).toBe('1234.5');
    expect(toTyped(null, 'vi')).toBe('');
  });
});

describe('entry state', () => {
  const entry = {
    period: { ended: false },
    values: [
      {
        indicator: 'labour',
        combo: '',
        value: '10',
        estimate: true,
        submittedValue: '10',
        submittedEstimate: true,
      },
    ],
    indicators: [
      { code: 'revenue', disaggregations: [] },
      {
        code: 'labour',
        disaggregations: [{ code: 'nationality', options: [{ code: 'vn' }, { code: 'foreign' }] }],
      },
    ],
  } as unknown as EntryView;

  it('should start estimates ticked before the period ends and send every non-empty cell', () => {
    const state = initialState(entry, 'vi');
    expect(state.estimate).toEqual({ labour: true, revenue: true });
    state.text['labour|nationality:foreign'] = '2';
    state.text['revenue|'] = '5,5';
    expect(toValues(entry, state, 'vi')).toEqual([
      { indicator: 'revenue', combo: '', value: '5.5', estimate: true },
      { indicator: 'labour', combo: '', value: '10', estimate: true },
      { indicator: 'labour', combo: 'nationality:foreign', value: '2', estimate: true },
    ]);
  });
});
