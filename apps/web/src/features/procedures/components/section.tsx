import { Card, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled card of a detail page. */
export function Section({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <Card withBorder component="section">
      <Title order={2} size="h5" mb="sm">
        {title}
        {actions}
      </Title>
      {children}
    </Card>
  );
}

/** Label/value pairs as a description list. */
export function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 12px' }}>
      {rows.map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <Text component="dt" size="sm" c="dimmed">
            {k}
          </Text>
          <Text component="dd" size="sm" m={0}>
            {v}
          </Text>
        </div>
      ))}
    </dl>
  );
}
