/** Before/after comparison of audit snapshots, field by field. */

export type DiffStatus = 'added' | 'removed' | 'changed' | 'unchanged';

export interface DiffRow {
  /** Dotted path of the field: "zones[0].name". */
  path: string;
  status: DiffStatus;
  before: unknown;
  after: unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Flattens nested objects and arrays into leaf paths; empty containers are leaves themselves. */
export function flatten(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0 && prefix) out.set(prefix, {});
    for (const key of keys) flatten(value[key], prefix ? `${prefix}.${key}` : key, out);
  } else if (Array.isArray(value)) {
    if (value.length === 0) out.set(prefix, []);
    value.forEach((item, index) => {
      flatten(item, `${prefix}[${index}]`, out);
    });
  } else {
    out.set(prefix, value);
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * One row per leaf field of either snapshot, in the order fields appear (before's, then new ones).
 * A creation has only `after` (all rows "added"), a deletion only `before` (all "removed").
 */
export function diffSnapshots(before: unknown, after: unknown): DiffRow[] {
  const b = before === null || before === undefined ? new Map<string, unknown>() : flatten(before);
  const a = after === null || after === undefined ? new Map<string, unknown>() : flatten(after);
  const paths = [...b.keys(), ...[...a.keys()].filter((path) => !b.has(path))];
  return paths.map((path) => {
    const inBefore = b.has(path);
    const inAfter = a.has(path);
    const status: DiffStatus = !inBefore
      ? 'added'
      : !inAfter
        ? 'removed'
        : same(b.get(path), a.get(path))
          ? 'unchanged'
          : 'changed';
    return { path, status, before: b.get(path), after: a.get(path) };
  });
}

/** A leaf value as text: strings as they are, everything else as JSON. */
export function formatLeaf(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
