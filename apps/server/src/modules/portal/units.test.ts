import { portalSlug } from '@heza/shared/portal';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TtlCache } from './cache.ts';
import { html, trusted } from './html.ts';
import { classifySegment, fallbackChain, negotiateLang } from './langs.ts';
import { encodePng, imageSize } from './png.ts';
import { sanitizeContent } from './sanitize.ts';

describe('language negotiation', () => {
  it('should pick the highest-weighted portal language, in the browser’s order on ties', () => {
    expect(negotiateLang('fr-FR,fr;q=0.9,ko;q=0.8,en;q=0.7')).toBe('ko');
    expect(negotiateLang('zh-TW,zh;q=0.9')).toBe('zh');
    expect(negotiateLang('en;q=0.5, ja;q=0.5')).toBe('en');
    expect(negotiateLang('ja;q=0, en;q=0.1')).toBe('en');
    expect(negotiateLang('de, fr')).toBe('vi');
    expect(negotiateLang(undefined)).toBe('vi');
    expect(negotiateLang('garbage;;;q=x,,')).toBe('vi');
  });

  it('should tell languages from staff-app paths', () => {
    expect(classifySegment('vi')).toEqual({ kind: 'portal', lang: 'vi' });
    expect(classifySegment('EN')).toEqual({ kind: 'alias', lang: 'en' });
    expect(classifySegment('zh-Hans-CN')).toEqual({ kind: 'alias', lang: 'zh' });
    expect(classifySegment('jpn')).toEqual({ kind: 'alias', lang: 'ja' });
    expect(classifySegment('fr')).toEqual({ kind: 'foreign' });
    expect(classifySegment('de-AT')).toEqual({ kind: 'foreign' });
    for (const path of ['login', 'admin', 'registry', 'account', 'api', 'portal', 'xx', 'reset-password'])
      expect(classifySegment(path), path).toEqual({ kind: 'other' });
  });

  it('should fall back to English, then Vietnamese', () => {
    expect(fallbackChain('ko')).toEqual(['ko', 'en', 'vi']);
    expect(fallbackChain('en')).toEqual(['en', 'vi']);
    expect(fallbackChain('vi')).toEqual(['vi', 'en']);
  });
});

describe('html builder', () => {
  it('should escape every interpolated string and keep nested fragments', () => {
    const evil = '<script>alert("x")</script>';
    expect(html`<p title="${evil}">${evil}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>',
    );
    expect(html`<ul>${['a', 'b'].map((x) => html`<li>${x}</li>`)}</ul>`.value).toBe(
      '<ul><li>a</li><li>b</li></ul>',
    );
    expect(html`<div>${trusted('<b>ok</b>')}${null}${false}${0}</div>`.value).toBe('<div><b>ok</b>0</div>');
  });

  it('should never let an interpolated string produce a tag (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(html`<p>${s}</p>`.value.slice(3, -4)).not.toMatch(/[<>"']/);
      }),
    );
  });
});

describe('sanitising', () => {
  it('should keep an article’s structure and drop everything that runs', () => {
    const { html: out, removed } = sanitizeContent(
      '<h2 id="a">T</h2><p lang="en">x <a href="mailto:a@b.vn">m</a> <a href="data:text/html,x">d</a></p><table><tr><th scope="col">h</th></tr></table>' +
        '<svg onload="x()"><script>1</script></svg><form action="/x"><input></form><p style="color:red">s</p>',
    );
    expect(out).toBe(
      '<h2 id="a">T</h2><p lang="en">x <a href="mailto:a@b.vn">m</a> <a>d</a></p><table><tr><th scope="col">h</th></tr></table><p>s</p>',
    );
    expect(removed).toEqual(expect.arrayContaining(['<svg>', '<script>', '<form>', '<input>', 'onload']));
  });

  it('should produce no script, handler or javascript URL whatever the input (property)', () => {
    const parts = fc.constantFrom(
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<a href="javascript:alert(1)">x</a>',
      '<a href="JaVaScRiPt:alert(1)">x</a>',
      '<iframe src="//evil"></iframe>',
      '<p onmouseover="x()">p</p>',
      '<svg><script>1</script></svg>',
      '<p>ok</p>',
      '<<script>script>',
      '<style>*{}</style>',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(parts, fc.string()), { maxLength: 8 }), (chunks) => {
        const out = sanitizeContent(chunks.join('')).html;
        expect(out).not.toMatch(/<script|<iframe|<style|<svg|\son\w+\s*=|javascript:/i);
      }),
    );
  });
});

describe('slugs', () => {
  it('should fold Vietnamese and keep other scripts', () => {
    expect(portalSlug('Ưu đãi thuế — Khu kinh tế Đình Vũ!')).toBe('uu-dai-thue-khu-kinh-te-dinh-vu');
    expect(portalSlug('税收优惠 2025')).toBe('税收优惠-2025');
    expect(portalSlug('투자 혜택')).toBe('투자-혜택');
    expect(portalSlug('ガイド（デモ）')).toBe('ガイド-デモ');
    expect(portalSlug('---')).toBe('');
  });
});

describe('images', () => {
  it('should read the size of the PNG it writes', () => {
    const png = encodePng(17, 9, () => [1, 2, 3]);
    expect(imageSize(png)).toEqual({ width: 17, height: 9 });
    expect(imageSize(Buffer.from('not an image'))).toBeUndefined();
  });

  it('should read the size of a JPEG from its start-of-frame marker', () => {
    // SOI, APP0 (length 16), SOF0 (length 17: precision 8, height 300, width 400…), EOI.
    const jpeg = Buffer.from([
      0xff,
      0xd8,
      0xff,
      0xe0,
      0x00,
      0x10,
      ...Buffer.from('JFIF\0'),
      1,
      1,
      0,
      0,
      1,
      0,
      1,
      0,
      0,
      0xff,
      0xc0,
      0x00,
      0x11,
      8,
      0x01,
      0x2c,
      0x01,
      0x90,
      3,
      1,
      0x22,
      0,
      2,
      0x11,
      1,
      3,
      0x11,
      1,
      0xff,
      0xd9,
    ]);
    expect(imageSize(jpeg)).toEqual({ width: 400, height: 300 });
  });
});

describe('cache', () => {
  it('should serve a stale value while one reload runs, and wait after clear()', async () => {
    const cache = new TtlCache<number>(20);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get('k', load)).toBe(1);
    expect(await cache.get('k', load)).toBe(1);
    await new Promise((r) => setTimeout(r, 30));
    // Expired: the stale value now, one reload in the background.
    expect(await Promise.all([cache.get('k', load), cache.get('k', load)])).toEqual([1, 1]);
    await new Promise((r) => setTimeout(r, 5));
    expect(loads).toBe(2);
    expect(await cache.get('k', load)).toBe(2);
    cache.clear();
    expect(await cache.get('k', load)).toBe(3);
  });

  it('should not keep a failed load', async () => {
    const cache = new TtlCache<number>(1000);
    await expect(cache.get('k', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get('k', async () => 7)).toBe(7);
  });
});
