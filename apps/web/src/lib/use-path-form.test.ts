import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { clearPath, partitionErrors, serverErrorsByPath } from './use-path-form';

function validation(details: unknown) {
  return new ApiError({ status: 400, code: 'VALIDATION_FAILED', message: 'Dữ liệu không hợp lệ.', details });
}

describe('serverErrorsByPath', () => {
  it('should key the server messages by their whole path, first message per path', () => {
    const errors = serverErrorsByPath(
      validation([
        { field: 'investors.0.country', message: 'Mã quốc gia không hợp lệ.' },
        { field: 'body.firstEntry.certificateNo', message: 'Vui lòng nhập số giấy chứng nhận.' },
        { field: 'investors.0.country', message: 'second' },
        { nonsense: true },
      ]),
    );
    expect(errors).toEqual({
      'investors.0.country': 'Mã quốc gia không hợp lệ.',
      'firstEntry.certificateNo': 'Vui lòng nhập số giấy chứng nhận.',
    });
  });

  it('should find nothing in an error that is not from the API', () => {
    expect(serverErrorsByPath(new Error('boom'))).toEqual({});
  });
});

describe('partitionErrors', () => {
  it('should split the messages a form shows from those it lists in its summary', () => {
    const { shown, others } = partitionErrors({ nameVi: 'a', 'contacts.1.email': 'b', secret: 'c' }, (p) =>
      ['nameVi', 'contacts'].some((f) => p === f || p.startsWith(`${f}.`)),
    );
    expect(shown).toEqual({ nameVi: 'a', 'contacts.1.email': 'b' });
    expect(others).toEqual([{ field: 'secret', message: 'c' }]);
  });
});

describe('clearPath', () => {
  it('should clear a field and everything inside it, and keep the same object when nothing changes', () => {
    const errors = { contacts: 'x', 'contacts.0.name': 'y', contactsExtra: 'z' };
    expect(clearPath(errors, 'contacts')).toEqual({ contactsExtra: 'z' });
    expect(clearPath(errors, 'nameVi')).toBe(errors);
  });
});
