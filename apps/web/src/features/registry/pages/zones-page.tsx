import { ZONE_KINDS, ZONE_STATUSES, type ZoneView } from '@heza/shared/registry';
import {
  Anchor,
  Button,
  Card,
  EmptyState,
  Group,
  LoadingOverlay,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconBuildingFactory2, IconFilterOff, IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { Pager } from '../../../components/pager';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { formatIsoDate, formatNumber } from '../../../lib/format-number';
import { readChoice, readId, readIsoDate, readPage, useListParams } from '../../../lib/list-params';
import { hasPermission, PERMISSIONS } from '../../../lib/permissions';
import { useCurrentUser } from '../../auth/current-user';
import { DemoBadge, ZoneStatusBadge } from '../components/badges';
import { DateField } from '../components/date-field';
import { ExportButton } from '../components/export-button';
import { OccupancyCell } from '../components/occupancy';
import { SortableTh } from '../components/sortable-th';
import { ZoneForm } from '../components/zone-form';
import { ZonesSubnav } from '../components/zones-subnav';
import { useEconomicZones, useZones, ZONE_SORTS, type ZoneListParams, type ZoneSort } from '../zones-api';

const PAGE_SIZE = 20;

function ZonesTable({
  zones,
  sort,
  dir,
  onSort,
}: {
  zones: ZoneView[];
  sort: ZoneSort;
  dir: 'asc' | 'desc';
  onSort: (s: ZoneSort, d: 'asc' | 'desc') => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const th = { sort, dir, onSort };
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <VisuallyHidden component="caption">{t('registry.zones.tableCaption')}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <SortableTh column="name" {...th}>
              {t('registry.zones.columns.name')}
            </SortableTh>
            <SortableTh column="kind" {...th}>
              {t('registry.zones.columns.kind')}
            </SortableTh>
            <Table.Th scope="col">{t('registry.zones.columns.parent')}</Table.Th>
            <SortableTh column="status" {...th}>
              {t('registry.zones.columns.status')}
            </SortableTh>
            <SortableTh column="totalArea" numeric descFirst {...th}>
              {t('registry.zones.columns.totalArea')}
            </SortableTh>
            <SortableTh column="occupancy" numeric descFirst {...th}>
              {t('registry.zones.columns.occupancy')}
            </SortableTh>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {zones.map((zone) => (
            <Table.Tr key={zone.id}>
              <Table.Td>
                <Stack gap={2}>
                  <Anchor component={Link} to={`/registry/zones/${zone.id}`} fw={600} size="sm">
                    {language === 'en' && zone.nameEn ? zone.nameEn : zone.nameVi}
                  </Anchor>
                  <Group gap={6}>
                    <Text size="xs" c="dimmed">
                      {zone.code}
                    </Text>
                    {zone.isDemo && <DemoBadge />}
                  </Group>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`registry.enums.zoneKind.${zone.kind}`)}</Text>
              </Table.Td>
              <Table.Td>
                {zone.parent ? (
                  <Anchor component={Link} to={`/registry/zones/${zone.parent.id}`} size="sm">
                    {zone.parent.name}
                  </Anchor>
                ) : (
                  <Text size="sm">—</Text>
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  <ZoneStatusBadge status={zone.status} />
                  {zone.statusSince && (
                    <Text size="xs" c="dimmed">
                      {t('registry.zones.since', { date: formatIsoDate(zone.statusSince) })}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                <Text size="sm">
                  {zone.area ? formatNumber(zone.area.totalAreaHa, language, { decimals: 2 }) : '—'}
                </Text>
              </Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>
                <OccupancyCell pct={zone.area?.occupancyPct} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** /registry/zones — the zones with their status and areas on a date; filters and sort live in the URL. */
export function ZonesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canWrite = hasPermission(me, PERMISSIONS.zoneWrite);
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const navigate = useNavigate();
  const { params, update } = useListParams();

  const q = params.get('q') ?? '';
  const list: ZoneListParams = {
    q,
    kind: readChoice(params, 'kind', ZONE_KINDS),
    status: readChoice(params, 'status', ZONE_STATUSES),
    parentId: readId(params, 'parentId'),
    asOf: readIsoDate(params, 'asOf'),
    sort: readChoice(params, 'sort', ZONE_SORTS) || 'name',
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
    page: readPage(params),
    pageSize: PAGE_SIZE,
  };

  const [search, setSearch] = useState(q);
  const [debounced] = useDebouncedValue(search.trim(), 300);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only react to the debounced text.
  useEffect(() => {
    if (debounced !== q) update({ q: debounced });
  }, [debounced]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: react to URL changes only.
  useEffect(() => {
    if (q !== debounced) setSearch(q);
  }, [q]);

  const zones = useZones(list);
  const economicZones = useEconomicZones();
  const parentData = useMemo(
    () => (economicZones.data?.items ?? []).map((z) => ({ value: z.id, label: z.nameVi })),
    [economicZones.data],
  );
  const [creating, setCreating] = useState(false);
  const filtered = !!(list.q || list.kind || list.status || list.parentId || list.asOf);

  return (
    <>
      <PageHeader
        title={t('registry.zones.title')}
        description={t('registry.zones.description')}
        icon={<IconBuildingFactory2 size={28} stroke={1.6} aria-hidden />}
        actions={
          <>
            <ExportButton path="/api/zones/export" query={{ ...list }} />
            {canWrite && (
              <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
                {t('registry.zones.create')}
              </Button>
            )}
          </>
        }
      />
      <ZonesSubnav />

      <Card
        withBorder
        radius="md"
        padding="md"
        mb="md"
        component="form"
        role="search"
        aria-label={t('registry.zones.filtersLabel')}
        onSubmit={(e) => e.preventDefault()}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm">
          <TextInput
            label={t('registry.common.search')}
            placeholder={t('registry.zones.searchPlaceholder')}
            description={t('registry.common.searchHint')}
            leftSection={<IconSearch size={16} aria-hidden />}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          <Select
            label={t('registry.zones.columns.kind')}
            data={[
              { value: '', label: t('registry.common.all') },
              ...ZONE_KINDS.map((k) => ({ value: k, label: t(`registry.enums.zoneKind.${k}`) })),
            ]}
            value={list.kind}
            onChange={(v) => update({ kind: v ?? '' })}
            allowDeselect={false}
          />
          <Select
            label={t('registry.zones.statusFilter')}
            data={[
              { value: '', label: t('registry.common.all') },
              ...ZONE_STATUSES.map((s) => ({ value: s, label: t(`registry.enums.zoneStatus.${s}`) })),
            ]}
            value={list.status}
            onChange={(v) => update({ status: v ?? '' })}
            allowDeselect={false}
          />
          <Select
            label={t('registry.zones.parentFilter')}
            data={[{ value: '', label: t('registry.common.all') }, ...parentData]}
            value={list.parentId}
            onChange={(v) => update({ parentId: v ?? '' })}
            allowDeselect={false}
          />
          <DateField
            label={t('registry.common.asOf')}
            description={t('registry.zones.asOfHint')}
            value={list.asOf}
            onChange={(v) => update({ asOf: v })}
            clearable
          />
        </SimpleGrid>
        {filtered && (
          <Group justify="flex-end" mt="sm">
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconFilterOff size={16} aria-hidden />}
              onClick={() => {
                setSearch('');
                update({ q: '', kind: '', status: '', parentId: '', asOf: '' });
              }}
            >
              {t('registry.common.clearFilters')}
            </Button>
          </Group>
        )}
      </Card>

      {zones.isError && !zones.data ? (
        <QueryError error={zones.error} onRetry={() => void zones.refetch()} />
      ) : (
        <Card withBorder radius="md" padding={0} pos="relative" mih={120}>
          <LoadingOverlay visible={zones.isFetching} overlayProps={{ blur: 1 }} />
          {zones.data && zones.data.items.length > 0 ? (
            <ZonesTable
              zones={zones.data.items}
              sort={list.sort}
              dir={list.dir}
              onSort={(sort, dir) => update({ sort, dir })}
            />
          ) : zones.data ? (
            <EmptyState
              py="xl"
              icon={<IconBuildingFactory2 size={26} aria-hidden />}
              withIndicatorBackground
              title={filtered ? t('registry.zones.emptyFiltered') : t('registry.zones.empty')}
            />
          ) : null}
        </Card>
      )}
      {zones.data && (
        <Pager
          page={zones.data.page}
          pageSize={zones.data.pageSize}
          total={zones.data.total}
          onChange={(page) => update({ page })}
        />
      )}

      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('registry.zoneForm.createTitle')}
        size="xl"
        fullScreen={isMobile}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {creating && (
          <ZoneForm
            onDone={(zone) => {
              setCreating(false);
              navigate(`/registry/zones/${zone.id}`);
            }}
            onCancel={() => setCreating(false)}
          />
        )}
      </Modal>
    </>
  );
}
