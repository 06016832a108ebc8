import { IconCircleCheck, IconCircleDashed } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * Live "at least N characters" check, meant as the `description` of a new-password input so that
 * it is linked to the field (aria-describedby). Text and icon change together, never colour alone.
 */
export function PasswordRequirement({ password, min }: { password: string; min: number }) {
  const { t } = useTranslation();
  const met = password.length >= min;
  const Icon = met ? IconCircleCheck : IconCircleDashed;
  return (
    <span style={{ display: 'inline-flex', gap: 6, alignItems: 'flex-start' }}>
      <Icon
        size={16}
        aria-hidden
        color={met ? 'var(--mantine-color-green-8)' : 'currentColor'}
        style={{ flexShrink: 0, marginTop: 1 }}
      />
      <span style={met ? { color: 'var(--mantine-color-green-9)' } : undefined}>
        {met
          ? t('password.lengthMet', { min, count: password.length })
          : t('password.lengthHint', { min, count: password.length })}
      </span>
    </span>
  );
}
