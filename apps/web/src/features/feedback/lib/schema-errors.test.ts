import { CounterFeedbackInput } from '@heza/shared/feedback';
import { describe, expect, it } from 'vitest';
import { schemaErrors } from './schema-errors';

describe('schemaErrors', () => {
  const base = {
    kind: 'feedback',
    categoryCode: 'procedures',
    requesterName: 'Nguyễn Văn A',
    subject: 'Tiêu đề',
    body: 'Nội dung',
  };

  it('should give the bilingual message of the shared schema in the UI language, one per field', () => {
    const r = CounterFeedbackInput.safeParse({
      ...base,
      requesterName: '  ',
      requesterEmail: 'x@',
      subject: '',
    });
    expect(r.success).toBe(false);
    const vi = schemaErrors(r.error!, 'vi', (f) => `?${f}`);
    expect(vi).toEqual({
      requesterName: 'Vui lòng nhập họ tên hoặc tên tổ chức.',
      requesterEmail: 'Địa chỉ email không hợp lệ.',
      subject: 'Vui lòng nhập tiêu đề.',
    });
    expect(schemaErrors(r.error!, 'en', (f) => `?${f}`).subject).toBe('Please enter a subject.');
  });

  it('should use the fallback for checks without a bilingual message', () => {
    const r = CounterFeedbackInput.safeParse({ ...base, subject: 'x'.repeat(301) });
    expect(schemaErrors(r.error!, 'vi', (f) => `fallback:${f}`)).toEqual({ subject: 'fallback:subject' });
  });
});
