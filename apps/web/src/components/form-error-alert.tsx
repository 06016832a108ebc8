import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-client';
import type { FieldError } from '../lib/api-types';

interface FormErrorAlertProps {
  error: unknown;
  title?: string;
  /** Validation messages for fields the form does not show. */
  otherErrors?: FieldError[];
  /** Extra lines under the message (lock-out time, retry delay…). */
  children?: ReactNode;
}

/** The server's message for a failed form submission, announced to screen readers (role="alert"). */
export function FormErrorAlert({ error, title, otherErrors = [], children }: FormErrorAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = isApiError(error) ? error.message : t('errors.unexpected');
  // The request id helps support trace a server fault; for an ordinary refusal it is noise.
  const requestId = isApiError(error) && error.status >= 500 ? error.requestId : undefined;
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle aria-hidden />} role="alert">
      <Text size="sm">{message}</Text>
      {children}
      {otherErrors.length > 0 && (
        <List size="sm" mt={4}>
          {otherErrors.map((e) => (
            <List.Item key={`${e.field}:${e.message}`}>{e.message}</List.Item>
          ))}
        </List>
      )}
      {requestId && (
        <Text size="xs" c="dimmed" mt={6}>
          {t('errors.requestId', { id: requestId })}
        </Text>
      )}
    </Alert>
  );
}
