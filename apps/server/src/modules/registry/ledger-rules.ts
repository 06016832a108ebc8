/**
 * The certificate ledger's rules as pure functions, shared by the command that appends one entry and by the
 * spreadsheet import that appends thousands: replay a project's entries into a state, then check and compute
 * the next entry against it. No database access here, so both paths apply exactly the same rules.
 */
import { bilingual } from '@heza/shared';
import type { LedgerKind } from '@heza/shared/registry';
import type { FieldProblem } from '../../platform/errors.ts';
import { dec, fmt } from './decimal.ts';
import { convert, type RateBook } from './fx.ts';

/** Where a project stands after its entries so far. */
export interface LedgerState {
  currency: string;
  /** Entries so far (the next one gets seq + 1). */
  seq: number;
  status: 'draft' | 'active' | 'terminated' | 'transferred_out';
  /** Date the project ended (terminated or transferred out), for messages. */
  endedOn: string | null;
  capital: bigint;
  afterUsd: bigint;
  afterVnd: bigint;
  lastDate: string | null;
  /** Entries by id, for corrections. */
  entries: Map<string, { kind: string; countsAs: string; effectiveDate: string; seq: number }>;
}

/** A stored entry as the replay needs it. */
export interface StoredEntry {
  id: string;
  seq: number;
  kind: string;
  counts_as: string;
  certificate_date: string;
  effective_date: string;
  capital_after: string;
  after_usd: string;
  after_vnd: string;
}

/** The state of a project with no entry yet. */
export function emptyLedger(currency: string): LedgerState {
  return {
    currency,
    seq: 0,
    status: 'draft',
    endedOn: null,
    capital: 0n,
    afterUsd: 0n,
    afterVnd: 0n,
    lastDate: null,
    entries: new Map(),
  };
}

function statusAfter(kind: string, previous: LedgerState['status']): LedgerState['status'] {
  switch (kind) {
    case 'new':
    case 'transfer_in':
      return 'active';
    case 'termination':
      return 'terminated';
    case 'transfer_out':
      return 'transferred_out';
    default:
      return previous;
  }
}

/** Replays stored entries (in seq order) into the state the next entry is checked against. */
export function replayLedger(currency: string, stored: readonly StoredEntry[]): LedgerState {
  const s = emptyLedger(currency);
  for (const e of [...stored].sort((a, b) => a.seq - b.seq)) applyStored(s, e);
  return s;
}

function applyStored(s: LedgerState, e: StoredEntry) {
  s.seq = e.seq;
  s.status = statusAfter(e.kind, s.status);
  if (e.kind === 'termination' || e.kind === 'transfer_out') s.endedOn = e.certificate_date;
  if (e.kind === 'transfer_in') s.endedOn = null;
  s.capital = dec(e.capital_after);
  s.afterUsd = dec(e.after_usd);
  s.afterVnd = dec(e.after_vnd);
  if (!s.lastDate || e.certificate_date > s.lastDate) s.lastDate = e.certificate_date;
  s.entries.set(e.id, { kind: e.kind, countsAs: e.counts_as, effectiveDate: e.effective_date, seq: e.seq });
}

/** A ledger entry as parsed from the API or a spreadsheet row (amounts as decimal strings). */
export interface EntryInput {
  kind: LedgerKind;
  certificateNo: string;
  amendmentNo: number;
  certificateDate: string;
  capitalBefore?: string | null;
  capitalChange?: string | null;
  capitalAfter?: string | null;
  changeUsd?: string | null;
  changeVnd?: string | null;
  dealValue?: string | null;
  dealValueUsd?: string | null;
  dealValueVnd?: string | null;
  correctsEntryId?: string | null;
  reason?: string | null;
  note?: string | null;
}

/** The computed columns of an entry that passed the rules. */
export interface PlannedEntry {
  seq: number;
  kind: LedgerKind;
  countsAs: string;
  effectiveDate: string;
  certificateNo: string;
  amendmentNo: number;
  certificateDate: string;
  correctsEntryId: string | null;
  currency: string;
  capitalBefore: string;
  capitalChange: string;
  capitalAfter: string;
  changeUsd: string;
  changeVnd: string;
  afterUsd: string;
  afterVnd: string;
  dealValue: string | null;
  dealValueUsd: string | null;
  dealValueVnd: string | null;
  fxSource: 'certificate' | 'rate_table' | 'ledger';
  fxRateId: string | null;
  fxVndPerUsd: string | null;
  reason: string | null;
  note: string | null;
}

const KIND_VI: Record<string, string> = {
  new: 'cấp mới',
  adjustment: 'điều chỉnh',
  share_purchase: 'góp vốn, mua cổ phần',
  termination: 'chấm dứt',
  transfer_in: 'chuyển vào địa bàn quản lý',
  transfer_out: 'chuyển ra khỏi địa bàn quản lý',
  correction: 'đính chính',
};

const opt = (s: string | null | undefined): bigint | null =>
  s === null || s === undefined || s === '' ? null : dec(s);

/**
 * Checks one entry against the project's state and computes its figures: before must be the ledger's current
 * capital, after = before + change, nothing after a termination, no date in the future or before the previous
 * entry, conversions by the dated rate. Returns every problem found (field names as in the API), or the entry
 * and the state after it. `state` is not modified.
 */
export function planEntry(
  state: LedgerState,
  input: EntryInput,
  opts: { today: string; rates: RateBook },
): { ok: true; entry: PlannedEntry; next: LedgerState } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const problem = (field: string, vi: string, en: string) =>
    problems.push({ field, message: bilingual(vi, en) });
  const { kind } = input;

  if (input.certificateDate > opts.today) {
    problem(
      'certificateDate',
      'Ngày cấp không được ở tương lai.',
      'The certificate date cannot be in the future.',
    );
  }
  if (state.lastDate && input.certificateDate < state.lastDate) {
    problem(
      'certificateDate',
      `Ngày cấp trước ngày của bút toán gần nhất (${state.lastDate}); sổ ghi theo thứ tự thời gian.`,
      `The certificate date is before the latest entry (${state.lastDate}); the ledger runs in date order.`,
    );
  }

  // Which kinds may follow the project's current status.
  const ended = state.status === 'terminated' || state.status === 'transferred_out';
  if (kind === 'new' && state.seq > 0) {
    problem(
      'kind',
      'Dự án đã có bút toán; cấp mới chỉ là bút toán đầu tiên.',
      'The project already has entries; a new registration must come first.',
    );
  } else if (kind === 'transfer_in' && state.status !== 'draft' && state.status !== 'transferred_out') {
    problem(
      'kind',
      'Dự án đang thuộc địa bàn quản lý.',
      'The project is already under the authority’s management.',
    );
  } else if (kind !== 'new' && kind !== 'transfer_in' && state.status !== 'active') {
    if (ended) {
      problem(
        'kind',
        `Dự án đã ${state.status === 'terminated' ? 'chấm dứt' : 'chuyển ra khỏi địa bàn quản lý'} ngày ${state.endedOn}; không thể ghi ${KIND_VI[kind]}.`,
        `The project ${state.status === 'terminated' ? 'was terminated' : 'left the authority’s management'} on ${state.endedOn}; no ${kind.replace('_', ' ')} can follow.`,
      );
    } else {
      problem('kind', 'Dự án chưa có bút toán cấp mới.', 'The project has no new registration yet.');
    }
  }

  const before = state.capital;
  const givenBefore = opt(input.capitalBefore);
  const givenChange = opt(input.capitalChange);
  const givenAfter = opt(input.capitalAfter);
  if (givenBefore !== null && givenBefore !== before) {
    problem(
      'capitalBefore',
      `Vốn trước điều chỉnh phải bằng vốn hiện tại trong sổ (${fmt(before)} ${state.currency}).`,
      `Capital before must equal the ledger's current capital (${fmt(before)} ${state.currency}).`,
    );
  }
  if (givenChange !== null && givenAfter !== null && givenAfter !== (givenBefore ?? before) + givenChange) {
    problem(
      'capitalAfter',
      'Vốn sau không bằng vốn trước cộng phần thay đổi.',
      'Capital after does not equal capital before plus the change.',
    );
  }

  let change: bigint;
  switch (kind) {
    case 'termination':
    case 'transfer_out':
      change = -before;
      if ((givenChange !== null && givenChange !== change) || (givenAfter !== null && givenAfter !== 0n)) {
        problem(
          'capitalChange',
          'Chấm dứt hoặc chuyển ra đưa vốn về 0.',
          'A termination or transfer out brings the capital to 0.',
        );
      }
      break;
    case 'share_purchase':
      change = 0n;
      if ((givenChange !== null && givenChange !== 0n) || (givenAfter !== null && givenAfter !== before)) {
        problem(
          'capitalChange',
          'Góp vốn, mua cổ phần không thay đổi vốn đầu tư của dự án; ghi giá trị giao dịch vào cột giá trị góp vốn.',
          'A share purchase does not change the project’s capital; give the deal value instead.',
        );
      }
      if (opt(input.dealValue) === null || (opt(input.dealValue) ?? 0n) <= 0n) {
        problem(
          'dealValue',
          'Vui lòng nhập giá trị góp vốn, mua cổ phần.',
          'Please give the value of the share purchase.',
        );
      }
      break;
    default:
      if (givenChange === null && givenAfter === null) {
        problem(
          'capitalChange',
          'Vui lòng nhập phần vốn thay đổi hoặc vốn sau.',
          'Please give the capital change or the capital after.',
        );
        change = 0n;
      } else {
        change = givenChange ?? (givenAfter ?? 0n) - before;
      }
      if (
        (kind === 'new' || kind === 'transfer_in') &&
        change <= 0n &&
        (givenChange !== null || givenAfter !== null)
      ) {
        problem('capitalChange', 'Vốn đăng ký phải lớn hơn 0.', 'The registered capital must be above 0.');
      }
      if (
        (kind === 'adjustment' || kind === 'correction') &&
        change === 0n &&
        (givenChange !== null || givenAfter !== null)
      ) {
        problem(
          'capitalChange',
          'Điều chỉnh phải làm thay đổi vốn.',
          'An adjustment must change the capital.',
        );
      }
  }
  if (kind !== 'share_purchase' && input.dealValue) {
    problem(
      'dealValue',
      'Chỉ góp vốn, mua cổ phần có giá trị giao dịch.',
      'Only a share purchase has a deal value.',
    );
  }
  const after = before + change;
  if (after < 0n) problem('capitalAfter', 'Vốn sau không được âm.', 'Capital after cannot be negative.');

  let countsAs: string = kind;
  let effectiveDate = input.certificateDate;
  let correctsEntryId: string | null = null;
  if (kind === 'correction') {
    const target = input.correctsEntryId ? state.entries.get(input.correctsEntryId) : undefined;
    if (!target) {
      problem(
        'correctsEntryId',
        'Chọn bút toán cần đính chính của dự án này.',
        'Choose the entry of this project to correct.',
      );
    } else if (
      !['new', 'adjustment', 'transfer_in'].includes(target.countsAs) ||
      target.kind === 'correction'
    ) {
      problem(
        'correctsEntryId',
        'Chỉ đính chính được bút toán cấp mới, điều chỉnh hoặc chuyển vào.',
        'Only a new registration, an adjustment or a transfer in can be corrected.',
      );
    } else {
      countsAs = target.countsAs;
      effectiveDate = target.effectiveDate;
      correctsEntryId = input.correctsEntryId ?? null;
    }
  } else if (input.correctsEntryId) {
    problem(
      'correctsEntryId',
      'Chỉ bút toán đính chính mới tham chiếu bút toán khác.',
      'Only a correction refers to another entry.',
    );
  }
  if (problems.length) return { ok: false, problems };

  // USD and VND: terminations zero the running totals exactly; the rest is converted (or stated).
  let changeUsd: bigint;
  let changeVnd: bigint;
  let fxSource: PlannedEntry['fxSource'];
  let fxRateId: string | null = null;
  let fxVndPerUsd: bigint | null = null;
  if (kind === 'termination' || kind === 'transfer_out') {
    changeUsd = -state.afterUsd;
    changeVnd = -state.afterVnd;
    fxSource = 'ledger';
  } else {
    const c = convert(opts.rates, {
      amount: change,
      currency: state.currency,
      date: input.certificateDate,
      statedUsd: opt(input.changeUsd),
      statedVnd: opt(input.changeVnd),
      field: 'capitalChange',
    });
    if (!c.ok) return { ok: false, problems: [c.problem] };
    changeUsd = c.value.usd;
    changeVnd = c.value.vnd;
    fxSource = c.value.fxSource;
    fxRateId = c.value.rateId;
    fxVndPerUsd = c.value.vndPerUsd;
  }
  let deal: { value: bigint; usd: bigint; vnd: bigint } | null = null;
  if (kind === 'share_purchase') {
    const value = opt(input.dealValue) ?? 0n;
    const c = convert(opts.rates, {
      amount: value,
      currency: state.currency,
      date: input.certificateDate,
      statedUsd: opt(input.dealValueUsd),
      statedVnd: opt(input.dealValueVnd),
      field: 'dealValue',
    });
    if (!c.ok) return { ok: false, problems: [c.problem] };
    deal = { value, usd: c.value.usd, vnd: c.value.vnd };
    fxSource = c.value.fxSource;
    fxRateId = c.value.rateId;
    fxVndPerUsd = c.value.vndPerUsd;
  }
  const afterUsd = state.afterUsd + changeUsd;
  const afterVnd = state.afterVnd + changeVnd;

  const entry: PlannedEntry = {
    seq: state.seq + 1,
    kind,
    countsAs,
    effectiveDate,
    certificateNo: input.certificateNo,
    amendmentNo: input.amendmentNo,
    certificateDate: input.certificateDate,
    correctsEntryId,
    currency: state.currency,
    capitalBefore: fmt(before),
    capitalChange: fmt(change),
    capitalAfter: fmt(after),
    changeUsd: fmt(changeUsd),
    changeVnd: fmt(changeVnd),
    afterUsd: fmt(afterUsd),
    afterVnd: fmt(afterVnd),
    dealValue: deal ? fmt(deal.value) : null,
    dealValueUsd: deal ? fmt(deal.usd) : null,
    dealValueVnd: deal ? fmt(deal.vnd) : null,
    fxSource,
    fxRateId,
    fxVndPerUsd: fxVndPerUsd === null ? null : fmt(fxVndPerUsd, 6),
    reason: input.reason ?? null,
    note: input.note ?? null,
  };
  const next: LedgerState = {
    ...state,
    seq: entry.seq,
    status: statusAfter(kind, state.status),
    endedOn:
      kind === 'termination' || kind === 'transfer_out'
        ? input.certificateDate
        : kind === 'transfer_in'
          ? null
          : state.endedOn,
    capital: after,
    afterUsd,
    afterVnd,
    lastDate:
      state.lastDate && state.lastDate > input.certificateDate ? state.lastDate : input.certificateDate,
    entries: new Map(state.entries),
  };
  return { ok: true, entry, next };
}

/** Records a planned entry in a state under its new id (after it was inserted, or in an import's memory). */
export function rememberEntry(state: LedgerState, id: string, entry: PlannedEntry) {
  state.entries.set(id, {
    kind: entry.kind,
    countsAs: entry.countsAs,
    effectiveDate: entry.effectiveDate,
    seq: entry.seq,
  });
}
