import { parsePeriod, periodLabel } from '@heza/shared/periods';
import { DISPLAY_UNITS } from '@heza/shared/reporting';
import { Alert, Card, Group, Select, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconMap, IconMapOff } from '@tabler/icons-react';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { formatNumber, formatPercent, todayIso } from '../../../lib/format-number';
import { useAnalyticsIndicators, useIndicatorMap } from '../api';
import type { ZoneCardText } from '../components/indicator-map-canvas';
import { CLASS_COLORS, classBreaks, classOf, NO_VALUE } from '../map-style';
import { defaultReportPeriod, periodIdsOfYear } from '../period-choice';

const IndicatorMapCanvas = lazy(() => import('../components/indicator-map-canvas'));

/** Zones coloured by an indicator in a period, with the same figures in a table. */
export function IndicatorMapPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const today = todayIso();
  const indicators = useAnalyticsIndicators();
  const [indicator, setIndicator] = useState('revenue');
  const [period, setPeriod] = useState(defaultReportPeriod(today));
  const [failed, setFailed] = useState(false);
  const map = useIndicatorMap(indicator, period);
  const year = Number(today.slice(0, 4));
  const periods = useMemo(
    () =>
      [year, year - 1].flatMap((y) =>
        (['ytd', 'quarter', 'half_year', 'month'] as const).flatMap((type) =>
          periodIdsOfYear(type, y, today)
            .reverse()
            .map((id) => ({ value: id, label: periodLabel(parsePeriod(id), language) })),
        ),
      ),
    [year, today, language],
  );
  const features = map.data?.features ?? [];
  const breaks = useMemo(
    () =>
      classBreaks(
        features.flatMap((f) =>
          f.properties.displayValue === null ? [] : [Number(f.properties.displayValue)],
        ),
      ),
    [features],
  );
  const collection = useMemo(
    () => ({
      type: 'FeatureCollection' as const,
      features: features.map((f) => ({
        ...f,
        properties: {
          ...f.properties,
          zoneId: f.id,
          v: f.properties.displayValue === null ? null : Number(f.properties.displayValue),
        },
      })),
    }),
    [features],
  );
  const meta = indicators.data?.items.find((i) => i.code === indicator);
  const name = (i: { nameVi: string; nameEn: string }) => (language === 'vi' ? i.nameVi : i.nameEn);
  const unit = meta
    ? ` (${language === 'vi' ? DISPLAY_UNITS[meta.displayUnit].vi : DISPLAY_UNITS[meta.displayUnit].en})`
    : '';
  const describe = (zoneId: string): ZoneCardText | null => {
    const f = features.find((x) => x.id === zoneId);
    if (!f) return null;
    const p = f.properties;
    return {
      title: p.name,
      lines: [
        [
          `${t('analytics.map.value')}${unit}`,
          p.displayValue === null ? '—' : formatNumber(p.displayValue, language),
        ],
        [t('analytics.map.change'), p.changePct === null ? '—' : formatPercent(p.changePct, language)],
      ],
    };
  };
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('analytics.map.title')}
        description={t('analytics.map.description')}
        icon={<IconMap size={28} aria-hidden />}
      />
      <Card withBorder>
        <Group grow wrap="wrap">
          <Select
            label={t('analytics.common.indicator')}
            data={(indicators.data?.items ?? []).map((i) => ({ value: i.code, label: name(i) }))}
            value={indicator}
            onChange={(v) => setIndicator(v ?? indicator)}
            searchable
          />
          <Select
            label={t('analytics.common.period')}
            data={periods}
            value={period}
            onChange={(v) => setPeriod(v ?? period)}
            searchable
          />
        </Group>
      </Card>
      {map.isError && <QueryError error={map.error} onRetry={() => map.refetch()} />}
      {map.data && features.length === 0 && <Text c="dimmed">{t('analytics.map.noGeometry')}</Text>}
      {features.length > 0 &&
        (failed ? (
          <Alert color="gray" icon={<IconMapOff aria-hidden />}>
            {t('analytics.map.failed')}
          </Alert>
        ) : (
          <Suspense fallback={<Skeleton height={480} radius="md" />}>
            <IndicatorMapCanvas
              collection={collection}
              breaks={breaks}
              label={meta ? name(meta) : indicator}
              height={480}
              describe={describe}
              onFailure={() => setFailed(true)}
            />
          </Suspense>
        ))}
      {features.length > 0 && (
        <Group gap="xs" aria-label={t('analytics.map.legend')}>
          {CLASS_COLORS.map((c, i) => (
            <Group key={c} gap={4}>
              <div style={{ width: 16, height: 12, background: c, border: '1px solid #94a3b8' }} />
              <Text size="xs">
                {i === 0 ? '<' : '≥'} {formatNumber(breaks[Math.max(0, i - 1)] ?? 0, language)}
              </Text>
            </Group>
          ))}
          <Group gap={4}>
            <div style={{ width: 16, height: 12, background: NO_VALUE, border: '1px solid #94a3b8' }} />
            <Text size="xs">{t('analytics.common.noData')}</Text>
          </Group>
        </Group>
      )}
      {features.length > 0 && (
        <Card withBorder padding={0}>
          <Table striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('analytics.map.zone')}</Table.Th>
                <Table.Th ta="right">
                  {t('analytics.map.value')}
                  {unit}
                </Table.Th>
                <Table.Th ta="right">{t('analytics.map.change')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...features]
                .sort(
                  (a, b) => Number(b.properties.displayValue ?? -1) - Number(a.properties.displayValue ?? -1),
                )
                .map((f) => (
                  <Table.Tr key={f.id}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <div
                          style={{
                            width: 10,
                            height: 10,
                            borderRadius: 2,
                            background:
                              f.properties.displayValue === null
                                ? NO_VALUE
                                : CLASS_COLORS[classOf(Number(f.properties.displayValue), breaks)],
                          }}
                        />
                        {f.properties.name}
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right">
                      {f.properties.displayValue === null
                        ? '—'
                        : formatNumber(f.properties.displayValue, language)}
                    </Table.Td>
                    <Table.Td ta="right">
                      {f.properties.changePct === null
                        ? '—'
                        : formatPercent(f.properties.changePct, language)}
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </Stack>
  );
}
