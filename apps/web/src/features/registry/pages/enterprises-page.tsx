import { ENTERPRISE_STATUSES, type EnterpriseView, OWNERSHIPS } from '@heza/shared/registry';
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
import { IconBuildingSkyscraper, IconFilterOff, IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { Pager } from '../../../components/pager';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { countryLabel } from '../../../lib/countries';
import { formatNumber } from '../../../lib/format-number';
import { readChoice, readId, readPage, useListParams } from '../../../lib/list-params';
import { hasPermission, PERMISSIONS } from '../../../lib/permissions';
import { useCurrentUser } from '../../auth/current-user';
import { EnterpriseStatusBadge } from '../components/badges';
import { EnterpriseForm } from '../components/enterprise-form';
import { ExportButton } from '../components/export-button';
import { ZoneSelect } from '../components/pickers';
import { SortableTh } from '../components/sortable-th';
import {
  ENTERPRISE_SORTS,
  type EnterpriseListParams,
  type EnterpriseSort,
  useEnterprises,
} from '../enterprises-api';

const PAGE_SIZE = 20;

function EnterprisesTable({
  items,
  sort,
  dir,
  onSort,
}: {
  items: EnterpriseView[];
  sort: EnterpriseSort;
  dir: 'asc' | 'desc';
  onSort: (s: EnterpriseSort, d: 'asc' | 'desc') => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const th = { sort, dir, onSort };
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <VisuallyHidden component="caption">{t('registry.enterprises.tableCaption')}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <SortableTh column="name" {...th}>
              {t('registry.enterprises.columns.name')}
            </SortableTh>
            <SortableTh column="taxCode" {...th}>
              {t('registry.enterprises.taxCode')}
            </SortableTh>
            <Table.Th scope="col">{t('registry.enterprises.ownership')}</Table.Th>
            <Table.Th scope="col">{t('registry.enterprises.zones')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('registry.enterprises.columns.projects')}
            </Table.Th>
            <Table.Th scope="col">{t('registry.enterprises.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>
                <Stack gap={2}>
                  <Anchor component={Link} to={`/registry/enterprises/${e.id}`} fw={600} size="sm">
                    {language === 'en' && e.nameEn ? e.nameEn : e.nameVi}
                  </Anchor>
                </Stack>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" ff="monospace">
                  {e.taxCode}
                </Text>
                {e.isBranch && (
                  <Text size="xs" c="dimmed">
                    {t('registry.enterprises.branch')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`registry.enums.ownership.${e.ownership}`)}</Text>
                {e.investorCountries.length > 0 && (
                  <Text size="xs" c="dimmed">
                    {e.investorCountries.map((c) => countryLabel(c, language)).join(', ')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{e.zones.map((z) => z.name).join('; ') || '—'}</Text>
              </Table.Td>
              <Table.Td ta="right">{formatNumber(e.projectCount, language)}</Table.Td>
              <Table.Td>
                <EnterpriseStatusBadge status={e.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** /registry/enterprises — enterprise profiles; filters, sort and search (name or tax code) live in the URL. */
export function EnterprisesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canWrite = hasPermission(me, PERMISSIONS.enterpriseWrite);
  const canFilterZones = hasPermission(me, PERMISSIONS.zoneRead);
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const navigate = useNavigate();
  const { params, update } = useListParams();
  const q = params.get('q') ?? '';
  const list: EnterpriseListParams = {
    q,
    ownership: readChoice(params, 'ownership', OWNERSHIPS),
    zoneId: readId(params, 'zoneId'),
    status: readChoice(params, 'status', ENTERPRISE_STATUSES),
    sort: readChoice(params, 'sort', ENTERPRISE_SORTS) || 'name',
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

  const enterprises = useEnterprises(list);
  const [creating, setCreating] = useState(false);
  const filtered = !!(list.q || list.ownership || list.zoneId || list.status);

  return (
    <>
      <PageHeader
        title={t('registry.enterprises.title')}
        description={t('registry.enterprises.description')}
        icon={<IconBuildingSkyscraper size={28} stroke={1.6} aria-hidden />}
        actions={
          <>
            <ExportButton path="/api/enterprises/export" query={{ ...list }} />
            {canWrite && (
              <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
                {t('registry.enterprises.create')}
              </Button>
            )}
          </>
        }
      />
      <Card
        withBorder
        radius="md"
        padding="md"
        mb="md"
        component="form"
        role="search"
        aria-label={t('registry.enterprises.filtersLabel')}
        onSubmit={(e) => e.preventDefault()}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <TextInput
            label={t('registry.common.search')}
            placeholder={t('registry.enterprises.searchPlaceholder')}
            description={t('registry.common.searchHint')}
            leftSection={<IconSearch size={16} aria-hidden />}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          <Select
            label={t('registry.enterprises.ownership')}
            data={[
              { value: '', label: t('registry.common.all') },
              ...OWNERSHIPS.map((o) => ({ value: o, label: t(`registry.enums.ownership.${o}`) })),
            ]}
            value={list.ownership}
            onChange={(v) => update({ ownership: v ?? '' })}
            allowDeselect={false}
          />
          {canFilterZones && (
            <ZoneSelect
              label={t('registry.enterprises.zoneFilter')}
              placeholder={t('registry.common.all')}
              value={list.zoneId}
              onChange={(v) => update({ zoneId: v })}
              clearable
            />
          )}
          <Select
            label={t('registry.enterprises.status')}
            data={[
              { value: '', label: t('registry.common.all') },
              ...ENTERPRISE_STATUSES.map((s) => ({
                value: s,
                label: t(`registry.enums.enterpriseStatus.${s}`),
              })),
            ]}
            value={list.status}
            onChange={(v) => update({ status: v ?? '' })}
            allowDeselect={false}
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
                update({ q: '', ownership: '', zoneId: '', status: '' });
              }}
            >
              {t('registry.common.clearFilters')}
            </Button>
          </Group>
        )}
      </Card>

      {enterprises.isError && !enterprises.data ? (
        <QueryError error={enterprises.error} onRetry={() => void enterprises.refetch()} />
      ) : (
        <Card withBorder radius="md" padding={0} pos="relative" mih={120}>
          <LoadingOverlay visible={enterprises.isFetching} overlayProps={{ blur: 1 }} />
          {enterprises.data && enterprises.data.items.length > 0 ? (
            <EnterprisesTable
              items={enterprises.data.items}
              sort={list.sort}
              dir={list.dir}
              onSort={(sort, dir) => update({ sort, dir })}
            />
          ) : enterprises.data ? (
            <EmptyState
              py="xl"
              icon={<IconBuildingSkyscraper size={26} aria-hidden />}
              withIndicatorBackground
              title={filtered ? t('registry.enterprises.emptyFiltered') : t('registry.enterprises.empty')}
            />
          ) : null}
        </Card>
      )}
      {enterprises.data && (
        <Pager
          page={enterprises.data.page}
          pageSize={enterprises.data.pageSize}
          total={enterprises.data.total}
          onChange={(page) => update({ page })}
        />
      )}

      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('registry.enterpriseForm.createTitle')}
        size="xl"
        fullScreen={isMobile}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {creating && (
          <EnterpriseForm
            onDone={(saved) => {
              setCreating(false);
              navigate(`/registry/enterprises/${saved.id}`);
            }}
            onCancel={() => setCreating(false)}
          />
        )}
      </Modal>
    </>
  );
}
