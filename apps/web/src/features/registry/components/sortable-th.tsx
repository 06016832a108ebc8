import { Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowsSort, IconArrowUp } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface SortableThProps<S extends string> {
  column: S;
  sort: S;
  dir: 'asc' | 'desc';
  onSort: (column: S, dir: 'asc' | 'desc') => void;
  children: ReactNode;
  /** Columns of numbers are right-aligned. */
  numeric?: boolean;
  /** First click sorts descending (sizes, amounts: the largest first). */
  descFirst?: boolean;
}

/** A column header that sorts the list: a button inside the <th>, and aria-sort on the sorted column. */
export function SortableTh<S extends string>({
  column,
  sort,
  dir,
  onSort,
  children,
  numeric,
  descFirst,
}: SortableThProps<S>) {
  const { t } = useTranslation();
  const active = sort === column;
  const Icon = !active ? IconArrowsSort : dir === 'asc' ? IconArrowUp : IconArrowDown;
  const nextDir = active ? (dir === 'asc' ? 'desc' : 'asc') : descFirst ? 'desc' : 'asc';
  return (
    <Table.Th
      scope="col"
      aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
      style={{ textAlign: numeric ? 'right' : undefined, whiteSpace: 'nowrap' }}
    >
      <UnstyledButton
        onClick={() => onSort(column, nextDir)}
        fw={700}
        fz="sm"
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
        title={t(nextDir === 'asc' ? 'registry.common.sortAsc' : 'registry.common.sortDesc')}
      >
        {children}
        <Icon size={14} aria-hidden style={{ opacity: active ? 1 : 0.5 }} />
      </UnstyledButton>
    </Table.Th>
  );
}
