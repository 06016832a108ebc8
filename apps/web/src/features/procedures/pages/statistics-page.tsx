import { tryParsePeriod } from '@heza/shared/periods';
import type { StatisticsRow } from '@heza/shared/procedures';
import { Button, Card, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { IconChartBar, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { formatIsoDate, formatNumber, formatPercent } from '../../../lib/format-number';
import { useListParams } from '../../../lib/list-params';
import { useStatistics } from '../api';
import { defaultPeriod, PeriodPicker } from '../components/period-picker';
import { isRatio, STAT_COLUMNS, type StatColumn, statisticsCsv, statValue } from '../lib/statistics';

type GroupBy = 'procedure' | 'unit' | 'none';

/** "/procedures/statistics": the standard buckets per procedure or unit for a period. */
export function StatisticsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { params, update } = useListParams();
  const period = params.get('period') ?? defaultPeriod();
  const groupBy: GroupBy =
    params.get('groupBy') === 'unit' ? 'unit' : params.get('groupBy') === 'none' ? 'none' : 'procedure';
  const valid = !!tryParsePeriod(period);
  const stats = useStatistics(period, groupBy, valid);
  const label = (r: StatisticsRow) => (language === 'vi' ? r.label.vi : r.label.en);
  const cell = (r: StatisticsRow, c: StatColumn) => {
    const v = statValue(r, c);
    if (v === null) return '—';
    if (isRatio(c)) return formatPercent(v * 100, language);
    if (c === 'averageProcessingDays') return formatNumber(v, language, { decimals: 1 });
    return formatNumber(v, language);
  };
  const header = (c: StatColumn) => t(`procedures.stats.col.${c}`);
  const download = () => {
    if (!stats.data) return;
    const csv = statisticsCsv(
      [t(`procedures.stats.groupBy.${groupBy}`), ...STAT_COLUMNS.map(header)],
      [...stats.data.rows, stats.data.total].map((r) => ({
        label: r === stats.data!.total ? t('procedures.stats.total') : label(r),
        row: r,
      })),
    );
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `thong-ke-ho-so-${period}-${groupBy}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <>
      <PageHeader
        title={t('procedures.stats.title')}
        description={t('procedures.stats.description')}
        icon={<IconChartBar size={28} aria-hidden />}
        actions={
          <Button
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            onClick={download}
            disabled={!stats.data}
          >
            {t('procedures.stats.csv')}
          </Button>
        }
      />
      <Group gap="lg" mb="md" align="flex-end" wrap="wrap">
        <PeriodPicker value={period} onChange={(p) => update({ period: p })} />
        <div>
          <Text size="sm" fw={500} id="stats-group-by" mb={4}>
            {t('procedures.stats.groupByLabel')}
          </Text>
          <SegmentedControl
            aria-labelledby="stats-group-by"
            value={groupBy}
            onChange={(v) => update({ groupBy: v === 'procedure' ? '' : v })}
            data={(['procedure', 'unit', 'none'] as const).map((g) => ({
              value: g,
              label: t(`procedures.stats.groupBy.${g}`),
            }))}
          />
        </div>
      </Group>
      {stats.isError && <QueryError error={stats.error} onRetry={() => stats.refetch()} />}
      {stats.isPending && valid && <Text c="dimmed">{t('procedures.loading')}</Text>}
      {stats.data && valid && (
        <Card withBorder padding={0} style={{ overflowX: 'auto' }}>
          <Table striped withColumnBorders data-testid="statistics-table">
            <Table.Caption>
              {t('procedures.stats.caption', {
                period: language === 'vi' ? stats.data.period.label.vi : stats.data.period.label.en,
                start: formatIsoDate(stats.data.period.start),
                end: formatIsoDate(stats.data.period.end),
                asOf: formatDateTime(stats.data.asOf),
              })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th rowSpan={2} scope="col">
                  {t(`procedures.stats.groupBy.${groupBy}`)}
                </Table.Th>
                <Table.Th colSpan={4} scope="colgroup">
                  {t('procedures.stats.received')}
                </Table.Th>
                <Table.Th colSpan={4} scope="colgroup">
                  {t('procedures.stats.resolved')}
                </Table.Th>
                <Table.Th colSpan={3} scope="colgroup">
                  {t('procedures.stats.inProgress')}
                </Table.Th>
                <Table.Th colSpan={5} scope="colgroup">
                  {t('procedures.stats.other')}
                </Table.Th>
              </Table.Tr>
              <Table.Tr>
                {STAT_COLUMNS.map((c) => (
                  <Table.Th key={c} scope="col">
                    {header(c)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {stats.data.rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={STAT_COLUMNS.length + 1}>
                    <Text c="dimmed">{t('procedures.stats.empty')}</Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {stats.data.rows.map((r) => (
                <Table.Tr key={r.key} data-testid={`stat-row-${r.key}`}>
                  <Table.Th scope="row" fw={400}>
                    {label(r)}
                  </Table.Th>
                  {STAT_COLUMNS.map((c) => (
                    <Table.Td key={c} data-col={c}>
                      {cell(r, c)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr fw={700} data-testid="stat-row-total">
                <Table.Th scope="row">{t('procedures.stats.total')}</Table.Th>
                {STAT_COLUMNS.map((c) => (
                  <Table.Td key={c} data-col={c}>
                    {cell(stats.data!.total, c)}
                  </Table.Td>
                ))}
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Card>
      )}
      <Text size="xs" c="dimmed" mt="sm">
        {t('procedures.stats.note')}
      </Text>
    </>
  );
}
