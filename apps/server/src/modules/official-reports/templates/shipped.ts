import { checkContent, type TemplateData, TemplateInput } from '@heza/shared/official-reports';
import type { DbOrTx } from '../../../db/client.ts';
import fta from './fta.json' with { type: 'json' };
import integration from './integration.json' with { type: 'json' };
import investmentSummary from './investment-summary.json' with { type: 'json' };

/**
 * The templates that ship with the platform, as data (JSON files next to this one, validated here):
 * `integration` reproduces the structure and wording of the 11-month 2024 international-integration report
 * (../shared/seeds/001), `fta` the FTA implementation report (002), `investment-summary` a one-page
 * investment summary. Staff edit them in the UI like any template; a template already in the database is
 * never overwritten.
 */
export const SHIPPED_TEMPLATES: readonly TemplateData[] = [integration, fta, investmentSummary].map((t) => {
  const parsed = TemplateInput.parse(t);
  const problems = checkContent(parsed.content);
  if (problems.length)
    throw new Error(
      `shipped template ${parsed.code}: ${problems.map((p) => `${p.field} ${p.en}`).join('; ')}`,
    );
  return parsed;
});

/** Inserts the shipped templates that are missing (by code); returns the codes inserted. */
export async function ensureShippedTemplates(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .insertInto('report_templates')
    .values(
      SHIPPED_TEMPLATES.map((t) => ({
        code: t.code,
        name_vi: t.nameVi,
        name_en: t.nameEn,
        description_vi: t.descriptionVi,
        period_types: t.periodTypes,
        content: JSON.stringify(t.content),
        is_system: true,
      })),
    )
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('code')
    .execute();
  return rows.map((r) => r.code);
}
