import { Button, Card, Group, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { PasswordField } from '../../../components/password-field';
import { PasswordRequirement } from '../../../components/password-requirement';
import { isApiError } from '../../../lib/api-client';
import {
  type FormErrors,
  hasErrors,
  onSubmit,
  splitFieldErrors,
  useFormState,
} from '../../../lib/use-form-state';
import { MIN_PASSWORD_LENGTH } from '../../auth/api';
import { useChangePassword } from '../api';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const EMPTY: Values = { currentPassword: '', newPassword: '', confirmPassword: '' };
const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const headingId = useId();
  const change = useChangePassword();
  const form = useFormState<Values>(EMPTY);
  const { values, errors } = form;

  const { otherErrors } = splitFieldErrors<Values>(change.error, FIELDS);
  const wrongCurrent = isApiError(change.error) && change.error.code === 'AUTH_INVALID_CREDENTIALS';
  const showAlert =
    change.error &&
    !wrongCurrent &&
    !(isApiError(change.error) && change.error.code === 'VALIDATION_FAILED' && otherErrors.length === 0);

  const submit = () => {
    const next: FormErrors<Values> = {};
    if (!values.currentPassword) next.currentPassword = t('validation.currentPasswordRequired');
    if (values.newPassword.length < MIN_PASSWORD_LENGTH) {
      next.newPassword = t('validation.passwordTooShort', { min: MIN_PASSWORD_LENGTH });
    } else if (values.newPassword === values.currentPassword) {
      next.newPassword = t('validation.passwordUnchanged');
    }
    if (values.confirmPassword !== values.newPassword)
      next.confirmPassword = t('validation.passwordMismatch');
    if (hasErrors(next)) {
      change.reset();
      form.showErrors(next);
      return;
    }
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          form.reset(EMPTY);
          notifications.show({ color: 'green', message: t('account.passwordChanged') });
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'AUTH_INVALID_CREDENTIALS') {
            form.showErrors({ currentPassword: error.message });
            return;
          }
          const { fieldErrors } = splitFieldErrors<Values>(error, FIELDS, { password: 'newPassword' });
          if (hasErrors(fieldErrors)) form.showErrors(fieldErrors);
        },
      },
    );
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={headingId}>
      <Title id={headingId} order={2} size="h4" mb="md">
        {t('account.changePassword')}
      </Title>
      <form ref={form.formRef} onSubmit={onSubmit(submit)} noValidate>
        <Stack gap="md" maw={420}>
          {showAlert && <FormErrorAlert error={change.error} otherErrors={otherErrors} />}
          <PasswordField
            label={t('password.current')}
            name="currentPassword"
            autoComplete="current-password"
            required
            value={values.currentPassword}
            onChange={(e) => form.setValue('currentPassword', e.currentTarget.value)}
            error={errors.currentPassword}
          />
          <PasswordField
            label={t('password.new')}
            name="newPassword"
            autoComplete="new-password"
            required
            value={values.newPassword}
            onChange={(e) => form.setValue('newPassword', e.currentTarget.value)}
            error={errors.newPassword}
            description={<PasswordRequirement password={values.newPassword} min={MIN_PASSWORD_LENGTH} />}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          <PasswordField
            label={t('password.confirm')}
            name="confirmPassword"
            autoComplete="new-password"
            required
            value={values.confirmPassword}
            onChange={(e) => form.setValue('confirmPassword', e.currentTarget.value)}
            error={errors.confirmPassword}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('account.changePasswordSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
