import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { isApiError } from '../../../lib/api-client';
import { type PathErrors, partitionErrors, serverErrorsByPath } from '../../../lib/use-path-form';

/**
 * After a refused write: the messages of fields the form shows go under them (and focus moves to the first);
 * returns whether any did.
 */
export function showServerErrors(
  error: unknown,
  showErrors: (errors: PathErrors) => void,
  shows: (path: string) => boolean,
): boolean {
  const { shown } = partitionErrors(serverErrorsByPath(error), shows);
  if (Object.keys(shown).length === 0) return false;
  showErrors(shown);
  return true;
}

/**
 * The server's message for a refused write, unless every detail already sits under its field (then the
 * fields say it all). Details for fields the form does not show are listed here.
 */
export function ServerErrorAlert({ error, shows }: { error: unknown; shows: (path: string) => boolean }) {
  if (!error) return null;
  const { shown, others } = partitionErrors(serverErrorsByPath(error), shows);
  const allUnderFields = isApiError(error) && others.length === 0 && Object.keys(shown).length > 0;
  if (allUnderFields) return null;
  return <FormErrorAlert error={error} otherErrors={others} />;
}

export function FormFooter({
  onCancel,
  submitLabel,
  pending,
}: {
  onCancel: () => void;
  submitLabel?: string;
  pending: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm" mt="sm">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={pending}>
        {submitLabel ?? t('common.save')}
      </Button>
    </Group>
  );
}

/** Whether a path belongs to one of the given fields (a field, or anything inside it). */
export function pathIn(fields: readonly string[]) {
  return (path: string) => fields.some((f) => path === f || path.startsWith(`${f}.`));
}
