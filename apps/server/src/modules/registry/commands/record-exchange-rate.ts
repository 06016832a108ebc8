import { ExchangeRateInput, type ExchangeRateInput as ExchangeRateInputType } from '@heza/shared/registry';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/http/validation.ts';
import { presentExchangeRate } from '../presenter.ts';
import { assertCan } from '../scope.ts';
import { duplicate } from './errors.ts';

/**
 * Records a dated exchange rate (VND per unit, valid over a date range). Two rates of the same currency and
 * kind may not overlap, so a conversion always has one answer; ledger entries keep the rate they used.
 */
export async function recordExchangeRate(ctx: Ctx, input: ExchangeRateInputType) {
  const v = parseInput(ExchangeRateInput, input);
  await assertCan(ctx, 'registry.plan.write', []);
  return ctx.db.transaction().execute(async (tx) => {
    const overlap = await tx
      .selectFrom('exchange_rates')
      .select(['valid_from', 'valid_to'])
      .where('currency', '=', v.currency)
      .where('kind', '=', v.kind)
      .where('valid_from', '<=', v.validTo)
      .where('valid_to', '>=', v.validFrom)
      .executeTakeFirst();
    if (overlap) {
      throw duplicate(
        'validFrom',
        { vi: 'tỷ giá', en: 'exchange rate' },
        `Trùng thời gian với tỷ giá ${v.currency} đã có (${overlap.valid_from} – ${overlap.valid_to}).`,
        `Overlaps the existing ${v.currency} rate (${overlap.valid_from} – ${overlap.valid_to}).`,
      );
    }
    const row = await tx
      .insertInto('exchange_rates')
      .values({
        currency: v.currency,
        kind: v.kind,
        valid_from: v.validFrom,
        valid_to: v.validTo,
        vnd_per_unit: v.vndPerUnit,
        source: v.source,
        decision_no: v.decisionNo,
        recorded_by: ctx.actor?.id ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = presentExchangeRate(row);
    await recordAudit(tx, ctx, {
      action: 'registry.exchange_rate.record',
      entityType: 'exchange_rate',
      entityId: row.id,
      after: view,
    });
    return view;
  });
}
