import type { AnalyticsCell, AnalyticsResult } from '@heza/shared/analytics';
import { buildPivot } from '@heza/shared/analytics-pivot';
import { pickMessage } from '@heza/shared/i18n-message';
import {
  Button,
  Card,
  Checkbox,
  Group,
  LoadingOverlay,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconFileSpreadsheet, IconTable } from '@tabler/icons-react';
import type { EChartsCoreOption } from 'echarts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { buildUrl } from '../../../lib/api-client';
import type { Language } from '../../../lib/api-types';
import { formatNumber, formatPercent, todayIso } from '../../../lib/format-number';
import { ZoneMultiSelect } from '../../registry/components/pickers';
import { type AnalyticsParams, useAnalytics, useAnalyticsIndicators } from '../api';
import { EChart } from '../components/echart';
import { CHOICE_TYPES, type ChoiceType, periodIdsOfYear } from '../period-choice';

const BREAKDOWNS = ['zone', 'investmentType', 'sector', 'country', 'disaggregation:nationality'] as const;
const MEASURES = ['samePeriodLastYear', 'changePct', 'planPct', 'cumulative'] as const;

/** The pivot table with its chart: any indicators × periods × one breakdown, with measures; XLSX/CSV export. */
export function PivotPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const today = todayIso();
  const indicators = useAnalyticsIndicators();
  const [codes, setCodes] = useState<string[]>(['revenue', 'export', 'import']);
  const [type, setType] = useState<ChoiceType>('month');
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [breakdown, setBreakdown] = useState<string>('');
  const [measures, setMeasures] = useState<string[]>(['samePeriodLastYear', 'changePct']);
  const [estimates, setEstimates] = useState(false);
  const [asOf, setAsOf] = useState('');
  const [transpose, setTranspose] = useState(false);
  const [zoneIds, setZoneIds] = useState<string[]>([]);
  const [investmentType, setInvestmentType] = useState('');
  const [view, setView] = useState<'table' | 'line' | 'bar'>('table');
  const periods = periodIdsOfYear(type, year, today);
  const params: AnalyticsParams = {
    indicators: codes.join(','),
    periods: periods.join(','),
    dimensions: breakdown || undefined,
    measures: [...new Set([...measures, 'samePeriodLastYear'])].join(','),
    estimates: estimates ? 'carry_forward' : 'none',
    asOf: /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : undefined,
    zoneIds: zoneIds.length ? zoneIds.join(',') : undefined,
    investmentType: investmentType || undefined,
  };
  const result = useAnalytics(params);
  const rows = breakdown ? ['indicator', breakdown] : ['indicator'];
  const [rowDims, colDims] = transpose ? [['period'], rows] : [rows, ['period']];
  const name = (i: { nameVi: string; nameEn: string }) => (language === 'vi' ? i.nameVi : i.nameEn);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('analytics.pivot.title')}
        description={t('analytics.pivot.description')}
        icon={<IconTable size={28} aria-hidden />}
        actions={
          <>
            <Button
              component="a"
              variant="default"
              href={buildUrl('/api/analytics/export', {
                ...params,
                format: 'xlsx',
                rows: rowDims.join(','),
                columns: colDims.join(','),
              })}
              download
              leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
            >
              {t('analytics.pivot.exportXlsx')}
            </Button>
            <Button
              component="a"
              variant="default"
              href={buildUrl('/api/analytics/export', {
                ...params,
                format: 'csv',
                rows: rowDims.join(','),
                columns: colDims.join(','),
              })}
              download
            >
              {t('analytics.pivot.exportCsv')}
            </Button>
          </>
        }
      />
      <Card withBorder>
        <Stack gap="sm">
          <MultiSelect
            label={t('analytics.common.indicators')}
            data={(indicators.data?.items ?? []).map((i) => ({ value: i.code, label: name(i) }))}
            value={codes}
            onChange={setCodes}
            searchable
          />
          <Group grow align="flex-end" wrap="wrap">
            <Select
              label={t('analytics.common.periodType')}
              data={CHOICE_TYPES.map((c) => ({ value: c, label: t(`analytics.common.periodTypes.${c}`) }))}
              value={type}
              onChange={(v) => setType((v as ChoiceType) ?? 'month')}
            />
            <NumberInput
              label={t('analytics.common.year')}
              value={year}
              min={2000}
              max={2100}
              onChange={(v) => setYear(Number(v) || year)}
            />
            <Select
              label={t('analytics.pivot.rows')}
              data={[
                { value: '', label: t('analytics.common.total') },
                ...BREAKDOWNS.map((d) => ({ value: d, label: t(`analytics.common.dimensions.${d}`) })),
              ]}
              value={breakdown}
              onChange={(v) => setBreakdown(v ?? '')}
            />
            <TextInput
              label={t('analytics.common.asOf')}
              type="date"
              value={asOf}
              onChange={(e) => setAsOf(e.currentTarget.value)}
              description={t('analytics.common.asOfHint')}
            />
          </Group>
          <Group grow align="flex-end" wrap="wrap">
            <ZoneMultiSelect
              label={`${t('analytics.pivot.filters')}: ${t('analytics.common.dimensions.zone')}`}
              value={zoneIds}
              onChange={setZoneIds}
            />
            <Select
              label={`${t('analytics.pivot.filters')}: ${t('analytics.common.dimensions.investmentType')}`}
              data={[
                { value: '', label: t('analytics.common.total') },
                { value: 'fdi', label: 'FDI' },
                { value: 'ddi', label: 'DDI' },
              ]}
              value={investmentType}
              onChange={(v) => setInvestmentType(v ?? '')}
            />
          </Group>
          <Group gap="lg" wrap="wrap">
            <Checkbox.Group value={measures} onChange={setMeasures} label={t('analytics.pivot.show')}>
              <Group gap="md" mt={4}>
                {MEASURES.map((m) => (
                  <Checkbox key={m} value={m} label={t(`analytics.common.measures.${m}`)} />
                ))}
              </Group>
            </Checkbox.Group>
            <Switch
              label={t('analytics.common.estimates')}
              checked={estimates}
              onChange={(e) => setEstimates(e.currentTarget.checked)}
            />
            <Switch
              label={`${t('analytics.pivot.rows')} ⇄ ${t('analytics.pivot.columns')}`}
              checked={transpose}
              onChange={(e) => setTranspose(e.currentTarget.checked)}
            />
          </Group>
        </Stack>
      </Card>
      <SegmentedControl
        value={view}
        onChange={(v) => setView(v as 'table' | 'line' | 'bar')}
        data={[
          { value: 'table', label: t('analytics.pivot.table') },
          { value: 'line', label: `${t('analytics.pivot.chart')}: ${t('analytics.pivot.chartLine')}` },
          { value: 'bar', label: `${t('analytics.pivot.chart')}: ${t('analytics.pivot.chartBar')}` },
        ]}
        w="fit-content"
      />
      {result.isError && <QueryError error={result.error} onRetry={() => result.refetch()} />}
      <div style={{ position: 'relative' }}>
        <LoadingOverlay visible={result.isFetching && !result.data} />
        {result.data && view === 'table' && (
          <PivotTable
            result={result.data}
            rowDims={rowDims}
            colDims={colDims}
            measures={measures}
            language={language}
          />
        )}
        {result.data && view !== 'table' && (
          <TrendChart result={result.data} kind={view} language={language} />
        )}
      </div>
      {result.data && (
        <Card withBorder>
          <Text fw={600} size="sm" mb={4}>
            {t('analytics.pivot.notes')}
          </Text>
          {result.data.notes.map((n) => (
            <Text key={n} size="xs" c="dimmed">
              {pickMessage(n, language)}
            </Text>
          ))}
        </Card>
      )}
    </Stack>
  );
}

function PivotTable({
  result,
  rowDims,
  colDims,
  measures,
  language,
}: {
  result: AnalyticsResult;
  rowDims: string[];
  colDims: string[];
  measures: string[];
  language: Language;
}) {
  const { t } = useTranslation();
  const pivot = useMemo(
    () => buildPivot(result, rowDims, colDims, t('analytics.common.total')),
    [result, rowDims, colDims, t],
  );
  const decimalsOf = new Map(result.indicators.map((i) => [i.code, i.decimals]));
  const cell = (c: AnalyticsCell | null) => {
    if (!c || c.displayValue === null) return <Text c="dimmed">—</Text>;
    const extra: string[] = [];
    if (measures.includes('changePct') && c.changePct != null)
      extra.push(`${c.changePct >= 0 ? '+' : ''}${formatPercent(c.changePct, language)}`);
    if (measures.includes('planPct') && c.planPct != null) {
      extra.push(
        c.planPctRange
          ? `${formatPercent(c.planPctRange[0], language)}–${formatPercent(c.planPctRange[1], language)} KH`
          : `${formatPercent(c.planPct, language)} KH`,
      );
    }
    const estimated = (c.estimateShare ?? 0) > 0 || (c.imputedShare ?? 0) > 0;
    return (
      <Stack gap={0} align="flex-end">
        <Text
          size="sm"
          fw={500}
          c={estimated ? 'orange.8' : undefined}
          title={
            estimated
              ? t('analytics.common.estimateShare', { pct: formatPercent(c.estimateShare ?? 0, language) })
              : undefined
          }
        >
          {formatNumber(c.displayValue, language, { decimals: decimalsOf.get(c.indicator) ?? 2 })}
          {estimated ? '*' : ''}
        </Text>
        {extra.length > 0 && (
          <Text size="xs" c="dimmed">
            {extra.join(' · ')}
          </Text>
        )}
      </Stack>
    );
  };
  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={Math.max(600, 160 * (pivot.cols.length + rowDims.length))}>
        <Table striped withColumnBorders stickyHeader fz="sm">
          <Table.Thead>
            <Table.Tr>
              {rowDims.map((d) => (
                <Table.Th key={d}>
                  {t(`analytics.common.dimensions.${d}` as 'analytics.common.dimensions.zone')}
                </Table.Th>
              ))}
              {pivot.cols.map((c) => (
                <Table.Th key={c.map((i) => i.key).join('|')} ta="right">
                  {c.map((i) => i.label).join(' – ')}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pivot.rows.map((r, ri) => (
              <Table.Tr key={r.map((i) => i.key).join('|')}>
                {r.map((item, di) => (
                  <Table.Th
                    key={`${rowDims[di]}-${item.key}`}
                    scope="row"
                    fw={item.key === null ? 700 : 500}
                    pl={`calc(var(--mantine-spacing-sm) + ${item.depth * 16}px)`}
                  >
                    {item.label}
                  </Table.Th>
                ))}
                {pivot.values[ri]!.map((c, ci) => (
                  <Table.Td key={pivot.cols[ci]!.map((i) => i.key).join('|')} ta="right">
                    {cell(c)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** Line or column chart of each indicator's total over the periods, beside the same periods last year. */
function TrendChart({
  result,
  kind,
  language,
}: {
  result: AnalyticsResult;
  kind: 'line' | 'bar';
  language: Language;
}) {
  const { t } = useTranslation();
  const option = useMemo<EChartsCoreOption>(() => {
    const total = (code: string, period: string) =>
      result.cells.find(
        (c) => c.indicator === code && c.period === period && Object.keys(c.keys).length === 0,
      );
    const series = result.indicators.flatMap((ind) => {
      const factor = ind.displayUnit.endsWith('_m') ? 1e6 : ind.displayUnit.endsWith('_bn') ? 1e9 : 1;
      const now = result.periods.map((p) =>
        total(ind.code, p.id)?.displayValue ? Number(total(ind.code, p.id)!.displayValue) : null,
      );
      const before = result.periods.map((p) => {
        const ly = total(ind.code, p.id)?.samePeriodLastYear;
        return ly ? Number(ly) / factor : null;
      });
      return [
        { name: ind.name, type: kind, data: now },
        {
          name: `${ind.name} (${t('analytics.pivot.lastYear')})`,
          type: kind,
          data: before,
          lineStyle: { type: 'dashed' },
          itemStyle: { opacity: 0.55 },
        },
      ];
    });
    return {
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? formatNumber(v, language) : '—'),
      },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 70, right: 20, top: 20, bottom: 60 },
      xAxis: { type: 'category', data: result.periods.map((p) => p.label) },
      yAxis: {
        type: 'value',
        axisLabel: { formatter: (v: number) => formatNumber(v, language, { decimals: 0 }) },
      },
      series,
    };
  }, [result, kind, language, t]);
  return (
    <Card withBorder>
      <EChart
        option={option}
        height={380}
        label={result.indicators.map((i) => `${i.name} (${i.displayUnitLabel})`).join(', ')}
      />
    </Card>
  );
}
