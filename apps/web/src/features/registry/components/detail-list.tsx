import { DataList } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';

/** A label–value list (<dl>) of a detail page: side by side on wide screens, stacked on phones. */
export function DetailList({ children }: { children: ReactNode }) {
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  return (
    <DataList labelWidth="11rem" size="sm" withDivider orientation={isMobile ? 'vertical' : 'horizontal'}>
      {children}
    </DataList>
  );
}

export function DetailItem({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}
