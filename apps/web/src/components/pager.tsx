import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { formatInteger } from '../lib/format';

interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}

/** "1–20 / 45" and page buttons with spoken labels, inside a labelled <nav>. */
export function Pager({ page, pageSize, total, onChange }: PagerProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" gap="sm" mt="md" wrap="wrap">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('pagination.range', {
          from: formatInteger(from, language),
          to: formatInteger(to, language),
          total: formatInteger(total, language),
        })}
      </Text>
      {pages > 1 && (
        <nav aria-label={t('pagination.label')}>
          <Pagination
            total={pages}
            value={page}
            onChange={onChange}
            size="sm"
            siblings={1}
            getItemProps={(p) => ({ 'aria-label': t('pagination.page', { page: p }) })}
            getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
          />
        </nav>
      )}
    </Group>
  );
}
