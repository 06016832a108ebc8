import { Drawer, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { formatOptionalNumber } from '../../../lib/format-number';
import { type ReportKey, useValueHistory } from '../api';

/** Every submitted change of one indicator's values (total and breakdown parts): who, when, from what to what. */
export function ValueHistoryDrawer({
  reportKey,
  indicator,
  label,
  onClose,
}: {
  reportKey: ReportKey;
  indicator: string | null;
  label: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const history = useValueHistory(reportKey, indicator);
  const kind = (estimate: boolean | null) =>
    estimate === null
      ? ''
      : ` (${t(estimate ? 'reporting.entry.kind.estimate' : 'reporting.entry.kind.actual')})`;
  const when = (iso: string) =>
    new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', {
      dateStyle: 'short',
      timeStyle: 'short',
      timeZone: 'Asia/Ho_Chi_Minh',
    }).format(new Date(iso));
  return (
    <Drawer
      opened={indicator !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={t('reporting.entry.historyTitle', { indicator: label })}
    >
      {history.isError && <QueryError error={history.error} onRetry={() => history.refetch()} />}
      {history.data && history.data.items.length === 0 && (
        <Text c="dimmed">{t('reporting.entry.historyEmpty')}</Text>
      )}
      {history.data && history.data.items.length > 0 && (
        <Table striped fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reporting.entry.changedAt')}</Table.Th>
              <Table.Th>{t('reporting.entry.value')}</Table.Th>
              <Table.Th>{t('reporting.entry.previous')}</Table.Th>
              <Table.Th>{t('reporting.entry.changedBy')}</Table.Th>
              <Table.Th>{t('reporting.entry.source')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.data.items.map((h) => (
              <Table.Tr key={`${h.changedAt}-${h.combo}`}>
                <Table.Td>{when(h.changedAt)}</Table.Td>
                <Table.Td>
                  {h.combo && (
                    <Text span c="dimmed" size="xs">
                      {h.combo}:{' '}
                    </Text>
                  )}
                  {formatOptionalNumber(h.value, language, { decimals: 6 })}
                  {kind(h.estimate)}
                </Table.Td>
                <Table.Td>
                  {formatOptionalNumber(h.previousValue, language, { decimals: 6 })}
                  {kind(h.previousEstimate)}
                </Table.Td>
                <Table.Td>{h.changedBy ?? '—'}</Table.Td>
                <Table.Td>{t(`reporting.entry.sources.${h.source}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Drawer>
  );
}
