import type { Period } from '@heza/shared';
import type { DbOrTx } from '../../../db/client.ts';

/**
 * Where the records behind a figure are, so the editor and the preview can open them (traceability): the
 * certificate-ledger entries of a period, the projects valid at a date, the enterprises' submitted values,
 * the zones' area records, the plan row.
 */
export type TraceRef =
  | {
      source: 'ledger';
      investmentType: 'fdi' | 'ddi';
      kinds: ('new' | 'adjustment' | 'share_purchase')[];
      from: string;
      to: string;
    }
  | { source: 'capital'; investmentType: 'fdi' | 'ddi'; asOf: string }
  | { source: 'reports'; indicator: string; combo: string; from: string; to: string; asOf: string | null }
  | { source: 'zones'; asOf: string; status: 'established' | 'operating' }
  | { source: 'plan'; indicator: string; year: number };

/** One computed figure: its exact value in its display unit, whether it includes estimates, its footnote. */
export interface FigureValue {
  key: string;
  /** Exact decimal in the display unit (millions of USD, billions of VND, persons, %), null when missing. */
  value: string | null;
  /** The value includes estimates (values reported as "ước", or a period not over at the data date). */
  estimate: boolean;
  /** Explanations for people (Vietnamese): why missing, what the estimate is, which plan applies. */
  notes: string[];
  /** The footnote the figure brings to a sentence that prints it (plan source, comparison base, rate). */
  footnote: string | null;
  trace: TraceRef[];
}

/** The figures of a report period as known at a date. */
export interface FigureSet {
  periodId: string;
  /** The data date asked for (null = as known now). */
  asOf: string | null;
  /** The date the figures are known at (asOf, or the day they were computed). */
  knownAt: string;
  computedAt: string;
  values: Record<string, FigureValue>;
}

/** What a figure source is asked for. */
export interface FigureQuery {
  periodId: string;
  period: Period;
  asOf: string | null;
  /** asOf, or today in Vietnam. */
  knownAt: string;
  keys: ReadonlySet<string>;
}

/**
 * A provider of figures (the registry, the analytics engine): which keys it computes and how. Adding a source
 * is one file implementing this and one line in `compute.ts`.
 */
export interface FigureSource {
  name: string;
  provides(key: string): boolean;
  compute(db: DbOrTx, q: FigureQuery): Promise<FigureValue[]>;
}
