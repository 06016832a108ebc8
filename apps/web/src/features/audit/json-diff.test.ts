import { describe, expect, it } from 'vitest';
import { diffSnapshots, flatten, formatLeaf } from './json-diff';

describe('flatten', () => {
  it('should produce dotted and indexed paths when objects and arrays are nested', () => {
    const flat = flatten({ name: 'An', zones: [{ id: 'z1' }, { id: 'z2' }], meta: { a: { b: 1 } } });
    expect([...flat.entries()]).toEqual([
      ['name', 'An'],
      ['zones[0].id', 'z1'],
      ['zones[1].id', 'z2'],
      ['meta.a.b', 1],
    ]);
  });

  it('should keep empty containers as leaves when they have no content', () => {
    expect([...flatten({ zones: [], extra: {} }).entries()]).toEqual([
      ['zones', []],
      ['extra', {}],
    ]);
  });
});

describe('diffSnapshots', () => {
  it('should mark every field as added when the entity was created', () => {
    const rows = diffSnapshots(null, { email: 'a@b.vn', role: 'staff' });
    expect(rows.map((r) => r.status)).toEqual(['added', 'added']);
  });

  it('should mark every field as removed when the entity was deleted', () => {
    const rows = diffSnapshots({ email: 'a@b.vn' }, null);
    expect(rows).toEqual([{ path: 'email', status: 'removed', before: 'a@b.vn', after: undefined }]);
  });

  it('should distinguish changed, unchanged, added and removed fields when both snapshots exist', () => {
    const rows = diffSnapshots(
      { fullName: 'Nguyễn Văn An', role: 'staff', department: 'Văn phòng' },
      { fullName: 'Nguyễn Văn An', role: 'leader', active: false },
    );
    expect(rows).toEqual([
      { path: 'fullName', status: 'unchanged', before: 'Nguyễn Văn An', after: 'Nguyễn Văn An' },
      { path: 'role', status: 'changed', before: 'staff', after: 'leader' },
      { path: 'department', status: 'removed', before: 'Văn phòng', after: undefined },
      { path: 'active', status: 'added', before: undefined, after: false },
    ]);
  });

  it('should report a change when a value changes type but prints alike', () => {
    const [row] = diffSnapshots({ n: 1 }, { n: '1' });
    expect(row?.status).toBe('changed');
  });
});

describe('formatLeaf', () => {
  it('should print strings raw and other values as JSON', () => {
    expect(formatLeaf('Hải Phòng')).toBe('Hải Phòng');
    expect(formatLeaf(null)).toBe('null');
    expect(formatLeaf(false)).toBe('false');
    expect(formatLeaf([])).toBe('[]');
    expect(formatLeaf(undefined)).toBe('');
  });
});
