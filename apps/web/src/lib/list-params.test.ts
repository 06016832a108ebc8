import { describe, expect, it } from 'vitest';
import { mergeParams, readChoice, readId, readIsoDate, readPage } from './list-params';

const params = (s: string) => new URLSearchParams(s);

describe('reading list parameters from the URL', () => {
  it('should accept only known choices, real page numbers, ISO dates and UUIDs', () => {
    expect(readChoice(params('kind=economic_zone'), 'kind', ['economic_zone', 'industrial_park'])).toBe(
      'economic_zone',
    );
    expect(readChoice(params('kind=bogus'), 'kind', ['economic_zone'])).toBe('');
    expect(readPage(params('page=3'))).toBe(3);
    expect(readPage(params('page=-1'))).toBe(1);
    expect(readPage(params('page=2.5'))).toBe(1);
    expect(readIsoDate(params('asOf=2024-10-31'), 'asOf')).toBe('2024-10-31');
    expect(readIsoDate(params('asOf=31/10/2024'), 'asOf')).toBe('');
    expect(readId(params('zoneId=5ea308bc-600a-4677-8107-19d85a9b654b'), 'zoneId')).toBe(
      '5ea308bc-600a-4677-8107-19d85a9b654b',
    );
    expect(readId(params('zoneId=1'), 'zoneId')).toBe('');
  });
});

describe('mergeParams', () => {
  it('should drop empty values and return to page 1 when a filter changes', () => {
    const next = mergeParams(params('q=dinh&page=3&kind=industrial_park'), { kind: '', status: 'operating' });
    expect(next.toString()).toBe('q=dinh&status=operating');
  });

  it('should keep the other filters when only the page changes, and leave page 1 implicit', () => {
    expect(mergeParams(params('q=dinh'), { page: 2 }).toString()).toBe('q=dinh&page=2');
    expect(mergeParams(params('q=dinh&page=2'), { page: 1 }).toString()).toBe('q=dinh');
  });
});
