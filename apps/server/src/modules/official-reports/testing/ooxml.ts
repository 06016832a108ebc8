import JSZip from 'jszip';

/**
 * Reads a DOCX back for tests: a minimal XML tree (OOXML has no DTDs and only the five predefined entities),
 * with helpers to find elements and read run properties. Not a general XML parser.
 */

/** An XML element. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Text directly inside the element. */
  text: string;
  parent: XmlNode | null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(Number(e[1] === 'x' ? `0${e.slice(1)}` : e.slice(1)))
      : (ENTITIES[e] ?? _),
  );

/** Parses an XML document into a tree rooted at a synthetic `#root` node. */
export function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#root', attrs: {}, children: [], text: '', parent: null };
  let cur = root;
  const re = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|<\?[^>]*\?>|<!--[\s\S]*?-->|([^<]+)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[5] !== undefined) {
      cur.text += decode(m[5]);
      continue;
    }
    if (!m[2]) continue;
    if (m[1]) {
      cur = cur.parent ?? root;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (m[3] ?? '').matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attrs[a[1]!] = decode(a[2]!);
    const node: XmlNode = { name: m[2], attrs, children: [], text: '', parent: cur };
    cur.children.push(node);
    if (!m[4]) cur = node;
  }
  return root;
}

/** Every descendant element with this name, in document order. */
export function findAll(node: XmlNode, name: string): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (n: XmlNode) => {
    for (const c of n.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

/** The first descendant element with this name. */
export function find(node: XmlNode, name: string): XmlNode | undefined {
  return findAll(node, name)[0];
}

/** The concatenated text of every w:t below a node. */
export function textOf(node: XmlNode): string {
  return findAll(node, 'w:t')
    .map((t) => t.text)
    .join('');
}

/** A run's formatting as tests check it: size in points, bold, italic, font. */
export function runProps(run: XmlNode): {
  size: number | null;
  bold: boolean;
  italic: boolean;
  font: string | null;
} {
  const rPr = run.children.find((c) => c.name === 'w:rPr');
  const child = (n: string) => rPr?.children.find((c) => c.name === n);
  const on = (n: string) => {
    const el = child(n);
    return !!el && el.attrs['w:val'] !== 'false' && el.attrs['w:val'] !== '0';
  };
  const sz = child('w:sz')?.attrs['w:val'];
  return {
    size: sz ? Number(sz) / 2 : null,
    bold: on('w:b'),
    italic: on('w:i'),
    font: child('w:rFonts')?.attrs['w:ascii'] ?? null,
  };
}

/** The runs (w:r with text) of a paragraph. */
export function textRuns(p: XmlNode): XmlNode[] {
  return findAll(p, 'w:r').filter((r) => find(r, 'w:t'));
}

/** Paragraph properties: alignment, first-line indent and spacing before, in twips. */
export function paraProps(p: XmlNode): {
  jc: string | null;
  firstLine: number | null;
  before: number | null;
} {
  const pPr = p.children.find((c) => c.name === 'w:pPr');
  const get = (n: string) => pPr?.children.find((c) => c.name === n);
  const fl = get('w:ind')?.attrs['w:firstLine'];
  const before = get('w:spacing')?.attrs['w:before'];
  return {
    jc: get('w:jc')?.attrs['w:val'] ?? null,
    firstLine: fl ? Number(fl) : null,
    before: before ? Number(before) : null,
  };
}

/** The XML parts of a DOCX that tests read, parsed. */
export async function readDocx(buf: Buffer | Uint8Array): Promise<{
  zip: JSZip;
  document: XmlNode;
  footnotes: XmlNode | null;
  styles: XmlNode;
  part(name: string): Promise<XmlNode | null>;
}> {
  const zip = await JSZip.loadAsync(buf);
  const part = async (name: string) => {
    const f = zip.file(name);
    return f ? parseXml(await f.async('string')) : null;
  };
  return {
    zip,
    document: (await part('word/document.xml'))!,
    footnotes: await part('word/footnotes.xml'),
    styles: (await part('word/styles.xml'))!,
    part,
  };
}

/** The plain text of a DOCX body, one paragraph per line (the acceptance checks read it). */
export async function docxText(buf: Buffer | Uint8Array): Promise<string> {
  const { document } = await readDocx(buf);
  return findAll(document, 'w:p').map(textOf).join('\n');
}
