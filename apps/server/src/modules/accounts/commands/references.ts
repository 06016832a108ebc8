import { bilingual } from '@heza/shared';
import type { Tx } from '../../../db/client.ts';
import { AppError } from '../../../platform/errors.ts';

/** Checks that the zones and the enterprise an account points to exist; names the field when not. */
export async function assertReferences(tx: Tx, refs: { zoneIds: string[]; enterpriseId?: string | null }) {
  if (refs.zoneIds.length) {
    const found = await tx.selectFrom('zones').select('id').where('id', 'in', refs.zoneIds).execute();
    if (found.length !== refs.zoneIds.length) {
      throw new AppError('VALIDATION_FAILED', {
        details: [
          {
            field: 'zoneIds',
            message: bilingual('Có khu không tồn tại trong danh mục.', 'A zone does not exist.'),
          },
        ],
      });
    }
  }
  if (refs.enterpriseId) {
    const e = await tx
      .selectFrom('enterprises')
      .select('id')
      .where('id', '=', refs.enterpriseId)
      .executeTakeFirst();
    if (!e) {
      throw new AppError('VALIDATION_FAILED', {
        details: [
          {
            field: 'enterpriseId',
            message: bilingual('Doanh nghiệp không tồn tại.', 'The enterprise does not exist.'),
          },
        ],
      });
    }
  }
}
