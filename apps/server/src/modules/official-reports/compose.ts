/**
 * Report content + figures → the official document (document/model.ts). Computed sentences get their slots
 * filled with the official number format; "đạt" / "ước đạt" in front of a figure follows whether the figure
 * includes estimates; footnotes the figures bring (plan source, comparison base, exchange rate) are placed at
 * the end of the clause that prints them and numbered in order of appearance, the same text only once.
 */
import {
  formatDateVi,
  formatHeaderPlaceDateVi,
  type Period,
  parsePeriod,
  periodEnd,
  periodLabel,
  samePeriodLastYear,
} from '@heza/shared';
import {
  FIGURES_BY_KEY,
  type FigureDefinition,
  headingNumbers,
  type NumberingStyle,
  type PatternToken,
  PERIOD_TOKENS,
  parseInline,
  type ReportContent,
} from '@heza/shared/official-reports';
import type { BlockSource, BodyBlock, OfficialDocument, Run } from './document/model.ts';
import { signerLines } from './document/model.ts';
import { formatFigure } from './figures/format.ts';
import type { FigureSet } from './figures/types.ts';

/** A figure a document needs but does not have. */
export interface MissingFigure {
  key: string;
  label: string;
  itemId: string;
}

/** The composed document and what it used. */
export interface Composed {
  doc: OfficialDocument;
  /** Figure keys printed, in order of first use. */
  used: string[];
  missing: MissingFigure[];
}

/** What composing needs besides the content. */
export interface ComposeOptions {
  periodId: string;
  figures: FigureSet;
  /** The number and date once issued; null for a draft (blank number and date, as on paper before signing). */
  issued: { number: number; date: string } | null;
  /** Today (Vietnam) for the year printed on a draft's date line. */
  today: string;
}

/** The text printed where a figure is missing (the preview marks it; issuing is blocked). */
export const MISSING_TEXT = '[chưa có số liệu]';

/** Facts of the period that patterns may print: {period}, {year}, {month}… */
export function periodFacts(period: Period): Record<(typeof PERIOD_TOKENS)[number], string> {
  const end = periodEnd(period);
  return {
    period: periodLabel(period, 'vi'),
    lastPeriod: periodLabel(samePeriodLastYear(period), 'vi'),
    year: String(period.year),
    lastYear: String(period.year - 1),
    nextYear: String(period.year + 1),
    month: String(Number(end.slice(5, 7))),
    periodEnd: formatDateVi(end),
  };
}

const HEADING_STYLE: Record<NumberingStyle, { bold: boolean; italic: boolean }> = {
  upper_alpha: { bold: true, italic: false },
  upper_roman: { bold: true, italic: false },
  decimal: { bold: true, italic: false },
  decimal_nested: { bold: true, italic: false },
  lower_alpha: { bold: false, italic: true },
  paren_decimal: { bold: true, italic: true },
  dash: { bold: false, italic: false },
  plus: { bold: false, italic: false },
  none: { bold: false, italic: true },
};

/** Footnotes in order of first reference; a text already referenced is not referenced again. */
class Footnotes {
  readonly list: { id: number; runs: Run[] }[] = [];
  private readonly byText = new Map<string, number>();
  /** The id for a new footnote, or null when the same text is already a footnote. */
  ref(text: string): number | null {
    if (this.byText.has(text)) return null;
    const id = this.list.length + 1;
    this.byText.set(text, id);
    this.list.push({ id, runs: [{ type: 'text', text }] });
    return id;
  }
}

const CLAUSE_END = /[,;.:]/;
const WORDING = /(^|\s)(ước đạt|đạt)(\s+)$/iu;

interface RenderState {
  facts: Record<string, string>;
  figures: FigureSet;
  notes: Footnotes;
  used: string[];
  missing: MissingFigure[];
  itemId: string;
}

/** Renders tokens of a pattern or a narrative line to runs. */
function renderTokens(tokens: PatternToken[], s: RenderState): Run[] {
  const out: Run[] = [];
  let pending: string[] = [];
  const flush = () => {
    for (const text of pending) {
      const id = s.notes.ref(text);
      if (id !== null) out.push({ type: 'footnote', id });
    }
    pending = [];
  };
  const emit = (text: string, style: { bold?: boolean; italic?: boolean }) => {
    if (text)
      out.push({
        type: 'text',
        text,
        ...(style.bold && { bold: true }),
        ...(style.italic && { italic: true }),
      });
  };
  tokens.forEach((tok, i) => {
    if (tok.type === 'break') {
      emit(' ', {});
      return;
    }
    if (tok.type === 'footnote') {
      const id = s.notes.ref(tok.text);
      if (id !== null) out.push({ type: 'footnote', id });
      return;
    }
    if (tok.type === 'text') {
      let text = tok.text;
      // "đạt"/"ước đạt" right before a figure follows the figure (percentages keep "đạt ...% kế hoạch").
      const next = tokens[i + 1];
      if (next?.type === 'slot' && !next.fn) {
        const def = FIGURES_BY_KEY.get(next.key);
        const v = s.figures.values[next.key];
        if (def && def.kind !== 'percent' && v?.value !== null && v !== undefined) {
          text = text.replace(WORDING, (_m, pre: string, word: string, space: string) => {
            const wanted = v.estimate ? 'ước đạt' : 'đạt';
            const capital = word[0] === word[0]!.toUpperCase();
            return `${pre}${capital ? wanted[0]!.toUpperCase() + wanted.slice(1) : wanted}${space}`;
          });
        }
      }
      if (pending.length) {
        const at = text.search(CLAUSE_END);
        if (at >= 0) {
          emit(text.slice(0, at), tok);
          flush();
          text = text.slice(at);
        }
      }
      emit(text, tok);
      return;
    }
    // A slot.
    if ((PERIOD_TOKENS as readonly string[]).includes(tok.key)) {
      emit(s.facts[tok.key] ?? '', tok);
      return;
    }
    const def = FIGURES_BY_KEY.get(tok.key);
    const v = s.figures.values[tok.key];
    if (!s.used.includes(tok.key)) s.used.push(tok.key);
    if (!def || !v || v.value === null) {
      if (!s.missing.some((m) => m.key === tok.key && m.itemId === s.itemId)) {
        s.missing.push({ key: tok.key, label: def?.labelVi ?? tok.key, itemId: s.itemId });
      }
      out.push({
        type: 'text',
        text: MISSING_TEXT,
        figure: { key: tok.key, estimate: false, missing: true },
      });
      return;
    }
    const mark = { key: tok.key, estimate: v.estimate, missing: false };
    let text: string;
    if (tok.fn === 'reach') text = v.estimate ? 'ước đạt' : 'đạt';
    else if (tok.fn === 'trend') text = trend(def, v.value, tok.format);
    else text = formatFigure(def, v.value, tok.format);
    out.push({
      type: 'text',
      text,
      figure: mark,
      ...(tok.bold && { bold: true }),
      ...(tok.italic && { italic: true }),
    });
    if (v.footnote && tok.fn !== 'reach') pending.push(v.footnote);
  });
  flush();
  return out;
}

/** "tăng 13,5%", "giảm 2,2%", "không đổi". */
function trend(def: FigureDefinition, value: string, format?: string): string {
  const n = Number(value);
  const shown = formatFigure(def, value.replace(/^-/, ''), format);
  if (/^0(,0*)?$/.test(shown)) return 'không đổi';
  return `${n < 0 ? 'giảm' : 'tăng'} ${shown}%`;
}

/** Plain text of a pattern with only period facts (subject lines, captions, column titles). */
function plain(pattern: string, facts: Record<string, string>): string {
  return parseInline(pattern, { slots: true })
    .map((t) => (t.type === 'text' ? t.text : t.type === 'slot' ? (facts[t.key] ?? `{${t.raw}}`) : ''))
    .join('');
}

/** A report's title: its subject line with the period filled in. */
export function reportTitle(content: ReportContent, periodId: string): string {
  const subject = plain(content.header.subject, periodFacts(parsePeriod(periodId)));
  return content.header.documentType === 'cong_van'
    ? `V/v ${subject}`
    : `${content.header.typeName ?? 'Báo cáo'} ${subject}`;
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Composes the document of a report. */
export function composeDocument(content: ReportContent, o: ComposeOptions): Composed {
  const period = parsePeriod(o.periodId);
  const facts = periodFacts(period);
  const notes = new Footnotes();
  const used: string[] = [];
  const missing: MissingFigure[] = [];
  const state = (itemId: string): RenderState => ({
    facts,
    figures: o.figures,
    notes,
    used,
    missing,
    itemId,
  });
  const para = (runs: Run[], role: 'body' | 'heading', source: BlockSource): BodyBlock => ({
    type: 'paragraph',
    role,
    runs,
    source,
  });

  const h = content.header;
  const subject = plain(h.subject, facts);
  const body: BodyBlock[] = [];
  if (h.request) {
    const r = h.request;
    body.push(
      para(
        [
          {
            type: 'text',
            text: `Phúc đáp đề nghị của ${r.sender} tại ${r.documentType} số ${r.number} ngày ${formatDateVi(r.date)} về việc ${r.about.replace(/[;.]$/, '')};`,
          },
        ],
        'body',
        { itemId: 'request', kind: 'opening' },
      ),
    );
  }
  const numbers = headingNumbers(content.body);
  for (const item of content.body) {
    const st = state(item.id);
    switch (item.kind) {
      case 'heading': {
        const style = {
          ...HEADING_STYLE[item.numbering],
          ...(item.bold !== undefined && { bold: item.bold }),
          ...(item.italic !== undefined && { italic: item.italic }),
        };
        const label = numbers.get(item.id) ?? '';
        const tokens = parseInline(item.title, { slots: true }).map((t) =>
          t.type === 'text' || t.type === 'slot'
            ? { ...t, bold: t.bold || style.bold, italic: t.italic || style.italic }
            : t,
        );
        const runs = renderTokens(
          label ? [{ type: 'text', text: `${label} `, ...style }, ...tokens] : tokens,
          st,
        );
        body.push(para(runs, 'heading', { itemId: item.id, kind: 'heading' }));
        break;
      }
      case 'narrative':
        for (const l of lines(item.text))
          body.push(
            para(renderTokens(parseInline(l, { slots: false }), st), 'body', {
              itemId: item.id,
              kind: 'narrative',
            }),
          );
        break;
      case 'computed':
        for (const l of lines(item.pattern))
          body.push(
            para(renderTokens(parseInline(l, { slots: true }), st), 'body', {
              itemId: item.id,
              kind: 'computed',
            }),
          );
        break;
      case 'table':
        body.push({
          type: 'table',
          caption: item.caption ? plain(item.caption, facts) : undefined,
          unitNote: item.unitNote ? plain(item.unitNote, facts) : undefined,
          columns: item.columns.map((c) => ({
            title: plain(c.title, facts),
            width: c.width,
            align: c.align,
          })),
          rows: item.rows.map((row) =>
            row.map((cellText) => renderTokens(parseInline(cellText, { slots: true }), st)),
          ),
          source: { itemId: item.id, kind: 'table' },
        });
        break;
    }
  }
  for (const l of lines(content.closing.text)) {
    body.push(
      para(renderTokens(parseInline(l, { slots: true }), state('closing')), 'body', {
        itemId: 'closing',
        kind: 'closing',
      }),
    );
  }

  const number = o.issued
    ? `Số: ${String(o.issued.number).padStart(2, '0')}/${h.numberCode}`
    : `Số:        /${h.numberCode}`;
  const placeDate = o.issued
    ? formatHeaderPlaceDateVi(h.place, o.issued.date)
    : `${h.place}, ngày       tháng       năm ${o.today.slice(0, 4)}`;
  const doc: OfficialDocument = {
    title: reportTitle(content, o.periodId),
    header: {
      parentAgency: h.parentAgency || null,
      issuer: h.issuer
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
      number,
      subject: h.documentType === 'cong_van' ? subject : null,
      placeDate,
    },
    typeTitle: h.documentType === 'cong_van' ? null : { name: h.typeName ?? 'BÁO CÁO', subject },
    recipients: h.recipients,
    body,
    signature: { lines: signerLines(content.closing.signer), name: content.closing.signer.name },
    distribution: content.closing.distribution,
    footnotes: notes.list,
    draft: o.issued === null,
  };
  return { doc, used, missing };
}
