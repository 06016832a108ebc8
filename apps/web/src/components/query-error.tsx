import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconLock, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-client';

/** A failed data load inside a page: the server's message, and a retry unless it is a permission refusal. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const forbidden = isApiError(error) && error.status === 403;
  const message = isApiError(error) ? error.message : t('errors.unexpected');
  return (
    <Alert
      color={forbidden ? 'orange' : 'red'}
      variant="light"
      role="alert"
      icon={forbidden ? <IconLock aria-hidden /> : <IconAlertTriangle aria-hidden />}
      title={forbidden ? t('errors.forbiddenTitle') : t('errors.loadFailed')}
    >
      <Group justify="space-between" align="center" gap="sm">
        <Text size="sm">{message}</Text>
        {!forbidden && onRetry && (
          <Button
            size="xs"
            variant="white"
            leftSection={<IconRefresh size={16} aria-hidden />}
            onClick={onRetry}
          >
            {t('common.retry')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
