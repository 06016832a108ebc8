/**
 * Consistency check before issue: numbers typed by hand in narrative text ("Nộp ngân sách ước đạt 12.000 tỷ
 * đồng, đạt 92,54% kế hoạch năm") are matched to the computed figure for the same quantity — by their unit and
 * by the words around them (each figure of the catalogue says which words name it) — and flagged when they
 * disagree, with the computed value offered. Ambiguous matches are left alone rather than guessed; targets and
 * thresholds ("tối thiểu 60%", "phấn đấu…") are not actual figures and are skipped.
 */
import { formatNumberVi } from '@heza/shared';
import { cmp, div, mul, type Rational, rational, sub, toDecimal } from '@heza/shared/exact';
import {
  type ConsistencyFinding,
  FIGURES,
  type FigureDefinition,
  type FigureUnit,
  foldForMatch,
  parseInline,
  type ReportContent,
} from '@heza/shared/official-reports';
import type { FigureSet } from './figures/types.ts';

const NUMBER = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;
const UNIT = String.raw`%|triệu USD|tỷ USD|tỷ đồng|triệu đồng\/người\/tháng|dự án|lao động|người|ha\b|khu công nghiệp|KCN`;
const MENTION = new RegExp(String.raw`(?<![\d.,/\-])(${NUMBER})\s*(${UNIT})`, 'gu');
/** Words that make a number a target or a threshold, not a figure to compare. */
const NOT_ACTUAL = ['toi thieu', 'toi da', 'muc tieu', 'phan dau', 'du kien', 'chi tieu', 'giai doan 20'];
/** Words that make a number approximate: a relative gap under 5 % is accepted. */
const APPROXIMATE = ['khoang', 'hon', 'gan', 'tren', 'xap xi'];

function unitOf(unitText: string): { unit: FigureUnit; scale: number } | null {
  switch (unitText) {
    case '%':
      return { unit: 'percent', scale: 1 };
    case 'triệu USD':
      return { unit: 'usd_m', scale: 1 };
    case 'tỷ USD':
      return { unit: 'usd_m', scale: 1000 };
    case 'tỷ đồng':
      return { unit: 'vnd_bn', scale: 1 };
    case 'triệu đồng/người/tháng':
      return { unit: 'vnd_m_per_person_month', scale: 1 };
    case 'dự án':
      return { unit: 'count', scale: 1 };
    case 'lao động':
    case 'người':
      return { unit: 'persons', scale: 1 };
    case 'ha':
      return { unit: 'ha', scale: 1 };
    case 'khu công nghiệp':
    case 'KCN':
      return { unit: 'zones', scale: 1 };
    default:
      return null;
  }
}

/** A number as written the Vietnamese way ("2.869", "21,4") → an exact value and its decimals. */
function parseVi(text: string): { value: Rational; decimals: number } {
  const [int, frac = ''] = text.split(',');
  return { value: rational(`${int!.replace(/\./g, '')}${frac ? `.${frac}` : ''}`), decimals: frac.length };
}

const wordRe = new Map<string, RegExp>();
/** Whether folded text holds one of the words as whole words ("gan" must not match inside "ngan sach"). */
const has = (hay: string, words: string[]) =>
  words.some((w) => {
    if (!/[a-z0-9]/.test(w)) return hay.includes(w);
    let re = wordRe.get(w);
    if (!re) {
      re = new RegExp(`(?:^|[^a-z0-9])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:[^a-z0-9]|$)`);
      wordRe.set(w, re);
    }
    return re.test(hay);
  });
const abs = (r: Rational): Rational => (r.n < 0n ? { n: -r.n, d: r.d } : r);

function matches(def: FigureDefinition, subjectCtx: string, near: string): number {
  const m = def.match;
  if (m.exclude && has(near, m.exclude)) return 0;
  for (const g of m.subject) if (!has(`${subjectCtx} ${near}`, g)) return 0;
  for (const g of m.qualifier) if (!has(near, g)) return 0;
  return m.subject.length + m.qualifier.length * 2;
}

/** Sentence boundaries: ".", "!" or "?" followed by a space or the end (not the dots inside "2.869"). */
function sentenceStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++)
    if ('.!?'.includes(text[i]!) && (i + 1 >= text.length || /\s/.test(text[i + 1]!))) starts.push(i + 1);
  return starts;
}

/** The findings of a report content against its figures. */
export function checkConsistency(content: ReportContent, figures: FigureSet): ConsistencyFinding[] {
  const findings: ConsistencyFinding[] = [];
  for (const item of content.body) {
    if (item.kind !== 'narrative') continue;
    const paragraphs = item.text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    paragraphs.forEach((line, paragraph) => {
      const text = parseInline(line, { slots: false })
        .map((t) => (t.type === 'text' ? t.text : t.type === 'break' ? ' ' : ''))
        .join('');
      const mentions = [...text.matchAll(MENTION)].map((m) => ({
        start: m.index!,
        end: m.index! + m[0].length,
        number: m[1]!,
        unit: m[2]!,
      }));
      const starts = sentenceStarts(text);
      mentions.forEach((mention, i) => {
        const u = unitOf(mention.unit);
        if (!u) return;
        const sStart = starts.filter((s) => s <= mention.start).at(-1) ?? 0;
        const sEnd = starts.find((s) => s > mention.end) ?? text.length;
        const prevEnd = Math.max(sStart, mentions[i - 1]?.end ?? 0);
        const nextStart = Math.min(sEnd, mentions[i + 1]?.start ?? text.length);
        const pre = text.slice(prevEnd, mention.start);
        let post = text.slice(mention.end, nextStart);
        const semi = post.indexOf(';');
        if (semi >= 0) post = post.slice(0, semi);
        // The unit belongs to the context: "201.034 lao động" names workers, "14 khu công nghiệp" parks.
        const near = foldForMatch(`${pre} ${mention.unit} ${post}`);
        const subjectCtx = foldForMatch(text.slice(sStart, mention.start));
        if (has(foldForMatch(pre), NOT_ACTUAL)) return;
        const scored = FIGURES.filter((d) => d.unit === u.unit)
          .map((d) => ({ d, score: matches(d, subjectCtx, near) }))
          .filter((x) => x.score > 0)
          .sort((a, b) => b.score - a.score);
        if (!scored.length || (scored[1] && scored[1].score === scored[0]!.score)) return;
        const def = scored[0]!.d;
        const value = figures.values[def.key]?.value;
        if (value === null || value === undefined) return;
        const typed = parseVi(mention.number);
        const typedValue = mul(typed.value, rational(String(u.scale)));
        let computed = rational(value);
        // "giảm 2,1%": a typed change is its size; the direction is in the words.
        if (def.kind === 'percent' && /changePct$/.test(def.key)) computed = abs(computed);
        const shownComputed = rational(toDecimal(div(computed, rational(String(u.scale))), typed.decimals));
        const approx = has(foldForMatch(pre), APPROXIMATE);
        const gap = abs(sub(mul(shownComputed, rational(String(u.scale))), typedValue));
        const tolerance = approx ? mul(abs(computed), rational('0.05')) : rational('0');
        if (cmp(gap, tolerance) <= 0) return;
        const sentence = text.slice(sStart, sEnd).trim();
        findings.push({
          itemId: item.id,
          paragraph,
          typed: `${mention.number}${mention.unit === '%' ? '%' : ` ${mention.unit}`}`,
          excerpt: sentence.length > 300 ? `${sentence.slice(0, 297)}…` : sentence,
          figure: def.key,
          figureLabel: def.labelVi,
          computed: `${formatNumberVi(toDecimal(div(computed, rational(String(u.scale))), Math.max(typed.decimals, 0)), { decimals: typed.decimals, minDecimals: typed.decimals })}${mention.unit === '%' ? '%' : ` ${mention.unit}`}`,
        });
      });
    });
  }
  return findings;
}
