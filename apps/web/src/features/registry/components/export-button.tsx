import { Button } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { buildUrl, type QueryValue } from '../../../lib/api-client';

/** Downloads the list, with its current filters, as an XLSX file from the API's export route. */
export function ExportButton({ path, query }: { path: string; query: Record<string, QueryValue> }) {
  const { t } = useTranslation();
  const { page: _page, pageSize: _size, ...filters } = query;
  return (
    <Button
      component="a"
      href={buildUrl(path, { ...filters, format: 'xlsx' })}
      download
      variant="default"
      leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
    >
      {t('registry.common.exportXlsx')}
    </Button>
  );
}
