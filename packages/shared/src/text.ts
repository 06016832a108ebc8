/**
 * Text helpers for searching Vietnamese without diacritics ("dinh vu" finds "Đình Vũ") and for URL slugs.
 * The same folding can be done in PostgreSQL with `unaccent` (whose rules also map đ → d); keep both in step.
 */

/**
 * Combining marks of the Combining Diacritical Marks block, which holds every Vietnamese tone and vowel mark
 * (grave, acute, tilde, hook above, dot below, breve, circumflex, horn). Limiting removal to this block keeps
 * marks that change letters in other scripts, such as the Japanese voicing marks (か/が).
 */
const DIACRITICS = /[\u0300-\u036f]/g;

/** đ (U+0111), and ð (U+00F0), which legacy Vietnamese encodings and OCR produce in place of đ. */
const D_STROKE = /[đð]/g;

/** Folds text for diacritic-insensitive search: lower case, Vietnamese marks removed, đ → d, runs of spaces as one. */
export function foldVietnamese(s: string): string {
  return (
    s
      .toLowerCase()
      // NFD separates base letters from their marks, whatever form (precomposed or combining) the input used.
      .normalize('NFD')
      .replace(DIACRITICS, '')
      .replace(D_STROKE, 'd')
      .normalize('NFC')
      .replace(/\s+/gu, ' ')
      .trim()
  );
}

/** URL slug from Vietnamese text: "Khu kinh tế Đình Vũ - Cát Hải" → "khu-kinh-te-dinh-vu-cat-hai" (may be empty). */
export function slugifyVi(s: string): string {
  return foldVietnamese(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
