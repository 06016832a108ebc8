import { describe, expect, it } from 'vitest';
import * as feedback from './feedback.ts';
import * as shared from './index.ts';
import * as officialReports from './official-reports.ts';
import * as portal from './portal.ts';
import * as procedures from './procedures.ts';
import * as registry from './registry.ts';
import * as reporting from './reporting.ts';

/**
 * zod 4's `.partial()` keeps a field's `.default()`: an update schema built that way fills omitted fields with
 * their defaults, and a partial update then silently resets them. Every exported update schema must turn an
 * empty update into an empty object.
 */
const modules = { shared, registry, reporting, procedures, feedback, portal, officialReports };
const updateSchemas = Object.entries(modules)
  .flatMap(([m, exports]) => Object.entries(exports).map(([name, value]) => [`${m}.${name}`, value] as const))
  .filter(
    ([name, value]) =>
      /Update(Input)?$|Patch(Input)?$/.test(name) &&
      typeof (value as { safeParse?: unknown }).safeParse === 'function',
  ) as [string, { safeParse(v: unknown): { success: boolean; data?: unknown } }][];

describe('update input schemas', () => {
  it('should find the update schemas to check', () => {
    expect(updateSchemas.map(([n]) => n)).toContain('registry.ZoneUpdateInput');
    expect(updateSchemas.length).toBeGreaterThanOrEqual(5);
  });

  it.each(updateSchemas)('%s should not add defaults to an empty update', (_name, schema) => {
    const parsed = schema.safeParse({});
    // Some updates require a field (e.g. a reason); those may refuse {}, but never invent values.
    if (parsed.success) expect(parsed.data).toEqual({});
  });
});
