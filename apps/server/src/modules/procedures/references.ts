import { bilingual } from '@heza/shared';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';

/** VALIDATION_FAILED for a procedure code that has no version in force. */
export function procedureProblem(code: string): AppError {
  return new AppError('VALIDATION_FAILED', {
    details: [
      {
        field: 'procedureCode',
        message: bilingual(
          `Không có thủ tục "${code}" đang có hiệu lực.`,
          `No procedure "${code}" is in force.`,
        ),
      },
    ],
  });
}

/** Throws VALIDATION_FAILED unless the zone exists. */
export async function assertZone(db: DbOrTx, zoneId: string): Promise<void> {
  const z = await db.selectFrom('zones').select('id').where('id', '=', zoneId).executeTakeFirst();
  if (!z) {
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'zoneId', message: bilingual('Không tìm thấy khu.', 'Zone not found.') }],
    });
  }
}
