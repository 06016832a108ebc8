import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { isApiError } from '../../../lib/api-client';
import { onSubmit, splitFieldErrors, useFormState } from '../../../lib/use-form-state';
import { isEmail } from '../../../lib/validation';
import { useForgotPassword } from '../api';
import { AuthLayout } from '../components/auth-layout';

/**
 * Asks for a reset link. Whatever the server knows about the address, the page shows the same
 * confirmation, so it cannot be used to find out who has an account.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const forgot = useForgotPassword();
  const form = useFormState({ email: '' });
  const [sentTo, setSentTo] = useState<string | null>(null);

  // Only failures that reveal nothing about the account are shown: rate limiting, invalid input, network.
  const visibleError =
    isApiError(forgot.error) &&
    (forgot.error.status === 429 || forgot.error.status === 400 || forgot.error.status === 0)
      ? forgot.error
      : null;

  const submit = () => {
    const email = form.values.email.trim();
    if (!email) return form.showErrors({ email: t('validation.emailRequired') });
    if (!isEmail(email)) return form.showErrors({ email: t('validation.emailInvalid') });
    forgot.mutate(
      { email },
      {
        onSuccess: () => setSentTo(email),
        onError: (error) => {
          const { fieldErrors } = splitFieldErrors<{ email: string }>(error, ['email']);
          if (fieldErrors.email) form.showErrors(fieldErrors);
          else if (!isApiError(error) || ![0, 400, 429].includes(error.status)) setSentTo(email);
        },
      },
    );
  };

  return (
    <AuthLayout title={t('auth.forgot.title')}>
      {sentTo ? (
        <Stack gap="md">
          <Alert
            color="blue"
            variant="light"
            icon={<IconMailCheck aria-hidden />}
            role="status"
            title={t('auth.forgot.sentTitle')}
          >
            {t('auth.forgot.sent', { email: sentTo })}
          </Alert>
          <Anchor component={Link} to="/login" size="sm">
            {t('auth.backToLogin')}
          </Anchor>
        </Stack>
      ) : (
        <form ref={form.formRef} onSubmit={onSubmit(submit)} noValidate>
          <Stack gap="md">
            <Text size="sm">{t('auth.forgot.intro')}</Text>
            {visibleError && !form.errors.email && <FormErrorAlert error={visibleError} />}
            <TextInput
              label={t('auth.email')}
              type="email"
              name="email"
              autoComplete="username"
              inputMode="email"
              required
              value={form.values.email}
              onChange={(e) => form.setValue('email', e.currentTarget.value)}
              error={form.errors.email}
            />
            <Button type="submit" loading={forgot.isPending} fullWidth>
              {t('auth.forgot.submit')}
            </Button>
            <Anchor component={Link} to="/login" size="sm" ta="center">
              {t('auth.backToLogin')}
            </Anchor>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
