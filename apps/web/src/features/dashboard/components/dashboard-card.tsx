import { Anchor, Card, EmptyState, Group, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { Link } from 'react-router';

interface DashboardCardProps {
  title: string;
  icon: ReactNode;
  /** What will appear here, said plainly: no placeholder figures. */
  emptyText: ReactNode;
  link?: { to: string; label: string };
  children?: ReactNode;
}

/** A dashboard tile; until its module has data it shows an empty state instead of numbers. */
export function DashboardCard({ title, icon, emptyText, link, children }: DashboardCardProps) {
  const headingId = useId();
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="sm" h="100%">
        <Title id={headingId} order={2} size="h4">
          {title}
        </Title>
        {children ?? (
          <EmptyState size="sm" align="left" icon={icon} description={emptyText} withIndicatorBackground />
        )}
        {link && (
          <Group mt="auto" pt="xs">
            <Anchor component={Link} to={link.to} size="sm">
              {link.label}
            </Anchor>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
