import { Box, Container, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../components/language-switch';
import { LogoMark } from '../../../components/logo-mark';
import { PageTitle } from '../../../components/page-title';

/** Frame of the signed-out pages (login, forgot and reset password). */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box mih="100dvh" bg="gray.0">
      <Group component="header" justify="space-between" px={{ base: 'sm', sm: 'lg' }} py="sm" wrap="nowrap">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <LogoMark size={36} />
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text fw={750} size="lg" lh={1.2}>
              {t('app.name')}
            </Text>
            <Text size="xs" c="dimmed" truncate="end">
              {t('app.authority')}
            </Text>
          </Stack>
        </Group>
        <LanguageSwitch />
      </Group>
      <Container component="main" id="main-content" tabIndex={-1} size={460} py={{ base: 'md', sm: 48 }}>
        <Paper withBorder shadow="sm" radius="md" p={{ base: 'lg', sm: 'xl' }}>
          <Stack gap="lg">
            <PageTitle>{title}</PageTitle>
            {children}
          </Stack>
        </Paper>
      </Container>
    </Box>
  );
}
