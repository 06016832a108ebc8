/**
 * The official document (Decree 30/2020/NĐ-CP, docs/domain-vn.md §1) as data: the two-column header, the
 * type name or the "V/v" subject, "Kính gửi", the body (headings, paragraphs, tables) with runs that remember
 * which figure they print, footnotes, the closing, the signer block and "Nơi nhận". The DOCX renderer
 * (docx.ts) and the HTML renderer (html.ts, preview) read the same model, and the PDF is the DOCX converted,
 * so every output shows the same words.
 */

/** A figure printed in a run: the preview highlights it and opens its records. */
export interface FigureMark {
  key: string;
  estimate: boolean;
  missing: boolean;
}

/** A piece of text, or the reference mark of a footnote (by its number, in order of appearance). */
export type Run =
  | { type: 'text'; text: string; bold?: boolean; italic?: boolean; figure?: FigureMark }
  | { type: 'footnote'; id: number };

/** Where a block of the body comes from in the report content (for the editor and the consistency check). */
export interface BlockSource {
  itemId: string;
  kind: 'heading' | 'narrative' | 'computed' | 'table' | 'opening' | 'closing';
}

/** A block of the body. */
export type BodyBlock =
  | {
      type: 'paragraph';
      runs: Run[];
      /** body: justified, first-line indent; heading: the same, kept with the next paragraph. */
      role: 'body' | 'heading';
      source?: BlockSource;
    }
  | {
      type: 'table';
      caption?: string;
      unitNote?: string;
      columns: { title: string; width: number; align: 'left' | 'center' | 'right' }[];
      rows: Run[][][];
      source?: BlockSource;
    };

/** The signer block: authority lines (bold caps), then the name (bold) after the space for the signature. */
export interface SignatureBlock {
  lines: string[];
  name: string;
}

/** A document ready to render. */
export interface OfficialDocument {
  /** Document title (metadata, file name). */
  title: string;
  header: {
    parentAgency: string | null;
    /** Issuer lines (caps, bold). */
    issuer: string[];
    /** "Số: 15/BQL-DN&GSĐT" (or with blanks before issue). */
    number: string;
    /** "V/v …" of a Công văn (without the prefix), null for other types. */
    subject: string | null;
    /** "Hải Phòng, ngày 05 tháng 12 năm 2024". */
    placeDate: string;
  };
  /** Type name and trích yếu of a document other than a Công văn. */
  typeTitle: { name: string; subject: string } | null;
  /** Kính gửi. */
  recipients: string[];
  body: BodyBlock[];
  signature: SignatureBlock;
  /** Nơi nhận lines, without the leading "- ". */
  distribution: string[];
  /** Footnotes numbered 1… in order of their first reference. */
  footnotes: { id: number; runs: Run[] }[];
  /** True until issued: the preview marks it "DỰ THẢO". */
  draft: boolean;
}

/** Signer authority lines (Decree 30/2020 Phụ lục I II.7.b): "KT. TRƯỞNG BAN" / "PHÓ TRƯỞNG BAN"… */
export function signerLines(signer: { authority: string; onBehalfOf: string; title: string }): string[] {
  const title = signer.title.toUpperCase();
  if (signer.authority === 'direct') return [title];
  if (signer.authority === 'Q') return [`Q. ${title}`];
  return [`${signer.authority}. ${signer.onBehalfOf.toUpperCase()}`, title];
}

/** The text of runs (footnote marks left out). */
export function runsText(runs: Run[]): string {
  return runs.map((r) => (r.type === 'text' ? r.text : '')).join('');
}

/** All the text of a document in reading order, footnotes last (tests, search). */
export function documentText(doc: OfficialDocument): string {
  const out: string[] = [];
  const h = doc.header;
  if (h.parentAgency) out.push(h.parentAgency);
  out.push(...h.issuer, h.number);
  if (h.subject) out.push(`V/v ${h.subject}`);
  out.push('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', h.placeDate);
  if (doc.typeTitle) out.push(doc.typeTitle.name, doc.typeTitle.subject);
  if (doc.recipients.length) out.push(`Kính gửi: ${doc.recipients.join('; ')}`);
  for (const b of doc.body) {
    if (b.type === 'paragraph') out.push(runsText(b.runs));
    else {
      if (b.caption) out.push(b.caption);
      out.push(b.columns.map((c) => c.title).join(' | '));
      for (const r of b.rows) out.push(r.map(runsText).join(' | '));
    }
  }
  out.push('Nơi nhận:', ...doc.distribution.map((d) => `- ${d}`), ...doc.signature.lines, doc.signature.name);
  for (const f of doc.footnotes) out.push(`${f.id} ${runsText(f.runs)}`);
  return out.join('\n');
}
