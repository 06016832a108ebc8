import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * PasswordInput whose show/hide button is reachable by keyboard and named for screen readers, and whose
 * <input> says when it is invalid (Mantine's PasswordInput leaves aria-invalid off the inner input).
 */
export function PasswordField(props: PasswordInputProps) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      visibilityToggleFocusable
      visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
      aria-invalid={props.error ? true : undefined}
      {...props}
    />
  );
}
