import { sql } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { foldForSearch } from '../../platform/search.ts';
import { presentUser, presentUsers, USER_COLUMNS } from './presenter.ts';

/** Lists users, newest first, filtered by a diacritics-insensitive search on name and e-mail and by role. */
export async function listUsers(
  db: DbOrTx,
  q: { q?: string; role?: string; page: number; pageSize: number },
) {
  let query = db.selectFrom('users');
  if (q.q) {
    const needle = `%${foldForSearch(q.q)}%`;
    query = query.where((eb) =>
      eb.or([eb(sql`f_unaccent(full_name)`, 'like', needle), eb(sql`lower(email)`, 'like', needle)]),
    );
  }
  if (q.role) query = query.where('role', '=', q.role);
  const [rows, count] = await Promise.all([
    query
      .select(USER_COLUMNS)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await presentUsers(db, rows), total: Number(count.n), page: q.page, pageSize: q.pageSize };
}

/** Gets one user or throws NOT_FOUND. */
export async function getUser(db: DbOrTx, id: string) {
  const row = await db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { params: { entity: { vi: 'người dùng', en: 'User' } } });
  return presentUser(db, row);
}
