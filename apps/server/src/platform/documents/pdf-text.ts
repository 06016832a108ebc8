import { inflateSync } from 'node:zlib';

/**
 * Extracts the text of a PDF produced by Chromium (Skia): Flate-compressed content streams that show
 * glyph ids of Type0 / Identity-H fonts, mapped back to Unicode through each font's ToUnicode CMap.
 * Enough for tests to check that a generated PDF carries its text (poppler's pdftotext is not installed
 * everywhere); not a general PDF parser.
 */

type Obj = { dict: string; stream: Buffer | null };

function objects(pdf: Buffer): Map<number, Obj> {
  const out = new Map<number, Obj>();
  const text = pdf.toString('latin1');
  const re = /(\d+) 0 obj\b/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const s = body.indexOf('stream');
    let stream: Buffer | null = null;
    let dict = body;
    if (s >= 0) {
      dict = body.slice(0, s);
      let from = start + s + 'stream'.length;
      if (text[from] === '\r') from++;
      if (text[from] === '\n') from++;
      const to = text.lastIndexOf('endstream', end);
      const raw = pdf.subarray(from, to);
      try {
        stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
      } catch {
        stream = null;
      }
    }
    out.set(Number(m[1]), { dict, stream });
  }
  return out;
}

function hexToCodes(hex: string, width: number): number[] {
  const codes: number[] = [];
  for (let i = 0; i + width <= hex.length; i += width)
    codes.push(Number.parseInt(hex.slice(i, i + width), 16));
  return codes;
}

function unicodeOf(hex: string): string {
  const units = hexToCodes(hex, 4);
  return String.fromCharCode(...units);
}

function parseCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      map.set(Number.parseInt(m[1]!, 16), unicodeOf(m[2]!));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g,
    )) {
      const lo = Number.parseInt(m[1]!, 16);
      const hi = Number.parseInt(m[2]!, 16);
      const target = m[3]!;
      if (target.startsWith('[')) {
        const items = [...target.matchAll(/<([0-9A-Fa-f]+)>/g)].map((x) => unicodeOf(x[1]!));
        for (let c = lo; c <= hi; c++) map.set(c, items[c - lo] ?? '');
      } else {
        const base = Number.parseInt(target.slice(1, -1), 16);
        for (let c = lo; c <= hi; c++) map.set(c, String.fromCodePoint(base + (c - lo)));
      }
    }
  }
  return map;
}

/** The text shown on every page, in content-stream order; lines are separated by newlines. */
export function extractPdfText(pdf: Buffer): string {
  const objs = objects(pdf);
  const fontMaps = new Map<number, Map<number, string>>();
  const fontMap = (id: number) => {
    let m = fontMaps.get(id);
    if (!m) {
      const ref = /\/ToUnicode (\d+) 0 R/.exec(objs.get(id)?.dict ?? '');
      const cmap = ref ? objs.get(Number(ref[1]))?.stream?.toString('latin1') : undefined;
      m = cmap ? parseCMap(cmap) : new Map();
      fontMaps.set(id, m);
    }
    return m;
  };
  const lines: string[] = [];
  for (const [, page] of objs) {
    if (!/\/Type \/Page\b/.test(page.dict)) continue;
    const fonts = new Map<string, number>();
    const fontDict = /\/Font <<([^>]*)>>/.exec(page.dict)?.[1] ?? '';
    for (const m of fontDict.matchAll(/\/(\w+) (\d+) 0 R/g)) fonts.set(m[1]!, Number(m[2]));
    const contents = /\/Contents (\d+) 0 R/.exec(page.dict);
    const content = contents ? objs.get(Number(contents[1]))?.stream?.toString('latin1') : undefined;
    if (!content) continue;
    let map = new Map<number, string>();
    let line = '';
    let lastY: string | null = null;
    for (const tok of content.matchAll(
      /\/(\w+) [\d.]+ Tf|1 0 0 -1 [\d.-]+ ([\d.-]+) Tm|<([0-9A-Fa-f]+)> Tj|\[([^\]]*)\] TJ/g,
    )) {
      if (tok[1]) {
        map = fontMap(fonts.get(tok[1]) ?? -1);
      } else if (tok[2] !== undefined) {
        if (lastY !== null && tok[2] !== lastY) {
          lines.push(line);
          line = '';
        }
        lastY = tok[2];
      } else {
        const hexes = tok[3] ? [tok[3]] : [...(tok[4] ?? '').matchAll(/<([0-9A-Fa-f]+)>/g)].map((x) => x[1]!);
        for (const hex of hexes) for (const code of hexToCodes(hex, 4)) line += map.get(code) ?? '';
      }
    }
    lines.push(line);
  }
  return lines.join('\n');
}
