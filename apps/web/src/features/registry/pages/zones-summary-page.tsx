import { ZONE_KINDS, ZONE_STATUSES, type ZoneKind, type ZonesSummary } from '@heza/shared/registry';
import {
  Alert,
  Anchor,
  Card,
  Group,
  LoadingOverlay,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconChartBar, IconInfoCircle } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { formatIsoDate, formatNumber, formatPercent, todayIso } from '../../../lib/format-number';
import { readChoice, readIsoDate, useListParams } from '../../../lib/list-params';
import { ZoneStatusBadge } from '../components/badges';
import { DateField } from '../components/date-field';
import { SectionCard } from '../components/section-card';
import { ZonesSubnav } from '../components/zones-subnav';
import { useZonesSummary } from '../zones-api';

type SummaryGroup = ZonesSummary['established'];

function GroupCard({ title, group, asOf }: { title: string; group: SummaryGroup; asOf: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const pct = (v: number | null) => (v === null ? '—' : formatPercent(v, language));
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={headingId}>
      <Title id={headingId} order={2} size="h4">
        {title}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('registry.summary.asOfShort', { date: formatIsoDate(asOf) })}
      </Text>
      <Group align="baseline" gap="xs" mb="sm">
        <Text fz={40} fw={700} lh={1}>
          {formatNumber(group.count, language)}
        </Text>
        <Text size="sm">{t('registry.summary.zones')}</Text>
      </Group>
      <Table verticalSpacing={4} withRowBorders={false}>
        <Table.Tbody>
          {(
            [
              ['totalAreaHa', group.totalAreaHa],
              ['industrialLandHa', group.industrialLandHa],
              ['leasableHa', group.leasableHa],
              ['leasedHa', group.leasedHa],
            ] as const
          ).map(([key, value]) => (
            <Table.Tr key={key}>
              <Table.Th scope="row" fw={400}>
                {t(`registry.areas.${key}`)}
              </Table.Th>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatNumber(value, language)} ha
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row">{t('registry.summary.occupancyWeighted')}</Table.Th>
            <Table.Td ta="right" fw={700}>
              {pct(group.occupancyPct)}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row" fw={400}>
              {t('registry.summary.occupancyMean')}
            </Table.Th>
            <Table.Td ta="right">{pct(group.meanOccupancyPct)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Card>
  );
}

/** /registry/zones/summary — how many parks were established and operating on a date, and their occupancy. */
export function ZonesSummaryPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { params, update } = useListParams();
  const asOf = readIsoDate(params, 'asOf') || todayIso();
  const kind: ZoneKind = readChoice(params, 'kind', ZONE_KINDS) || 'industrial_park';
  const summary = useZonesSummary(asOf, kind);

  return (
    <>
      <PageHeader
        title={t('registry.summary.title')}
        description={t('registry.summary.description')}
        icon={<IconChartBar size={28} stroke={1.6} aria-hidden />}
      />
      <ZonesSubnav />
      <Card
        withBorder
        radius="md"
        padding="md"
        mb="md"
        component="form"
        role="search"
        aria-label={t('registry.summary.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <DateField
            label={t('registry.common.asOf')}
            value={asOf}
            onChange={(v) => update({ asOf: v && v !== todayIso() ? v : '' })}
          />
          <Select
            label={t('registry.zones.columns.kind')}
            data={ZONE_KINDS.map((k) => ({ value: k, label: t(`registry.enums.zoneKind.${k}`) }))}
            value={kind}
            onChange={(v) => update({ kind: v && v !== 'industrial_park' ? v : '' })}
            allowDeselect={false}
          />
        </SimpleGrid>
      </Card>

      {summary.isError && !summary.data ? (
        <QueryError error={summary.error} onRetry={() => void summary.refetch()} />
      ) : !summary.data ? (
        <LoadingOverlay visible />
      ) : (
        <Stack gap="md" pos="relative">
          <LoadingOverlay visible={summary.isFetching} overlayProps={{ blur: 1 }} />
          <Text aria-live="polite">
            {t('registry.summary.sentence', {
              date: formatIsoDate(summary.data.asOf),
              kind: t(`registry.enums.zoneKindPlural.${kind}`),
              established: formatNumber(summary.data.established.count, language),
              operating: formatNumber(summary.data.operating.count, language),
              occupancy:
                summary.data.established.occupancyPct === null
                  ? '—'
                  : formatPercent(summary.data.established.occupancyPct, language),
            })}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <GroupCard
              title={t('registry.summary.established')}
              group={summary.data.established}
              asOf={summary.data.asOf}
            />
            <GroupCard
              title={t('registry.summary.operating')}
              group={summary.data.operating}
              asOf={summary.data.asOf}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <SectionCard title={t('registry.summary.byStatus')} flush>
              <Table verticalSpacing="xs" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('registry.zones.columns.status')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('registry.summary.count')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {ZONE_STATUSES.filter((s) => (summary.data.byStatus[s] ?? 0) > 0).map((s) => (
                    <Table.Tr key={s}>
                      <Table.Th scope="row" fw={400}>
                        <Anchor
                          component={Link}
                          to={`/registry/zones?kind=${kind}&status=${s}&asOf=${summary.data.asOf}`}
                        >
                          <ZoneStatusBadge status={s} style={{ cursor: 'pointer' }} />
                        </Anchor>
                      </Table.Th>
                      <Table.Td ta="right">{formatNumber(summary.data.byStatus[s] ?? 0, language)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </SectionCard>
            <SectionCard title={t('registry.summary.withoutArea')}>
              {summary.data.zonesWithoutArea.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('registry.summary.allHaveArea')}
                </Text>
              ) : (
                <Stack component="ul" gap={4} style={{ margin: 0, paddingLeft: '1.2rem' }}>
                  {summary.data.zonesWithoutArea.map((z) => (
                    <li key={z.id}>
                      <Anchor component={Link} to={`/registry/zones/${z.id}`} size="sm">
                        {z.name}
                      </Anchor>
                    </li>
                  ))}
                </Stack>
              )}
            </SectionCard>
          </SimpleGrid>
          <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />}>
            {t('registry.summary.note')}
          </Alert>
        </Stack>
      )}
    </>
  );
}
