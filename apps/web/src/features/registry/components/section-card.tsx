import { Card, Group, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';

interface SectionCardProps {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
  /** Tables fill the card edge to edge. */
  flush?: boolean;
}

/** A titled region of a detail page (<section> named by its <h2>). */
export function SectionCard({ title, actions, children, flush }: SectionCardProps) {
  const headingId = useId();
  return (
    <Card withBorder radius="md" padding={flush ? 0 : 'lg'} component="section" aria-labelledby={headingId}>
      <Group
        justify="space-between"
        align="center"
        gap="sm"
        wrap="wrap"
        p={flush ? 'lg' : 0}
        pb={flush ? 'sm' : 'sm'}
      >
        <Title id={headingId} order={2} size="h4">
          {title}
        </Title>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {children}
    </Card>
  );
}
