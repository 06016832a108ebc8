import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { IconLinkOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
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
import { MIN_PASSWORD_LENGTH, useResetPassword } from '../api';
import { AuthLayout } from '../components/auth-layout';
import type { LoginFlash } from './login-page';

interface ResetValues {
  newPassword: string;
  confirmPassword: string;
}

function InvalidLink({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Alert
        color="red"
        variant="light"
        icon={<IconLinkOff aria-hidden />}
        role="alert"
        title={t('auth.reset.invalidTitle')}
      >
        {message}
      </Alert>
      <Anchor component={Link} to="/forgot-password">
        {t('auth.reset.requestNew')}
      </Anchor>
      <Anchor component={Link} to="/login" size="sm">
        {t('auth.backToLogin')}
      </Anchor>
    </Stack>
  );
}

/** /reset-password?token=… — the page the reset e-mail links to. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const token = params.get('token') ?? '';
  const reset = useResetPassword();
  const form = useFormState<ResetValues>({ newPassword: '', confirmPassword: '' });
  const { values, errors } = form;

  if (!token) {
    return (
      <AuthLayout title={t('auth.reset.title')}>
        <InvalidLink message={t('auth.reset.missingToken')} />
      </AuthLayout>
    );
  }
  if (isApiError(reset.error) && reset.error.code === 'AUTH_RESET_TOKEN_INVALID') {
    return (
      <AuthLayout title={t('auth.reset.title')}>
        <InvalidLink message={reset.error.message} />
      </AuthLayout>
    );
  }

  const { otherErrors } = splitFieldErrors<ResetValues>(reset.error, ['newPassword', 'confirmPassword']);
  const showAlert =
    reset.error &&
    !(isApiError(reset.error) && reset.error.code === 'VALIDATION_FAILED' && otherErrors.length === 0);

  const submit = () => {
    const next: FormErrors<ResetValues> = {};
    if (values.newPassword.length < MIN_PASSWORD_LENGTH) {
      next.newPassword = t('validation.passwordTooShort', { min: MIN_PASSWORD_LENGTH });
    }
    if (values.confirmPassword !== values.newPassword)
      next.confirmPassword = t('validation.passwordMismatch');
    if (hasErrors(next)) return form.showErrors(next);
    reset.mutate(
      { token, newPassword: values.newPassword },
      {
        onSuccess: () =>
          navigate('/login', { replace: true, state: { flash: 'passwordReset' } satisfies LoginFlash }),
        onError: (error) => {
          const { fieldErrors } = splitFieldErrors<ResetValues>(error, ['newPassword', 'confirmPassword'], {
            password: 'newPassword',
          });
          if (hasErrors(fieldErrors)) form.showErrors(fieldErrors);
        },
      },
    );
  };

  return (
    <AuthLayout title={t('auth.reset.title')}>
      <Text size="sm">{t('auth.reset.intro')}</Text>
      {showAlert && <FormErrorAlert error={reset.error} otherErrors={otherErrors} />}
      <form ref={form.formRef} onSubmit={onSubmit(submit)} noValidate>
        <Stack gap="md">
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
          <Button type="submit" loading={reset.isPending} fullWidth>
            {t('auth.reset.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
