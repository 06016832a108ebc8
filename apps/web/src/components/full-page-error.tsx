import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-client';

/** Shown when the app cannot even learn whether someone is signed in (server down, network lost). */
export function FullPageError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const message = isApiError(error) ? error.message : t('errors.network');
  return (
    <Center mih="70vh" p="md" component="main" id="main-content" tabIndex={-1}>
      <Stack align="center" maw={480} ta="center" role="alert">
        <Title order={1} size="h2">
          {t('errors.unavailableTitle')}
        </Title>
        <Text>{message}</Text>
        <Button leftSection={<IconRefresh size={18} aria-hidden />} onClick={onRetry}>
          {t('common.retry')}
        </Button>
      </Stack>
    </Center>
  );
}
