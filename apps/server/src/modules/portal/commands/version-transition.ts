import type { VersionStatus } from '@heza/shared/portal';
import type { Tx } from '../../../db/client.ts';
import { AppError } from '../../../platform/errors.ts';
import { VERSION_ENTITY } from '../queries.ts';

/** Locks a version and checks it is in one of the states a transition starts from. */
export async function lockVersion(tx: Tx, id: string, from: readonly VersionStatus[]) {
  const row = await tx
    .selectFrom('portal_versions')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { params: { entity: VERSION_ENTITY } });
  if (!(from as readonly string[]).includes(row.status)) throw new AppError('INVALID_STATE');
  return row;
}
