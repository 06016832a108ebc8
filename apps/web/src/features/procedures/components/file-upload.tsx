import type { StoredFileView } from '@heza/shared/procedures';
import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { IconFileCheck, IconX } from '@tabler/icons-react';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { isApiError } from '../../../lib/api-client';
import { useUpload } from '../api';

interface FileUploadProps {
  /** The visible label of the file input (names the document). */
  label: string;
  value: StoredFileView | null;
  onChange: (file: StoredFileView | null) => void;
  required?: boolean;
  error?: string;
}

/**
 * One document file: picked with a native, labelled file input and uploaded at once (the raw body to
 * POST /procedures/uploads); the server checks the real content type and the 10 MB limit and its
 * Vietnamese message is shown when it refuses.
 */
export function FileUpload({ label, value, onChange, required, error }: FileUploadProps) {
  const { t } = useTranslation();
  const upload = useUpload();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const errorId = `${id}-error`;
  return (
    <Stack gap={4}>
      <Text component="label" htmlFor={id} size="sm" fw={500}>
        {label}
        {required && (
          <Text span c="red" aria-hidden>
            {' *'}
          </Text>
        )}
      </Text>
      {value ? (
        <Group gap="xs">
          <IconFileCheck size={18} color="var(--mantine-color-green-7)" aria-hidden />
          <Text size="sm" data-testid="uploaded-file">
            {value.name} ({formatSize(value.sizeBytes)})
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            leftSection={<IconX size={12} aria-hidden />}
            onClick={() => {
              onChange(null);
              upload.reset();
            }}
            aria-label={t('procedures.upload.removeNamed', { name: value.name })}
          >
            {t('procedures.upload.remove')}
          </Button>
        </Group>
      ) : (
        <Group gap="xs">
          <input
            ref={input}
            id={id}
            type="file"
            accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx,application/pdf,image/jpeg,image/png"
            aria-invalid={!!error || undefined}
            aria-describedby={error ? errorId : undefined}
            disabled={upload.isPending}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (!file) return;
              upload.mutate(file, {
                onSuccess: (stored) => onChange(stored),
                onSettled: () => {
                  if (input.current) input.current.value = '';
                },
              });
            }}
          />
          {upload.isPending && <Loader size="xs" aria-label={t('procedures.upload.uploading')} />}
        </Group>
      )}
      <Text size="xs" c="dimmed">
        {t('procedures.upload.help')}
      </Text>
      {error && (
        <Text size="xs" c="red" id={errorId}>
          {error}
        </Text>
      )}
      {/* The server names the exact problem (type sniffed from the content, size) in the details. */}
      <FormErrorAlert
        error={upload.error}
        otherErrors={isApiError(upload.error) ? upload.error.fieldErrors : []}
      />
    </Stack>
  );
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
