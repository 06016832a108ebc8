import type { HeadlineResult } from '@heza/shared/analytics';
import { parsePeriod, periodEnd, periodLabel } from '@heza/shared/periods';
import {
  Badge,
  Card,
  Group,
  LoadingOverlay,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight, IconLayoutDashboard } from '@tabler/icons-react';
import type { EChartsCoreOption } from 'echarts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import type { Language } from '../../../lib/api-types';
import { formatNumber, formatPercent, todayIso } from '../../../lib/format-number';
import { useAnalytics, useHeadline } from '../api';
import { EChart } from '../components/echart';
import { defaultReportPeriod, periodIdsOfYear } from '../period-choice';

type Figure = HeadlineResult['figures'][number];

/** The leaders' dashboard: the headline figures of a report period and revenue month by month. */
export function LeadersDashboardPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const today = todayIso();
  const [period, setPeriod] = useState(defaultReportPeriod(today));
  const [estimates, setEstimates] = useState(false);
  const [asOf, setAsOf] = useState('');
  const headline = useHeadline(
    period,
    estimates ? 'carry_forward' : 'none',
    /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : '',
  );
  const year = Number(period.slice(0, 4));
  const choices = useMemo(() => {
    const out: { value: string; label: string }[] = [];
    for (const y of [year, year - 1, year - 2]) {
      for (const type of ['ytd', 'half_year', 'quarter', 'year'] as const) {
        for (const id of periodIdsOfYear(type, y, today).reverse()) {
          if (type === 'year' && Number(id) !== y) continue;
          out.push({ value: id, label: periodLabel(parsePeriod(id), language) });
        }
      }
    }
    return out.filter((o, i) => out.findIndex((x) => x.value === o.value) === i);
  }, [year, today, language]);
  const figures = headline.data?.figures ?? [];
  const business = figures.filter((f) =>
    ['revenue', 'export', 'import', 'budget_payments', 'implemented_capital'].includes(f.indicator),
  );
  const people = figures.filter((f) => ['labour', 'avg_income'].includes(f.indicator));
  const investment = figures.filter(
    (f) =>
      f.indicator.startsWith('fdi_') || f.indicator.startsWith('ddi_') || f.indicator === 'occupancy_rate',
  );

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('analytics.dashboard.title')}
        description={t('analytics.dashboard.description')}
        icon={<IconLayoutDashboard size={28} aria-hidden />}
      />
      <Card withBorder>
        <Group grow align="flex-end" wrap="wrap">
          <Select
            label={t('analytics.dashboard.period')}
            data={choices}
            value={period}
            onChange={(v) => setPeriod(v ?? period)}
            searchable
          />
          <TextInput
            label={t('analytics.common.asOf')}
            type="date"
            value={asOf}
            onChange={(e) => setAsOf(e.currentTarget.value)}
          />
          <Switch
            label={t('analytics.common.estimates')}
            checked={estimates}
            onChange={(e) => setEstimates(e.currentTarget.checked)}
          />
        </Group>
      </Card>
      {headline.isError && <QueryError error={headline.error} onRetry={() => headline.refetch()} />}
      <div style={{ position: 'relative', minHeight: 120 }}>
        <LoadingOverlay visible={headline.isFetching && !headline.data} />
        <Stack gap="lg">
          {[business, people, investment].map((group) =>
            group.length ? (
              <SimpleGrid key={group[0]!.indicator} cols={{ base: 1, sm: 2, lg: 3 }}>
                {group.map((f) => (
                  <FigureCard key={f.indicator} figure={f} language={language} />
                ))}
              </SimpleGrid>
            ) : null,
          )}
        </Stack>
      </div>
      <MonthlyRevenue period={period} language={language} />
    </Stack>
  );
}

function FigureCard({ figure: f, language }: { figure: Figure; language: Language }) {
  const { t } = useTranslation();
  const estimated = (f.estimateShare ?? 0) > 0 || (f.imputedShare ?? 0) > 0;
  const decimals =
    f.displayUnit === 'percent' ||
    f.displayUnit.endsWith('_m') ||
    f.displayUnit.endsWith('_bn') ||
    f.displayUnit.includes('_m_')
      ? 2
      : 0;
  const up = (f.changePct ?? 0) >= 0;
  return (
    <Card withBorder padding="lg" component="section" aria-label={f.name}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={2} size="h5">
            {f.name}
          </Title>
          {estimated && (
            <Badge color="orange" variant="light">
              {t('reporting.entry.kind.estimate')}
            </Badge>
          )}
        </Group>
        <Text fz={28} fw={700} lh={1.1}>
          {f.displayValue === null ? '—' : formatNumber(f.displayValue, language, { decimals })}
          {f.displayUnit === 'percent' ? '' : ' '}
          <Text span size="sm" c="dimmed" fw={400}>
            {f.displayUnitLabel}
          </Text>
        </Text>
        {f.changePct !== null && f.changePct !== undefined && (
          <Group gap={4}>
            {up ? (
              <IconArrowUpRight size={16} color="var(--mantine-color-teal-7)" aria-hidden />
            ) : (
              <IconArrowDownRight size={16} color="var(--mantine-color-red-7)" aria-hidden />
            )}
            <Text size="sm" c={up ? 'teal.8' : 'red.8'}>
              {up ? '+' : ''}
              {formatPercent(f.changePct, language)} {t('analytics.dashboard.vsLastYear').toLowerCase()}
            </Text>
          </Group>
        )}
        {f.planPct !== null && f.planPct !== undefined && (
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t('analytics.dashboard.plan')}:{' '}
              {f.planPctRange
                ? `${formatPercent(f.planPctRange[0], language)}–${formatPercent(f.planPctRange[1], language)}`
                : formatPercent(f.planPct, language)}
              {f.plan?.decisionNo ? ` (${f.plan.decisionNo})` : ''}
            </Text>
            <Progress
              value={Math.min(100, f.planPct)}
              color={f.planPct >= 100 ? 'teal' : 'blue'}
              size="sm"
              aria-label={t('analytics.dashboard.plan')}
            />
          </Stack>
        )}
        {f.parts.length > 0 && (
          <Text size="sm">
            {f.parts
              .map(
                (p) =>
                  `${p.label}: ${p.displayValue === null ? '—' : formatNumber(p.displayValue, language, { decimals: 0 })}`,
              )
              .join(' · ')}
          </Text>
        )}
        {f.displayCumulative && f.indicator.includes('attracted') && (
          <Text size="xs" c="dimmed">
            {t('analytics.dashboard.cumulative')}: {f.displayCumulative}
          </Text>
        )}
        {language === 'vi' && f.sentenceVi && (
          <Text size="xs" fs="italic" c="dimmed">
            {f.sentenceVi}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** Revenue of each month of the report's year beside the same month last year (columns). */
function MonthlyRevenue({ period, language }: { period: string; language: Language }) {
  const { t } = useTranslation();
  const p = parsePeriod(period);
  const lastMonth = Number(periodEnd(p).slice(5, 7));
  const months = useMemo(
    () => Array.from({ length: lastMonth }, (_, i) => `${p.year}M${String(i + 1).padStart(2, '0')}`),
    [lastMonth, p.year],
  );
  const result = useAnalytics({
    indicators: 'revenue',
    periods: months.join(','),
    measures: 'samePeriodLastYear',
  });
  const option = useMemo<EChartsCoreOption | null>(() => {
    if (!result.data) return null;
    const cells = result.data.cells.filter((c) => Object.keys(c.keys).length === 0);
    const value = (id: string) => cells.find((c) => c.period === id);
    return {
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? formatNumber(v, language) : '—'),
      },
      legend: { bottom: 0 },
      grid: { left: 70, right: 20, top: 20, bottom: 50 },
      xAxis: { type: 'category', data: result.data.periods.map((x) => x.label) },
      yAxis: {
        type: 'value',
        name: result.data.indicators[0]?.displayUnitLabel,
        axisLabel: { formatter: (v: number) => formatNumber(v, language, { decimals: 0 }) },
      },
      series: [
        {
          name: String(p.year),
          type: 'bar',
          data: months.map((m) => (value(m)?.displayValue ? Number(value(m)!.displayValue) : null)),
        },
        {
          name: String(p.year - 1),
          type: 'bar',
          data: months.map((m) =>
            value(m)?.samePeriodLastYear ? Number(value(m)!.samePeriodLastYear) / 1e6 : null,
          ),
          itemStyle: { opacity: 0.5 },
        },
      ],
    };
  }, [result.data, months, p.year, language]);
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {t('analytics.dashboard.monthly')}
      </Title>
      {result.isError && <QueryError error={result.error} />}
      {option && <EChart option={option} height={320} label={t('analytics.dashboard.monthly')} />}
    </Card>
  );
}
