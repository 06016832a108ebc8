import { PERIOD_TYPES, type PeriodType, periodLabel, tryParsePeriod } from '@heza/shared/periods';
import {
  type CapitalStats,
  INVESTMENT_TYPES,
  type InvestmentStatsRow,
  type InvestmentType,
  STATS_GROUP_BY,
  type StatsGroupBy,
} from '@heza/shared/registry';
import {
  Alert,
  Card,
  LoadingOverlay,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconChartLine, IconInfoCircle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import type { Language } from '../../../lib/api-types';
import { countryLabel } from '../../../lib/countries';
import {
  formatBillions,
  formatIsoDate,
  formatMillions,
  formatNumber,
  formatPercent,
  todayIso,
} from '../../../lib/format-number';
import { readChoice, readId, readIsoDate, useListParams } from '../../../lib/list-params';
import { hasPermission, PERMISSIONS } from '../../../lib/permissions';
import { useCurrentUser } from '../../auth/current-user';
import { DateField } from '../components/date-field';
import { ZoneSelect } from '../components/pickers';
import { SectionCard } from '../components/section-card';
import { type StatsFilters, useCapitalStats, useInvestmentStats } from '../stats-api';
import { PERIOD_COUNTS, partsOfPeriod, periodFromParts } from '../stats-period';

/** FDI is reported in million USD, DDI in billion VND (as in the authority's reports). */
function amount(type: InvestmentType, money: { usd: string; vnd: string }, language: Language): string {
  return type === 'fdi' ? formatMillions(money.usd, language) : formatBillions(money.vnd, language);
}

function groupLabel(
  row: { key: string | null; label: string | null; investmentType: InvestmentType },
  groupBy: StatsGroupBy,
  t: TFunction,
  language: Language,
): string {
  if (groupBy === 'none' || row.key === null) return t('registry.stats.allProjects');
  if (groupBy === 'type') return t(`registry.enums.investmentType.${row.investmentType}`);
  if (groupBy === 'country') return countryLabel(row.key, language);
  if (groupBy === 'sector') return row.label ? `${row.key} — ${row.label}` : row.key;
  return row.label ?? row.key;
}

function pct(value: number | null, language: Language): string {
  return value === null ? '—' : formatPercent(value, language, { decimals: 2 });
}

function FlowTable({
  type,
  rows,
  groupBy,
  periodText,
}: {
  type: InvestmentType;
  rows: InvestmentStatsRow[];
  groupBy: StatsGroupBy;
  periodText: string;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const unit = t(type === 'fdi' ? 'registry.enums.unit.usd_m' : 'registry.enums.unit.vnd_bn');
  const n = (v: number) => formatNumber(v, language);
  const a = (m: { usd: string; vnd: string }) => amount(type, m, language);
  const pair = (label: string) => (
    <Table.Th scope="colgroup" colSpan={2} ta="center">
      {label}
    </Table.Th>
  );
  const sub = (label: string) => (
    <Table.Th scope="col" ta="right" fw={500}>
      {label}
    </Table.Th>
  );
  const projects = t('registry.stats.projects');
  const capital = t('registry.stats.capital');
  return (
    <Table.ScrollContainer minWidth={1400}>
      <Table striped withColumnBorders verticalSpacing="xs" fz="sm">
        <caption
          style={{ captionSide: 'top', textAlign: 'left', padding: '0 var(--mantine-spacing-lg) 6px' }}
        >
          <Text size="sm" c="dimmed" component="span">
            {t('registry.stats.flowCaption', {
              type: t(`registry.enums.investmentType.${type}`),
              period: periodText,
              unit,
            })}
          </Text>
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" rowSpan={2}>
              {t('registry.stats.group')}
            </Table.Th>
            {pair(t('registry.stats.new'))}
            {pair(t('registry.stats.adjusted'))}
            {pair(t('registry.stats.sharePurchase'))}
            <Table.Th scope="col" rowSpan={2} ta="right">
              {t('registry.stats.total')}
            </Table.Th>
            <Table.Th scope="col" rowSpan={2} ta="right">
              {t('registry.stats.vsLastYear')}
            </Table.Th>
            <Table.Th scope="col" rowSpan={2} ta="right">
              {t('registry.stats.vsPlan')}
            </Table.Th>
            {pair(t('registry.stats.decreased'))}
            {pair(t('registry.stats.terminated'))}
            {pair(t('registry.stats.cumulative'))}
          </Table.Tr>
          <Table.Tr>
            {sub(projects)}
            {sub(capital)}
            {sub(projects)}
            {sub(capital)}
            {sub(t('registry.stats.deals'))}
            {sub(t('registry.stats.value'))}
            {sub(projects)}
            {sub(capital)}
            {sub(projects)}
            {sub(capital)}
            {sub(projects)}
            {sub(capital)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.investmentType}:${r.key ?? 'all'}`}>
              <Table.Th scope="row" fw={600} maw={280}>
                {groupLabel(r, groupBy, t, language)}
              </Table.Th>
              <Table.Td ta="right">{n(r.new.projects)}</Table.Td>
              <Table.Td ta="right">{a(r.new)}</Table.Td>
              <Table.Td ta="right">{n(r.adjusted.projects)}</Table.Td>
              <Table.Td ta="right">{a(r.adjusted)}</Table.Td>
              <Table.Td ta="right">{n(r.sharePurchase.entries)}</Table.Td>
              <Table.Td ta="right">{a(r.sharePurchase)}</Table.Td>
              <Table.Td ta="right" fw={700}>
                {a(r.total)}
              </Table.Td>
              <Table.Td ta="right">{pct(r.pctSamePeriodLastYear, language)}</Table.Td>
              <Table.Td ta="right">
                {pct(r.pctPlan, language)}
                {r.plan?.decisionNo && (
                  <Text size="xs" c="dimmed">
                    {r.plan.decisionNo}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{n(r.decreased.projects)}</Table.Td>
              <Table.Td ta="right">{a(r.decreased)}</Table.Td>
              <Table.Td ta="right">{n(r.terminated.projects)}</Table.Td>
              <Table.Td ta="right">{a(r.terminated)}</Table.Td>
              <Table.Td ta="right" fw={600}>
                {n(r.cumulative.projects)}
              </Table.Td>
              <Table.Td ta="right" fw={600}>
                {a(r.cumulative)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function CapitalTable({ stats, types }: { stats: CapitalStats; types: InvestmentType[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const groups = new Map<
    string,
    { label: string; byType: Partial<Record<InvestmentType, CapitalStats['rows'][number]>> }
  >();
  for (const row of stats.rows) {
    const key = stats.groupBy === 'type' ? 'all' : (row.key ?? 'all');
    const label =
      stats.groupBy === 'type'
        ? t('registry.stats.allProjects')
        : groupLabel(row, stats.groupBy, t, language);
    const group = groups.get(key) ?? { label, byType: {} };
    group.byType[row.investmentType] = row;
    groups.set(key, group);
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped withColumnBorders verticalSpacing="xs" fz="sm">
        <caption
          style={{ captionSide: 'top', textAlign: 'left', padding: '0 var(--mantine-spacing-lg) 6px' }}
        >
          <Text size="sm" c="dimmed" component="span">
            {t('registry.stats.capitalCaption', { date: formatIsoDate(stats.asOf) })}
          </Text>
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" rowSpan={2}>
              {t('registry.stats.group')}
            </Table.Th>
            {types.map((type) => (
              <Table.Th key={type} scope="colgroup" colSpan={2} ta="center">
                {t(`registry.enums.investmentType.${type}`)} (
                {t(type === 'fdi' ? 'registry.enums.unit.usd_m' : 'registry.enums.unit.vnd_bn')})
              </Table.Th>
            ))}
          </Table.Tr>
          <Table.Tr>
            {types.map((type) => [
              <Table.Th key={`${type}-p`} scope="col" ta="right" fw={500}>
                {t('registry.stats.validProjects')}
              </Table.Th>,
              <Table.Th key={`${type}-c`} scope="col" ta="right" fw={500}>
                {t('registry.stats.registeredCapital')}
              </Table.Th>,
            ])}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...groups.entries()].map(([key, group]) => (
            <Table.Tr key={key}>
              <Table.Th scope="row" fw={600}>
                {group.label}
              </Table.Th>
              {types.map((type) => {
                const row = group.byType[type];
                return [
                  <Table.Td key={`${type}-p`} ta="right">
                    {row ? formatNumber(row.projects, language) : '—'}
                  </Table.Td>,
                  <Table.Td key={`${type}-c`} ta="right">
                    {row ? amount(type, row, language) : '—'}
                  </Table.Td>,
                ];
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** /registry/stats — investment attracted in a period and registered capital as of a date, derived from the ledger. */
export function InvestmentStatsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const me = useCurrentUser();
  const canFilterZones = hasPermission(me, PERMISSIONS.zoneRead);
  const { params, update } = useListParams();
  const today = todayIso();
  const thisYear = Number(today.slice(0, 4));
  const fallback = { type: 'ytd' as PeriodType, year: thisYear, n: Number(today.slice(5, 7)) };
  const parts = partsOfPeriod(params.get('period') ?? '') ?? fallback;
  const period = periodFromParts(parts);
  const parsed = tryParsePeriod(period);
  const periodText = parsed ? periodLabel(parsed, language) : period;
  const filters: StatsFilters = {
    groupBy: readChoice(params, 'groupBy', STATS_GROUP_BY) || 'none',
    zoneId: readId(params, 'zoneId'),
    investmentType: readChoice(params, 'investmentType', INVESTMENT_TYPES),
  };
  const asOf = readIsoDate(params, 'asOf');
  const stats = useInvestmentStats(period, filters);
  const capitalDate = asOf || stats.data?.period.end || '';
  const capital = useCapitalStats(capitalDate, filters);
  const types = INVESTMENT_TYPES.filter((type) => !filters.investmentType || filters.investmentType === type);
  const setPeriod = (next: Partial<typeof parts>) =>
    update({ period: periodFromParts({ ...parts, ...next }), asOf: '' });
  const count = PERIOD_COUNTS[parts.type];

  return (
    <>
      <PageHeader
        title={t('registry.stats.title')}
        description={t('registry.stats.description')}
        icon={<IconChartLine size={28} stroke={1.6} aria-hidden />}
      />
      <Card
        withBorder
        radius="md"
        padding="md"
        mb="md"
        component="form"
        role="search"
        aria-label={t('registry.stats.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <SimpleGrid cols={{ base: 1, sm: 3, lg: 6 }} spacing="sm">
          <Select
            label={t('registry.stats.periodType')}
            data={PERIOD_TYPES.map((p) => ({ value: p, label: t(`registry.stats.periodTypes.${p}`) }))}
            value={parts.type}
            onChange={(v) => v && setPeriod({ type: v as PeriodType })}
            allowDeselect={false}
          />
          <NumberInput
            label={t('registry.stats.year')}
            value={parts.year}
            min={1990}
            max={2100}
            allowDecimal={false}
            thousandSeparator=""
            onChange={(v) => typeof v === 'number' && v >= 1990 && v <= 2100 && setPeriod({ year: v })}
          />
          {count > 0 && (
            <Select
              label={t(`registry.stats.periodNumber.${parts.type as Exclude<PeriodType, 'year'>}`)}
              data={Array.from({ length: count }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))}
              value={String(parts.n)}
              onChange={(v) => v && setPeriod({ n: Number(v) })}
              allowDeselect={false}
            />
          )}
          <Select
            label={t('registry.stats.groupBy')}
            data={STATS_GROUP_BY.map((g) => ({ value: g, label: t(`registry.enums.groupBy.${g}`) }))}
            value={filters.groupBy}
            onChange={(v) => update({ groupBy: v && v !== 'none' ? v : '', period })}
            allowDeselect={false}
          />
          <Select
            label={t('registry.projects.columns.type')}
            data={[
              { value: '', label: t('registry.common.all') },
              ...INVESTMENT_TYPES.map((v) => ({ value: v, label: t(`registry.enums.investmentType.${v}`) })),
            ]}
            value={filters.investmentType}
            onChange={(v) => update({ investmentType: v ?? '', period })}
            allowDeselect={false}
          />
          {canFilterZones && (
            <ZoneSelect
              label={t('registry.projects.columns.zone')}
              placeholder={t('registry.common.all')}
              clearable
              value={filters.zoneId}
              onChange={(v) => update({ zoneId: v, period })}
            />
          )}
        </SimpleGrid>
        <Text size="sm" mt="sm" aria-live="polite">
          {t('registry.stats.periodChosen', {
            period: periodText,
            id: period,
            from: formatIsoDate(stats.data?.period.start),
            to: formatIsoDate(stats.data?.period.end),
          })}
        </Text>
      </Card>

      {stats.isError && !stats.data ? (
        <QueryError error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <Stack gap="md" pos="relative">
          <LoadingOverlay visible={stats.isFetching} overlayProps={{ blur: 1 }} />
          {stats.data &&
            types.map((type) => {
              const rows = stats.data.rows.filter((r) => r.investmentType === type);
              return (
                <SectionCard
                  key={type}
                  title={t(type === 'fdi' ? 'registry.stats.fdiTitle' : 'registry.stats.ddiTitle')}
                  flush
                >
                  {rows.length === 0 ? (
                    <Text size="sm" c="dimmed" px="lg" pb="lg">
                      {t('registry.stats.noRows')}
                    </Text>
                  ) : (
                    <FlowTable type={type} rows={rows} groupBy={stats.data.groupBy} periodText={periodText} />
                  )}
                </SectionCard>
              );
            })}
          <SectionCard title={t('registry.stats.capitalTitle')} flush>
            <SimpleGrid cols={{ base: 1, sm: 3 }} px="lg" pb="sm">
              <DateField
                label={t('registry.stats.capitalAsOf')}
                value={capitalDate}
                onChange={(v) => update({ asOf: v, period })}
              />
            </SimpleGrid>
            {capital.isError ? (
              <QueryError error={capital.error} onRetry={() => void capital.refetch()} />
            ) : capital.data ? (
              <CapitalTable stats={capital.data} types={types} />
            ) : null}
          </SectionCard>
          <Alert
            variant="light"
            color="blue"
            icon={<IconInfoCircle aria-hidden />}
            title={t('registry.stats.notesTitle')}
          >
            <Stack gap={4}>
              <Text size="sm">{t('registry.stats.note1')}</Text>
              <Text size="sm">{t('registry.stats.note2')}</Text>
              <Text size="sm">{t('registry.stats.note3')}</Text>
            </Stack>
          </Alert>
        </Stack>
      )}
    </>
  );
}
