import { SegmentedControl } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { currentLanguage, isLanguage, setLanguage } from '../i18n';

/**
 * Tiếng Việt / English. The choice is kept on this device and sent with every API call
 * (Accept-Language), so data already on screen is fetched again in the new language.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const value = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : currentLanguage();

  const change = async (next: string) => {
    if (!isLanguage(next) || next === value) return;
    await setLanguage(next);
    await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
  };

  return (
    <SegmentedControl
      size="xs"
      value={value}
      onChange={(next) => void change(next)}
      aria-label={t('language.label')}
      data={[
        { value: 'vi', label: <span lang="vi">Tiếng Việt</span> },
        { value: 'en', label: <span lang="en">English</span> },
      ]}
    />
  );
}
