import { foldVietnamese } from '@heza/shared';

/**
 * Folds a search needle the same way the database's f_unaccent() folds stored text, and escapes LIKE
 * wildcards, so "dinh vu" finds "Đình Vũ".
 */
export function foldForSearch(s: string): string {
  return foldVietnamese(s).replace(/[\\%_]/g, (c) => `\\${c}`);
}
