/**
 * The indicator catalogue as the rest of the module uses it: every indicator with its breakdowns, read in two
 * small queries (the catalogue has tens of rows; administrators edit it, so it is read fresh, never cached).
 */
import type { DisplayUnit, IndicatorView } from '@heza/shared/reporting';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';

/** A breakdown of an indicator with its options, in display order. */
export interface CatalogueDisaggregation {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string;
  nameZh: string | null;
  nameKo: string | null;
  nameJa: string | null;
  required: boolean;
  options: {
    code: string;
    nameVi: string;
    nameEn: string;
    nameZh: string | null;
    nameKo: string | null;
    nameJa: string | null;
  }[];
}

/** One indicator of the catalogue. */
export interface CatalogueIndicator {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string;
  nameZh: string | null;
  nameKo: string | null;
  nameJa: string | null;
  descriptionVi: string | null;
  descriptionEn: string | null;
  unit: IndicatorView['unit'];
  displayUnit: DisplayUnit;
  valueType: 'decimal' | 'integer';
  decimals: number;
  allowNegative: boolean;
  source: IndicatorView['source'];
  aggregation: IndicatorView['aggregation'];
  weightIndicatorId: number | null;
  formula: string | null;
  registryMeasure: string | null;
  planIndicator: string | null;
  sortOrder: number;
  active: boolean;
  isSystem: boolean;
  disaggregations: CatalogueDisaggregation[];
}

/** The catalogue with lookups by code and id. */
export interface Catalogue {
  list: CatalogueIndicator[];
  byCode: Map<string, CatalogueIndicator>;
  byId: Map<number, CatalogueIndicator>;
}

export const INDICATOR_ENTITY = { vi: 'chỉ tiêu', en: 'Indicator' };

/** Reads the whole catalogue (inactive indicators included: old values still refer to them). */
export async function loadCatalogue(db: DbOrTx): Promise<Catalogue> {
  const [rows, links, options] = await Promise.all([
    db.selectFrom('indicators').selectAll().orderBy('sort_order').orderBy('code').execute(),
    db
      .selectFrom('indicator_disaggregations as l')
      .innerJoin('disaggregations as d', 'd.id', 'l.disaggregation_id')
      .select([
        'l.indicator_id',
        'l.required',
        'l.position',
        'd.id',
        'd.code',
        'd.name_vi',
        'd.name_en',
        'd.name_zh',
        'd.name_ko',
        'd.name_ja',
      ])
      .orderBy('l.position')
      .execute(),
    db.selectFrom('disaggregation_options').selectAll().orderBy('position').orderBy('code').execute(),
  ]);
  const optionsOf = new Map<number, CatalogueDisaggregation['options']>();
  for (const o of options) {
    const list = optionsOf.get(o.disaggregation_id) ?? [];
    list.push({
      code: o.code,
      nameVi: o.name_vi,
      nameEn: o.name_en,
      nameZh: o.name_zh,
      nameKo: o.name_ko,
      nameJa: o.name_ja,
    });
    optionsOf.set(o.disaggregation_id, list);
  }
  const disOf = new Map<number, CatalogueDisaggregation[]>();
  for (const l of links) {
    const list = disOf.get(l.indicator_id) ?? [];
    list.push({
      id: l.id,
      code: l.code,
      nameVi: l.name_vi,
      nameEn: l.name_en,
      nameZh: l.name_zh,
      nameKo: l.name_ko,
      nameJa: l.name_ja,
      required: l.required,
      options: optionsOf.get(l.id) ?? [],
    });
    disOf.set(l.indicator_id, list);
  }
  const list: CatalogueIndicator[] = rows.map((r) => ({
    id: r.id,
    code: r.code,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    nameZh: r.name_zh,
    nameKo: r.name_ko,
    nameJa: r.name_ja,
    descriptionVi: r.description_vi,
    descriptionEn: r.description_en,
    unit: r.unit as CatalogueIndicator['unit'],
    displayUnit: r.display_unit as DisplayUnit,
    valueType: r.value_type as 'decimal' | 'integer',
    decimals: r.decimals,
    allowNegative: r.allow_negative,
    source: r.source as CatalogueIndicator['source'],
    aggregation: r.aggregation as CatalogueIndicator['aggregation'],
    weightIndicatorId: r.weight_indicator_id,
    formula: r.formula,
    registryMeasure: r.registry_measure,
    planIndicator: r.plan_indicator,
    sortOrder: r.sort_order,
    active: r.active,
    isSystem: r.is_system,
    disaggregations: disOf.get(r.id) ?? [],
  }));
  return {
    list,
    byCode: new Map(list.map((i) => [i.code, i])),
    byId: new Map(list.map((i) => [i.id, i])),
  };
}

/** The indicator with this code; throws NOT_FOUND. */
export function getIndicator(cat: Catalogue, code: string): CatalogueIndicator {
  const found = cat.byCode.get(code);
  if (!found) throw new AppError('NOT_FOUND', { params: { entity: INDICATOR_ENTITY } });
  return found;
}

/** Every combo key an indicator accepts: '' (the total) and 'disaggregation:option' for each part. */
export function combosOf(ind: CatalogueIndicator): string[] {
  return ['', ...ind.disaggregations.flatMap((d) => d.options.map((o) => `${d.code}:${o.code}`))];
}

/** The API view of an indicator. */
export function presentIndicator(ind: CatalogueIndicator, cat: Catalogue): IndicatorView {
  return {
    code: ind.code,
    nameVi: ind.nameVi,
    nameEn: ind.nameEn,
    nameZh: ind.nameZh,
    nameKo: ind.nameKo,
    nameJa: ind.nameJa,
    descriptionVi: ind.descriptionVi,
    descriptionEn: ind.descriptionEn,
    unit: ind.unit,
    displayUnit: ind.displayUnit,
    valueType: ind.valueType,
    decimals: ind.decimals,
    allowNegative: ind.allowNegative,
    source: ind.source,
    aggregation: ind.aggregation,
    weightIndicator:
      ind.weightIndicatorId === null ? null : (cat.byId.get(ind.weightIndicatorId)?.code ?? null),
    formula: ind.formula,
    registryMeasure: ind.registryMeasure,
    planIndicator: ind.planIndicator,
    disaggregations: ind.disaggregations.map((d) => ({
      code: d.code,
      nameVi: d.nameVi,
      nameEn: d.nameEn,
      nameZh: d.nameZh,
      nameKo: d.nameKo,
      nameJa: d.nameJa,
      required: d.required,
      options: d.options,
    })),
    sortOrder: ind.sortOrder,
    active: ind.active,
    isSystem: ind.isSystem,
  };
}

/** The name of an indicator in a language (Chinese, Korean, Japanese fall back to English). */
export function indicatorName(ind: CatalogueIndicator, lang: string): string {
  if (lang === 'vi') return ind.nameVi;
  if (lang === 'zh') return ind.nameZh ?? ind.nameEn;
  if (lang === 'ko') return ind.nameKo ?? ind.nameEn;
  if (lang === 'ja') return ind.nameJa ?? ind.nameEn;
  return ind.nameEn;
}
