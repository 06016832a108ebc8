/**
 * The portal's five languages, how a visitor's language is chosen (Accept-Language), which first path
 * segments look like a language we do not serve (→ redirect), and the order missing translations fall back in.
 */

import { PORTAL_LANGS, type PortalLang } from '@heza/shared/portal';

/** Portal languages (in the order the language switch shows them) and one of them (/vi/, /en/, /zh/, /ko/, /ja/). */
export { PORTAL_LANGS, type PortalLang };

/** BCP 47 tags for `lang` and `hreflang`: Chinese is Simplified Chinese. */
export const LANG_TAGS: Record<PortalLang, string> = {
  vi: 'vi',
  en: 'en',
  zh: 'zh-Hans',
  ko: 'ko',
  ja: 'ja',
};

/** Open Graph locales. */
export const OG_LOCALES: Record<PortalLang, string> = {
  vi: 'vi_VN',
  en: 'en_GB',
  zh: 'zh_CN',
  ko: 'ko_KR',
  ja: 'ja_JP',
};

/** Intl locales for numbers and dates in languages other than Vietnamese (which has its own formatters). */
export const INTL_LOCALES: Record<PortalLang, string> = {
  vi: 'vi-VN',
  en: 'en-GB',
  zh: 'zh-CN',
  ko: 'ko-KR',
  ja: 'ja-JP',
};

/** Whether a string is one of the five portal languages. */
export function isPortalLang(s: string): s is PortalLang {
  return (PORTAL_LANGS as readonly string[]).includes(s);
}

/**
 * The languages to try for a page in `lang`: the language itself, then English, then Vietnamese (the issue's
 * rule: missing translations fall back to English, then Vietnamese).
 */
export function fallbackChain(lang: PortalLang): PortalLang[] {
  return [...new Set<PortalLang>([lang, 'en', 'vi'])];
}

/** ISO 639-1 codes (two letters): a first path segment among these is a language, not a staff-app path. */
const ISO_639_1 = new Set(
  (
    'aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ' +
    'ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik ' +
    'io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml ' +
    'mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd ' +
    'se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi ' +
    'vo wa wo xh yi yo za zh zu'
  ).split(' '),
);

/** Three-letter codes (ISO 639-2/3) of the portal's own languages, e.g. /vie/ → /vi/. */
const THREE_LETTER: Record<string, PortalLang> = {
  vie: 'vi',
  eng: 'en',
  zho: 'zh',
  chi: 'zh',
  cmn: 'zh',
  kor: 'ko',
  jpn: 'ja',
};

/** What the first segment of a path is, for the portal's language routing. */
export type SegmentKind =
  /** one of the five, exactly as the portal writes it */
  | { kind: 'portal'; lang: PortalLang }
  /** another spelling of one of the five (EN, en-US, zh-Hans-CN, vie): redirect to the canonical form */
  | { kind: 'alias'; lang: PortalLang }
  /** a language the portal does not serve (fr, de-AT): redirect to the visitor's best language */
  | { kind: 'foreign' }
  /** not a language at all (login, admin, registry…): the staff app's business */
  | { kind: 'other' };

/** Classifies the first path segment (already URL-decoded). */
export function classifySegment(segment: string): SegmentKind {
  if (isPortalLang(segment)) return { kind: 'portal', lang: segment };
  const m = /^([a-z]{2,3})(?:[-_][a-z0-9]{2,8})*$/i.exec(segment);
  if (!m) return { kind: 'other' };
  const base = m[1]!.toLowerCase();
  if (isPortalLang(base)) return { kind: 'alias', lang: base };
  const three = THREE_LETTER[base];
  if (three) return { kind: 'alias', lang: three };
  return base.length === 2 && ISO_639_1.has(base) ? { kind: 'foreign' } : { kind: 'other' };
}

/**
 * The best portal language for an Accept-Language header: the highest-weighted tag whose primary subtag is
 * one of the five (zh-TW still reads Simplified Chinese better than nothing); Vietnamese when none matches.
 */
export function negotiateLang(header: string | undefined): PortalLang {
  if (!header) return 'vi';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return {
        base: (tag ?? '').trim().toLowerCase().split('-')[0] ?? '',
        q: Number.isFinite(weight) ? weight : 0,
        index,
      };
    })
    .filter((r) => r.q > 0)
    // Stable: equal weights keep the browser's order.
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const r of ranked) if (isPortalLang(r.base)) return r.base;
  return 'vi';
}
