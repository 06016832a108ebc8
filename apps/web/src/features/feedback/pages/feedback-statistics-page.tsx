import { periodId, periodLabel, periodOf, tryParsePeriod } from '@heza/shared/periods';
import { Card, Group, SegmentedControl, Table, Text, TextInput } from '@mantine/core';
import { IconChartLine } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { formatIsoDate, formatNumber, formatPercent, todayIso } from '../../../lib/format-number';
import { useListParams } from '../../../lib/list-params';
import { useFeedbackStatistics } from '../api';
import { summarise } from '../lib/statistics';

/** "/feedback/statistics": counts of a period by unit or category, on-time share and mean rating. */
export function FeedbackStatisticsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { params, update } = useListParams();
  const fallback = periodId(periodOf('quarter', todayIso()));
  const requested = params.get('period') ?? fallback;
  const [text, setText] = useState(requested);
  const period = tryParsePeriod(requested);
  const groupBy = params.get('groupBy') === 'category' ? 'category' : 'unit';
  const stats = useFeedbackStatistics(requested, groupBy, !!period);
  const rows = stats.data?.rows ?? [];
  const total = summarise(rows);
  const pct = (v: number | null) => (v === null ? '—' : formatPercent(v * 100, language));
  const num = (v: number) => formatNumber(v, language);

  return (
    <>
      <PageHeader
        title={t('feedback.statistics.title')}
        description={t('feedback.statistics.description')}
        icon={<IconChartLine size={28} aria-hidden />}
      />
      <Group
        component="form"
        gap="sm"
        mb="md"
        align="flex-end"
        onSubmit={(e) => {
          e.preventDefault();
          update({ period: text.trim().toUpperCase() });
        }}
      >
        <TextInput
          label={t('feedback.statistics.period')}
          description={t('feedback.statistics.periodHelp')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onBlur={() => update({ period: text.trim().toUpperCase() })}
          error={!period ? t('feedback.statistics.periodInvalid') : undefined}
          w={220}
        />
        <div>
          <Text size="sm" fw={500} id="group-by-label" mb={4}>
            {t('feedback.statistics.groupBy')}
          </Text>
          <SegmentedControl
            aria-labelledby="group-by-label"
            value={groupBy}
            onChange={(v) => update({ groupBy: v === 'category' ? 'category' : '' })}
            data={[
              { value: 'unit', label: t('feedback.fields.unit') },
              { value: 'category', label: t('feedback.fields.category') },
            ]}
          />
        </div>
      </Group>
      {stats.isError && <QueryError error={stats.error} onRetry={() => stats.refetch()} />}
      {stats.data && period && (
        <Card withBorder padding={0}>
          <Table striped>
            <Table.Caption>
              {t('feedback.statistics.caption', {
                period: periodLabel(period, language),
                start: formatIsoDate(stats.data.period.start),
                end: formatIsoDate(stats.data.period.end),
                asOf: formatDateTime(stats.data.asOf),
              })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  {groupBy === 'unit' ? t('feedback.fields.unit') : t('feedback.fields.category')}
                </Table.Th>
                <Table.Th scope="col">{t('feedback.statistics.received')}</Table.Th>
                <Table.Th scope="col">{t('feedback.statistics.answeredOnTime')}</Table.Th>
                <Table.Th scope="col">{t('feedback.statistics.answeredLate')}</Table.Th>
                <Table.Th scope="col">{t('feedback.statistics.openWithinTime')}</Table.Th>
                <Table.Th scope="col">{t('feedback.statistics.openOverdue')}</Table.Th>
                <Table.Th scope="col">{t('feedback.statistics.reopened')}</Table.Th>
                <Table.Th scope="col">{t('feedback.statistics.published')}</Table.Th>
                <Table.Th scope="col">{t('feedback.statistics.onTimeRate')}</Table.Th>
                <Table.Th scope="col">{t('feedback.statistics.averageRating')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={10}>
                    <Text c="dimmed">{t('feedback.statistics.empty')}</Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Th scope="row" fw={400}>
                    {language === 'vi' ? r.label.vi : r.label.en}
                  </Table.Th>
                  <Table.Td>{num(r.received)}</Table.Td>
                  <Table.Td>{num(r.answeredOnTime)}</Table.Td>
                  <Table.Td>{num(r.answeredLate)}</Table.Td>
                  <Table.Td>{num(r.openWithinTime)}</Table.Td>
                  <Table.Td>{num(r.openOverdue)}</Table.Td>
                  <Table.Td>{num(r.reopened)}</Table.Td>
                  <Table.Td>{num(r.published)}</Table.Td>
                  <Table.Td>{pct(r.onTimeRate)}</Table.Td>
                  <Table.Td>
                    {r.averageRating === null
                      ? '—'
                      : formatNumber(r.averageRating, language, { decimals: 1 })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            {rows.length > 1 && (
              <Table.Tfoot>
                <Table.Tr fw={700}>
                  <Table.Th scope="row">{t('feedback.statistics.total')}</Table.Th>
                  <Table.Td>{num(total.received)}</Table.Td>
                  <Table.Td>{num(total.answeredOnTime)}</Table.Td>
                  <Table.Td>{num(total.answeredLate)}</Table.Td>
                  <Table.Td>{num(total.openWithinTime)}</Table.Td>
                  <Table.Td>{num(total.openOverdue)}</Table.Td>
                  <Table.Td>{num(total.reopened)}</Table.Td>
                  <Table.Td>{num(total.published)}</Table.Td>
                  <Table.Td>{pct(total.onTimeRate)}</Table.Td>
                  <Table.Td>—</Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            )}
          </Table>
        </Card>
      )}
      <Text size="xs" c="dimmed" mt="sm">
        {t('feedback.statistics.note')}
      </Text>
    </>
  );
}
