import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { currentLanguage, isLanguage, setLanguage } from '../i18n';

/** A language's name in that language, so screen readers pronounce it right. */
function LanguageName({
  lang,
  name,
  short,
  compact,
}: {
  lang: string;
  name: string;
  short: string;
  compact: boolean;
}) {
  if (!compact) return <span lang={lang}>{name}</span>;
  return (
    <span lang={lang}>
      <span aria-hidden="true">{short}</span>
      <VisuallyHidden>{name}</VisuallyHidden>
    </span>
  );
}

/**
 * Tiếng Việt / English. The choice is kept on this device and sent with every API call
 * (Accept-Language), so data already on screen is fetched again in the new language.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  // Phones: "VI | EN" on screen, the full names for screen readers.
  const compact = useMediaQuery('(max-width: 35.99em)') ?? false;
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
        { value: 'vi', label: <LanguageName lang="vi" name="Tiếng Việt" short="VI" compact={compact} /> },
        { value: 'en', label: <LanguageName lang="en" name="English" short="EN" compact={compact} /> },
      ]}
    />
  );
}
