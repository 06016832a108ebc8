import { bilingual } from '@heza/shared';
import type { DbOrTx } from '../../db/client.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import { dec, div, mul, round } from './decimal.ts';

/** One exchange rate as conversions use it. */
export interface Rate {
  id: string;
  currency: string;
  kind: string;
  validFrom: string;
  validTo: string;
  vndPerUnit: bigint;
}

const KIND_PRIORITY: Record<string, number> = { daily: 0, monthly_average: 1, yearly_average: 2 };

/**
 * The exchange-rate table in memory (it has a few rows per year), so that a command and a 50,000-row import
 * convert the same way without a query per amount. The most specific kind wins (daily, then monthly, then
 * yearly average).
 */
export class RateBook {
  private readonly byCurrency = new Map<string, Rate[]>();

  constructor(rates: Rate[]) {
    for (const r of rates) {
      const list = this.byCurrency.get(r.currency) ?? [];
      list.push(r);
      this.byCurrency.set(r.currency, list);
    }
    for (const list of this.byCurrency.values()) {
      list.sort(
        (a, b) =>
          (KIND_PRIORITY[a.kind] ?? 9) - (KIND_PRIORITY[b.kind] ?? 9) ||
          b.validFrom.localeCompare(a.validFrom),
      );
    }
  }

  /** Loads every rate. */
  static async load(db: DbOrTx): Promise<RateBook> {
    const rows = await db
      .selectFrom('exchange_rates')
      .select(['id', 'currency', 'kind', 'valid_from', 'valid_to', 'vnd_per_unit'])
      .execute();
    return new RateBook(
      rows.map((r) => ({
        id: r.id,
        currency: r.currency,
        kind: r.kind,
        validFrom: r.valid_from,
        validTo: r.valid_to,
        vndPerUnit: dec(r.vnd_per_unit),
      })),
    );
  }

  /** The rate of a currency in force on a date, if any. */
  find(currency: string, date: string): Rate | undefined {
    return this.byCurrency.get(currency)?.find((r) => r.validFrom <= date && date <= r.validTo);
  }
}

/** An amount in both reporting currencies, with how it was obtained. */
export interface Converted {
  usd: bigint;
  vnd: bigint;
  fxSource: 'certificate' | 'rate_table';
  rateId: string | null;
  vndPerUsd: bigint | null;
}

/**
 * Converts an amount of `currency` on `date` to USD and VND. Amounts the certificate states (`statedUsd`,
 * `statedVnd`) are kept as they are; the rest comes from the dated rate table, and the rate used is returned so
 * the ledger records it. USD is kept to the cent and VND to the đồng.
 */
export function convert(
  book: RateBook,
  input: {
    amount: bigint;
    currency: string;
    date: string;
    statedUsd?: bigint | null;
    statedVnd?: bigint | null;
    field: string;
  },
): { ok: true; value: Converted } | { ok: false; problem: FieldProblem } {
  const { amount, currency, date } = input;
  let usd = currency === 'USD' ? amount : (input.statedUsd ?? null);
  let vnd = currency === 'VND' ? amount : (input.statedVnd ?? null);
  if (usd !== null && vnd !== null) {
    return {
      ok: true,
      value: {
        usd: round(usd, 2),
        vnd: round(vnd, 0),
        fxSource: 'certificate',
        rateId: null,
        vndPerUsd: null,
      },
    };
  }
  const usdRate = book.find('USD', date);
  const missing = (c: string): { ok: false; problem: FieldProblem } => ({
    ok: false,
    problem: {
      field: input.field,
      message: bilingual(
        `Chưa có tỷ giá ${c} áp dụng cho ngày ${date}; nhập tỷ giá hoặc ghi cả giá trị USD và VND theo giấy chứng nhận.`,
        `No ${c} exchange rate covers ${date}; add one, or give both the USD and VND amounts from the certificate.`,
      ),
    },
  });
  if (!usdRate) return missing('USD');
  if (vnd === null) {
    if (currency === 'USD') vnd = mul(amount, usdRate.vndPerUnit);
    else {
      const own = book.find(currency, date);
      if (!own) return missing(currency);
      vnd = mul(amount, own.vndPerUnit);
    }
  }
  if (usd === null) usd = div(vnd, usdRate.vndPerUnit);
  return {
    ok: true,
    value: {
      usd: round(usd, 2),
      vnd: round(vnd, 0),
      fxSource: 'rate_table',
      rateId: usdRate.id,
      vndPerUsd: usdRate.vndPerUnit,
    },
  };
}
