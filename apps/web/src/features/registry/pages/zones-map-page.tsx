import { ZONE_KINDS, ZONE_STATUSES, type ZoneKind } from '@heza/shared/registry';
import {
  Anchor,
  Box,
  Button,
  Card,
  CloseButton,
  Grid,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { IconMap } from '@tabler/icons-react';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { formatIsoDate, formatNumber, formatPercent, todayIso } from '../../../lib/format-number';
import { readChoice, readIsoDate, useListParams } from '../../../lib/list-params';
import { DemoBadge, ZoneStatusBadge } from '../components/badges';
import { DateField } from '../components/date-field';
import { LazyZonesMap } from '../components/lazy-zones-map';
import { ZonesSubnav } from '../components/zones-subnav';
import { NO_STATUS_HEX, OCCUPANCY_BANDS, ZONE_STATUS_COLORS } from '../zone-colors';
import type { MapColorMode } from '../zone-map-style';
import { useZoneMap, type ZoneFeature } from '../zones-api';

function Swatch({ color, round }: { color: string; round?: boolean }) {
  return (
    <Box
      aria-hidden
      w={14}
      h={14}
      style={{ background: color, borderRadius: round ? '50%' : 3, flex: 'none', border: '1px solid #fff' }}
    />
  );
}

function Legend({ mode }: { mode: MapColorMode }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const items =
    mode === 'status'
      ? [
          ...ZONE_STATUSES.map((s) => ({
            color: ZONE_STATUS_COLORS[s].hex,
            label: t(`registry.enums.zoneStatus.${s}`),
          })),
          { color: NO_STATUS_HEX, label: t('registry.enums.zoneStatusNone') },
        ]
      : [
          ...OCCUPANCY_BANDS.map((band, i) => {
            const from = i === 0 ? 0 : OCCUPANCY_BANDS[i - 1]!.below;
            return {
              color: band.hex,
              label: Number.isFinite(band.below)
                ? t('registry.map.bandRange', {
                    from: formatPercent(from, language),
                    to: formatPercent(band.below, language),
                  })
                : t('registry.map.bandFrom', { from: formatPercent(from, language) }),
            };
          }),
          { color: NO_STATUS_HEX, label: t('registry.map.noOccupancy') },
        ];
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={headingId}>
      <Title id={headingId} order={2} size="h5" mb="xs">
        {t('registry.map.legend')}
      </Title>
      <Stack component="ul" gap={6} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map((item) => (
          <Group component="li" key={item.label} gap="xs" wrap="nowrap">
            <Swatch color={item.color} round />
            <Text size="sm">{item.label}</Text>
          </Group>
        ))}
      </Stack>
      <Text size="xs" c="dimmed" mt="sm">
        {t('registry.map.legendShapes')}
      </Text>
    </Card>
  );
}

function ZoneCard({ zone, onClose }: { zone: ZoneFeature; onClose: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const p = zone.properties;
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      shadow="sm"
      component="section"
      aria-labelledby={headingId}
      aria-live="polite"
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Title id={headingId} order={2} size="h5">
          {language === 'en' && p.nameEn ? p.nameEn : p.nameVi}
        </Title>
        <CloseButton onClick={onClose} aria-label={t('registry.map.closeCard')} />
      </Group>
      <Stack gap={6} mt="xs">
        <Group gap="xs">
          <Text size="sm">{t(`registry.enums.zoneKind.${p.kind}`)}</Text>
          <ZoneStatusBadge status={p.status} />
          {p.isDemo && <DemoBadge />}
        </Group>
        <Text size="sm">
          {t('registry.map.area', {
            value: p.totalAreaHa ? `${formatNumber(p.totalAreaHa, language)} ha` : t('common.notSet'),
          })}
        </Text>
        <Text size="sm">
          {t('registry.map.occupancy', {
            value: p.occupancyPct === null ? t('common.notSet') : formatPercent(p.occupancyPct, language),
          })}
        </Text>
        <Button component={Link} to={`/registry/zones/${zone.id}`} size="xs" variant="light" mt={4}>
          {t('registry.map.openZone')}
        </Button>
      </Stack>
    </Card>
  );
}

/** /registry/zones/map — every zone with a location on a blank map, coloured by status or occupancy. */
export function ZonesMapPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { params, update } = useListParams();
  const mode: MapColorMode = params.get('color') === 'occupancy' ? 'occupancy' : 'status';
  const kind = readChoice(params, 'kind', ZONE_KINDS);
  const asOf = readIsoDate(params, 'asOf');
  const selectedId = params.get('zone');
  const map = useZoneMap(asOf, kind);
  const selected = useMemo(
    () => map.data?.features.find((f) => f.id === selectedId) ?? null,
    [map.data, selectedId],
  );
  const select = (id: string | null) => update({ zone: id ?? '' });

  return (
    <>
      <PageHeader
        title={t('registry.map.title')}
        description={t('registry.map.description', { date: formatIsoDate(asOf || todayIso()) })}
        icon={<IconMap size={28} stroke={1.6} aria-hidden />}
      />
      <ZonesSubnav />
      <Card
        withBorder
        radius="md"
        padding="md"
        mb="md"
        component="form"
        role="search"
        aria-label={t('registry.map.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="map-color-label">
              {t('registry.map.colorBy')}
            </Text>
            <SegmentedControl
              aria-labelledby="map-color-label"
              value={mode}
              onChange={(v) => update({ color: v === 'occupancy' ? 'occupancy' : '' })}
              data={[
                { value: 'status', label: t('registry.map.byStatus') },
                { value: 'occupancy', label: t('registry.map.byOccupancy') },
              ]}
            />
          </Stack>
          <Select
            label={t('registry.zones.columns.kind')}
            data={[
              { value: '', label: t('registry.common.all') },
              ...ZONE_KINDS.map((k) => ({ value: k, label: t(`registry.enums.zoneKind.${k}`) })),
            ]}
            value={kind}
            onChange={(v) => update({ kind: (v ?? '') as ZoneKind | '' })}
            allowDeselect={false}
          />
          <DateField
            label={t('registry.common.asOf')}
            value={asOf}
            onChange={(v) => update({ asOf: v })}
            clearable
          />
        </SimpleGrid>
      </Card>

      {map.isError && !map.data ? (
        <QueryError error={map.error} onRetry={() => void map.refetch()} />
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 8, xl: 9 }}>
            <Card withBorder radius="md" padding={4} pos="relative">
              {map.data && (
                <LazyZonesMap
                  collection={map.data}
                  mode={mode}
                  selectedId={selectedId}
                  onSelect={select}
                  label={t('registry.map.mapLabel')}
                  height="min(65vh, 640px)"
                />
              )}
            </Card>
            <Text size="xs" c="dimmed" mt={4}>
              {t('registry.map.hint')}
            </Text>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4, xl: 3 }}>
            <Stack gap="md">
              {selected && <ZoneCard zone={selected} onClose={() => select(null)} />}
              <Legend mode={mode} />
            </Stack>
          </Grid.Col>
        </Grid>
      )}

      {map.data && (
        <Card withBorder radius="md" padding={0} mt="md">
          <Table.ScrollContainer minWidth={560}>
            <Table striped verticalSpacing="xs">
              <caption
                style={{
                  captionSide: 'top',
                  textAlign: 'left',
                  padding: 'var(--mantine-spacing-sm) var(--mantine-spacing-md)',
                }}
              >
                <Text fw={600} size="sm" component="span">
                  {t('registry.map.listCaption', { count: map.data.features.length })}
                </Text>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('registry.zones.columns.name')}</Table.Th>
                  <Table.Th scope="col">{t('registry.zones.columns.status')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('registry.zones.columns.occupancy')}
                  </Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('registry.map.showOnMap')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {map.data.features.map((f) => (
                  <Table.Tr
                    key={f.id}
                    bg={f.id === selectedId ? 'var(--mantine-color-blue-light)' : undefined}
                  >
                    <Table.Th scope="row" fw={500}>
                      <Anchor component={Link} to={`/registry/zones/${f.id}`} size="sm">
                        {language === 'en' && f.properties.nameEn ? f.properties.nameEn : f.properties.nameVi}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>
                      <ZoneStatusBadge status={f.properties.status} />
                    </Table.Td>
                    <Table.Td ta="right">
                      {f.properties.occupancyPct === null
                        ? '—'
                        : formatPercent(f.properties.occupancyPct, language)}
                    </Table.Td>
                    <Table.Td ta="right">
                      <UnstyledButton
                        onClick={() => select(f.id)}
                        fz="sm"
                        c="blue.8"
                        td="underline"
                        aria-label={t('registry.map.showNamed', { name: f.properties.nameVi })}
                      >
                        {t('registry.map.showOnMap')}
                      </UnstyledButton>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </>
  );
}
