import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** A value of the URL's query string when it is one of `allowed`, else ''. */
export function readChoice<T extends string>(
  params: URLSearchParams,
  key: string,
  allowed: readonly T[],
): T | '' {
  const value = params.get(key);
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : '';
}

/** A page number from the URL (1 when absent or nonsense). */
export function readPage(params: URLSearchParams): number {
  const page = Number(params.get('page'));
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** A calendar date 'YYYY-MM-DD' from the URL, else ''. */
export function readIsoDate(params: URLSearchParams, key: string): string {
  const value = params.get(key) ?? '';
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '';
}

/** A UUID from the URL, else '' (the API would refuse anything else). */
export function readId(params: URLSearchParams, key: string): string {
  const value = params.get(key) ?? '';
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value) ? value : '';
}

/**
 * Applies changes to a query string: '' (or undefined) removes a key, page 1 is implicit, and any change that
 * is not itself a page change sends the list back to page 1.
 */
export function mergeParams(
  current: URLSearchParams,
  next: Record<string, string | number | undefined>,
): URLSearchParams {
  const merged = new URLSearchParams(current);
  for (const [key, value] of Object.entries(next)) {
    if (value === '' || value === undefined || (key === 'page' && value === 1)) merged.delete(key);
    else merged.set(key, String(value));
  }
  if (!('page' in next)) merged.delete('page');
  return merged;
}

/** The page's query string and a setter that merges changes (replacing the history entry). */
export function useListParams() {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (next: Record<string, string | number | undefined>) =>
      setParams((current) => mergeParams(current, next), { replace: true }),
    [setParams],
  );
  return { params, update };
}
