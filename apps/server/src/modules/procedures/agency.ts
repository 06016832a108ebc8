import { AgencyInput, AgencyView, PLACEHOLDER_AGENCY_CODE } from '@heza/shared/agency';
import type { Selectable } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/types.ts';
import { updateAgency } from './commands/update-agency.ts';
import type { OneStopOfficeTable } from './schema.ts';

/**
 * The agency (the default one-stop office): its identifier starts every dossier code received from now on,
 * and its names, parent body and place head the printed forms. Administrators change it here; dossiers
 * received before keep the identifier (and office row) they were given.
 */

/** The default office, or INVALID_STATE when the catalogue migration has not run. */
export async function defaultOffice(db: DbOrTx): Promise<Selectable<OneStopOfficeTable>> {
  const row = await db
    .selectFrom('one_stop_offices')
    .selectAll()
    .where('is_default', '=', true)
    .executeTakeFirst();
  if (!row) throw new AppError('INVALID_STATE', { params: { reason: 'no default one-stop office' } });
  return row;
}

/** The agency as administrators see it, with the identifiers used before and how many dossiers bear each. */
export async function presentAgency(db: DbOrTx, office: Selectable<OneStopOfficeTable>): Promise<AgencyView> {
  const previous = await db
    .selectFrom('one_stop_offices')
    .leftJoin('dossiers', 'dossiers.office_code', 'one_stop_offices.code')
    .select(['one_stop_offices.code', (eb) => eb.fn.count<number>('dossiers.id').as('n')])
    .where('one_stop_offices.code', '<>', office.code)
    .groupBy('one_stop_offices.code')
    .orderBy('one_stop_offices.code')
    .execute();
  return {
    code: office.code,
    nameVi: office.name_vi,
    nameEn: office.name_en,
    parentVi: office.parent_vi,
    placeVi: office.place_vi,
    addressVi: office.address_vi,
    phone: office.phone,
    email: office.email,
    isPlaceholder: office.code === PLACEHOLDER_AGENCY_CODE,
    previousCodes: previous.map((p) => ({ code: p.code, dossiers: Number(p.n) })),
  };
}

/** GET and PUT /api/procedures/agency. */
export async function agencyRoutes(app: App) {
  const tags = ['procedures'];

  app.get(
    '/procedures/agency',
    {
      config: { access: { action: 'procedures.catalogue.read' } },
      schema: {
        tags,
        summary: 'Thông tin cơ quan (mã định danh dùng trong mã hồ sơ, tên trên biểu mẫu)',
        response: { 200: AgencyView },
      },
    },
    async (req) => presentAgency(req.ctx.db, await defaultOffice(req.ctx.db)),
  );

  app.put(
    '/procedures/agency',
    {
      config: { access: { action: 'procedures.catalogue.write' } },
      schema: {
        tags,
        summary: 'Sửa mã định danh và thông tin cơ quan (áp dụng cho hồ sơ tiếp nhận sau đó)',
        body: AgencyInput,
        response: { 200: AgencyView },
      },
    },
    async (req) => updateAgency(req.ctx, req.body),
  );
}
