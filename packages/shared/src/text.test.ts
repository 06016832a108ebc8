import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldVietnamese, slugifyVi } from './text.ts';

/** Every Vietnamese letter with a mark, written out by hand, and the plain letter it folds to. */
const MARKED: Record<string, string> = {
  a: 'àáảãạăằắẳẵặâầấẩẫậ',
  e: 'èéẻẽẹêềếểễệ',
  i: 'ìíỉĩị',
  o: 'òóỏõọôồốổỗộơờớởỡợ',
  u: 'ùúủũụưừứửữự',
  y: 'ỳýỷỹỵ',
  d: 'đ',
};
const FOLDS: Array<[string, string]> = Object.entries(MARKED).flatMap(([plain, marked]) =>
  [...marked].flatMap((ch) => [
    [ch, plain],
    [ch.toUpperCase(), plain],
  ]),
);

describe('foldVietnamese', () => {
  it('should let "dinh vu" match "Đình Vũ"', () => {
    expect(foldVietnamese('Đình Vũ')).toBe('dinh vu');
    expect(foldVietnamese('Khu kinh tế  Đình Vũ –\tCát Hải ')).toBe('khu kinh te dinh vu – cat hai');
    expect(foldVietnamese('KCN NAM ĐÌNH VŨ')).toContain(foldVietnamese('dinh vu'));
    expect(foldVietnamese('Thủy Nguyên')).toBe(foldVietnamese('Thuỷ Nguyên')); // both tone placements
    expect(foldVietnamese('Hải Phòng')).toBe('hai phong');
  });

  it('should fold all 134 marked Vietnamese letters, upper and lower case, to their plain letter', () => {
    expect(FOLDS).toHaveLength(134);
    for (const [marked, plain] of FOLDS) expect(foldVietnamese(marked), marked).toBe(plain);
  });

  it('should fold decomposed input (combining marks) the same as precomposed input', () => {
    const words = ['Đình Vũ', 'Nghị định', 'Cát Hải', 'Tràng Duệ', 'Thủy Nguyên', 'Quỳnh Lưu'];
    for (const w of words)
      expect(foldVietnamese(w.normalize('NFD'))).toBe(foldVietnamese(w.normalize('NFC')));
  });

  it('should fold legacy Ð (U+00D0) like Đ and leave other scripts alone', () => {
    expect(foldVietnamese('ÐÌNH VŨ')).toBe('dinh vu');
    expect(foldVietnamese('海防 が 한국')).toBe('海防 が 한국');
  });

  it('should fold any mix of Vietnamese letters to the same text as their plain letters', () => {
    const letter = fc.constantFrom(...FOLDS, ...[...'bcghklmnpqrstvx '].map((c): [string, string] => [c, c]));
    fc.assert(
      fc.property(fc.array(letter, { maxLength: 30 }), (pairs) => {
        const marked = pairs.map(([m]) => m).join('');
        const plain = pairs.map(([, p]) => p).join('');
        expect(foldVietnamese(marked)).toBe(plain.replace(/\s+/g, ' ').trim());
      }),
    );
  });

  it('should be idempotent on any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (s) => {
        const once = foldVietnamese(s);
        expect(foldVietnamese(once)).toBe(once);
        expect(once).not.toMatch(/[\u0300-\u036fđĐ]|\s\s|^\s|\s$/);
      }),
    );
  });
});

describe('slugifyVi', () => {
  it('should make URL slugs from Vietnamese names', () => {
    expect(slugifyVi('Khu kinh tế Đình Vũ - Cát Hải')).toBe('khu-kinh-te-dinh-vu-cat-hai');
    expect(slugifyVi('KCN Tràng Duệ (giai đoạn 2)')).toBe('kcn-trang-due-giai-doan-2');
    expect(slugifyVi('  --Báo cáo 6 tháng đầu năm 2025!--  ')).toBe('bao-cao-6-thang-dau-nam-2025');
    expect(slugifyVi('海防')).toBe('');
  });

  it('should always produce a well-formed slug and be idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const slug = slugifyVi(s);
        expect(slug).toMatch(/^([a-z0-9]+(-[a-z0-9]+)*)?$/);
        expect(slugifyVi(slug)).toBe(slug);
      }),
    );
  });
});
