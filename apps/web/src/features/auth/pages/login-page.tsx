import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { IconClockExclamation, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { PasswordField } from '../../../components/password-field';
import { currentLanguage, storedLanguage } from '../../../i18n';
import { type ApiError, isApiError } from '../../../lib/api-client';
import { formatMoment } from '../../../lib/format';
import {
  type FormErrors,
  hasErrors,
  onSubmit,
  splitFieldErrors,
  useFormState,
} from '../../../lib/use-form-state';
import { isEmail } from '../../../lib/validation';
import { type LoginInput, useLogin, useSession } from '../api';
import { AuthLayout } from '../components/auth-layout';

/** Messages another page hands to the login page through navigation state. */
export interface LoginFlash {
  flash?: 'passwordReset';
}

function lockedUntilOf(error: ApiError): string | undefined {
  const details = error.details as { lockedUntil?: unknown } | null | undefined;
  return typeof details?.lockedUntil === 'string' ? details.lockedUntil : undefined;
}

function LoginErrorDetails({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  const lockedUntil = error.code === 'AUTH_ACCOUNT_LOCKED' ? lockedUntilOf(error) : undefined;
  if (lockedUntil) {
    return (
      <Text size="sm" mt={4}>
        {t('auth.login.lockedUntil', { time: formatMoment(lockedUntil, currentLanguage()) })}
      </Text>
    );
  }
  // RATE_LIMITED: the server's message already says how long to wait.
  return null;
}

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const session = useSession();
  const login = useLogin();
  const form = useFormState<LoginInput>({ email: '', password: '' });
  const { values, errors } = form;

  const flash = (location.state as LoginFlash | null)?.flash;
  const endedNotice = session.data?.endedNotice;
  const submitError = login.error;
  const { otherErrors } = splitFieldErrors<LoginInput>(submitError, ['email', 'password']);
  const onlyFieldErrors =
    isApiError(submitError) && submitError.code === 'VALIDATION_FAILED' && otherErrors.length === 0;

  const submit = () => {
    const next: FormErrors<LoginInput> = {};
    if (!values.email.trim()) next.email = t('validation.emailRequired');
    else if (!isEmail(values.email)) next.email = t('validation.emailInvalid');
    if (!values.password) next.password = t('validation.passwordRequired');
    if (hasErrors(next)) {
      login.reset();
      form.showErrors(next);
      return;
    }
    login.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onSuccess: ({ user }) => {
          // First visit on this device: use the language saved in the user's profile.
          if (!storedLanguage() && user.locale !== currentLanguage()) void i18n.changeLanguage(user.locale);
        },
        onError: (error) => {
          const { fieldErrors } = splitFieldErrors<LoginInput>(error, ['email', 'password']);
          if (hasErrors(fieldErrors)) form.showErrors(fieldErrors);
        },
      },
    );
  };

  return (
    <AuthLayout title={t('auth.login.title')}>
      {flash === 'passwordReset' && !submitError && (
        <Alert color="green" variant="light" icon={<IconInfoCircle aria-hidden />} role="status">
          {t('auth.reset.done')}
        </Alert>
      )}
      {endedNotice && !submitError && (
        <Alert color="yellow" variant="light" icon={<IconClockExclamation aria-hidden />} role="status">
          {endedNotice}
        </Alert>
      )}
      {submitError && !onlyFieldErrors && (
        <FormErrorAlert error={submitError} title={t('auth.login.errorTitle')} otherErrors={otherErrors}>
          {isApiError(submitError) && <LoginErrorDetails error={submitError} />}
        </FormErrorAlert>
      )}
      <form ref={form.formRef} onSubmit={onSubmit(submit)} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('auth.email')}
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            required
            value={values.email}
            onChange={(e) => form.setValue('email', e.currentTarget.value)}
            error={errors.email}
          />
          <PasswordField
            label={t('auth.password')}
            name="password"
            autoComplete="current-password"
            required
            value={values.password}
            onChange={(e) => form.setValue('password', e.currentTarget.value)}
            error={errors.password}
          />
          <Button type="submit" loading={login.isPending} fullWidth size="md">
            {t('auth.login.submit')}
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
            {t('auth.login.forgot')}
          </Anchor>
        </Stack>
      </form>
    </AuthLayout>
  );
}
