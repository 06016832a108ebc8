import { tryParsePeriod } from '@heza/shared/periods';
import { Card, Group, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { IconGauge } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { formatNumber, formatPercent } from '../../../lib/format-number';
import { departmentLabel } from '../../../lib/labels';
import { useListParams } from '../../../lib/list-params';
import { useScorecard } from '../api';
import { DossierTable } from '../components/dossier-table';
import { defaultPeriod, PeriodPicker } from '../components/period-picker';

/** "/procedures/scorecard": the leaders' view — per-unit indicators and the overdue dossiers. */
export function ScorecardPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { params, update } = useListParams();
  const period = params.get('period') ?? defaultPeriod();
  const valid = !!tryParsePeriod(period);
  const card = useScorecard(period, valid);
  const pct = (v: number | null) => (v === null ? '—' : formatPercent(v * 100, language));
  const num = (v: number) => formatNumber(v, language);
  const total = card.data?.totals;

  return (
    <>
      <PageHeader
        title={t('procedures.scorecard.title')}
        description={t('procedures.scorecard.description')}
        icon={<IconGauge size={28} aria-hidden />}
      />
      <Group mb="md">
        <PeriodPicker value={period} onChange={(p) => update({ period: p })} />
      </Group>
      {card.isError && <QueryError error={card.error} onRetry={() => card.refetch()} />}
      {card.isPending && valid && <Text c="dimmed">{t('procedures.loading')}</Text>}
      {card.data && total && valid && (
        <>
          <Text size="sm" c="dimmed" mb="sm">
            {t('procedures.scorecard.asOf', {
              period: language === 'vi' ? card.data.period.label.vi : card.data.period.label.en,
              asOf: formatDateTime(card.data.asOf),
            })}
          </Text>
          <SimpleGrid cols={{ base: 2, md: 5 }} mb="md">
            <Kpi label={t('procedures.scorecard.received')} value={num(total.received.total)} />
            <Kpi label={t('procedures.scorecard.resolved')} value={num(total.resolved.total)} />
            <Kpi
              label={t('procedures.scorecard.onTimeRate')}
              value={pct(total.onTimeRate)}
              testId="kpi-on-time"
            />
            <Kpi
              label={t('procedures.scorecard.overdueOpen')}
              value={num(total.inProgress.overdue)}
              danger={total.inProgress.overdue > 0}
            />
            <Kpi label={t('procedures.scorecard.onlineShare')} value={pct(total.onlineShare)} />
          </SimpleGrid>
          <Card withBorder padding={0} mb="md">
            <Table striped>
              <Table.Caption>{t('procedures.scorecard.unitsCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('procedures.fields.unit')}</Table.Th>
                  <Table.Th scope="col">{t('procedures.scorecard.received')}</Table.Th>
                  <Table.Th scope="col">{t('procedures.scorecard.resolved')}</Table.Th>
                  <Table.Th scope="col">{t('procedures.scorecard.onTimeRate')}</Table.Th>
                  <Table.Th scope="col">{t('procedures.scorecard.overdueOpen')}</Table.Th>
                  <Table.Th scope="col">{t('procedures.scorecard.onlineShare')}</Table.Th>
                  <Table.Th scope="col">{t('procedures.scorecard.averageDays')}</Table.Th>
                  <Table.Th scope="col">{t('procedures.scorecard.apologyCoverage')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {card.data.units.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={8}>
                      <Text c="dimmed">{t('procedures.stats.empty')}</Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {card.data.units.map((u) => (
                  <Table.Tr key={u.unit}>
                    <Table.Th scope="row" fw={400}>
                      {departmentLabel(t, u.unit)}
                    </Table.Th>
                    <Table.Td>{num(u.received)}</Table.Td>
                    <Table.Td>{num(u.resolved)}</Table.Td>
                    <Table.Td c={u.onTimeRate !== null && u.onTimeRate < 0.9 ? 'red' : undefined}>
                      {pct(u.onTimeRate)}
                    </Table.Td>
                    <Table.Td c={u.overdueOpen > 0 ? 'red' : undefined}>{num(u.overdueOpen)}</Table.Td>
                    <Table.Td>{pct(u.onlineShare)}</Table.Td>
                    <Table.Td>
                      {u.averageProcessingDays === null
                        ? '—'
                        : formatNumber(u.averageProcessingDays, language, { decimals: 1 })}
                    </Table.Td>
                    <Table.Td>{pct(u.apologyCoverage)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
          <Title order={2} size="h4" mb="sm">
            {t('procedures.scorecard.overdueDossiers')}
          </Title>
          <DossierTable
            items={card.data.overdueDossiers}
            caption={t('procedures.scorecard.overdueCaption', { count: card.data.overdueDossiers.length })}
            empty={t('procedures.scorecard.noOverdue')}
          />
        </>
      )}
    </>
  );
}

function Kpi({
  label,
  value,
  danger,
  testId,
}: {
  label: string;
  value: string;
  danger?: boolean;
  testId?: string;
}) {
  return (
    <Card withBorder>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} c={danger ? 'red' : undefined} data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}
