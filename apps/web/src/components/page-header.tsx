import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useDocumentTitle } from '../lib/use-document-title';

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  icon?: ReactNode;
  /** Buttons on the right (wrap below the title on phones). */
  actions?: ReactNode;
}

/**
 * The page's single <h1>, also used as the tab title. It can take focus (tabIndex -1) so that the
 * layout can move focus to it after a navigation and screen readers announce the new page.
 */
export function PageHeader({ title, description, icon, actions }: PageHeaderProps) {
  useDocumentTitle(title);
  return (
    <Group justify="space-between" align="flex-start" gap="md" mb="lg" wrap="wrap">
      <Stack gap={4} style={{ flex: '1 1 20rem' }}>
        <Group gap="sm" wrap="nowrap">
          {icon}
          <Title order={1} size="h2" tabIndex={-1} data-page-title>
            {title}
          </Title>
        </Group>
        {description && (
          <Text c="dimmed" size="sm">
            {description}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  );
}
