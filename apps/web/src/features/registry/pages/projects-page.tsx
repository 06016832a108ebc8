import { INVESTMENT_TYPES } from '@heza/shared/registry';
import {
  Button,
  Card,
  EmptyState,
  Group,
  LoadingOverlay,
  Modal,
  Select,
  SimpleGrid,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconBriefcase, IconFilterOff, IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { Pager } from '../../../components/pager';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { COUNTRY_CODES } from '../../../lib/countries';
import { readChoice, readId, readPage, useListParams } from '../../../lib/list-params';
import { hasPermission, PERMISSIONS } from '../../../lib/permissions';
import { useCurrentUser } from '../../auth/current-user';
import { ExportButton } from '../components/export-button';
import { CountrySelect, ZoneSelect } from '../components/pickers';
import { ProjectForm } from '../components/project-form';
import { ProjectsTable } from '../components/projects-table';
import {
  PROJECT_SORTS,
  PROJECT_STATUSES,
  type ProjectListParams,
  useProjects,
  useVsic,
} from '../projects-api';

const PAGE_SIZE = 20;

/** /registry/projects — investment projects; filters (zone, FDI/DDI, sector, country, status) live in the URL. */
export function ProjectsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const me = useCurrentUser();
  const canWrite = hasPermission(me, PERMISSIONS.projectWrite);
  const canFilterZones = hasPermission(me, PERMISSIONS.zoneRead);
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const navigate = useNavigate();
  const { params, update } = useListParams();
  const q = params.get('q') ?? '';
  const vsicParam = params.get('vsic') ?? '';
  const list: ProjectListParams = {
    q,
    zoneId: readId(params, 'zoneId'),
    enterpriseId: readId(params, 'enterpriseId'),
    investmentType: readChoice(params, 'investmentType', INVESTMENT_TYPES),
    country: readChoice(params, 'country', COUNTRY_CODES),
    vsic: /^([A-U]|\d{2,5})$/.test(vsicParam) ? vsicParam : '',
    status: readChoice(params, 'status', PROJECT_STATUSES),
    sort: readChoice(params, 'sort', PROJECT_SORTS) || 'name',
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

  const projects = useProjects(list);
  const vsic = useVsic();
  const sectors = useMemo(
    () =>
      (vsic.data ?? [])
        .filter((v) => v.level === 2)
        .map((v) => ({ value: v.code, label: `${v.code} — ${language === 'vi' ? v.vi : v.en}` })),
    [vsic.data, language],
  );
  const [creating, setCreating] = useState(false);
  const filtered = !!(
    list.q ||
    list.zoneId ||
    list.enterpriseId ||
    list.investmentType ||
    list.country ||
    list.vsic ||
    list.status
  );

  return (
    <>
      <PageHeader
        title={t('registry.projects.title')}
        description={t('registry.projects.description')}
        icon={<IconBriefcase size={28} stroke={1.6} aria-hidden />}
        actions={
          <>
            <ExportButton path="/api/projects/export" query={{ ...list }} />
            {canWrite && (
              <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
                {t('registry.projects.create')}
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
        aria-label={t('registry.projects.filtersLabel')}
        onSubmit={(e) => e.preventDefault()}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <TextInput
            label={t('registry.common.search')}
            placeholder={t('registry.projects.searchPlaceholder')}
            description={t('registry.common.searchHint')}
            leftSection={<IconSearch size={16} aria-hidden />}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          {canFilterZones && (
            <ZoneSelect
              label={t('registry.projects.columns.zone')}
              placeholder={t('registry.common.all')}
              value={list.zoneId}
              onChange={(v) => update({ zoneId: v })}
              clearable
            />
          )}
          <Select
            label={t('registry.projects.columns.type')}
            data={[
              { value: '', label: t('registry.common.all') },
              ...INVESTMENT_TYPES.map((v) => ({ value: v, label: t(`registry.enums.investmentType.${v}`) })),
            ]}
            value={list.investmentType}
            onChange={(v) => update({ investmentType: v ?? '' })}
            allowDeselect={false}
          />
          <Select
            label={t('registry.projects.sectorFilter')}
            placeholder={t('registry.common.all')}
            data={sectors}
            searchable
            clearable
            value={list.vsic || null}
            onChange={(v) => update({ vsic: v ?? '' })}
            nothingFoundMessage={t('common.nothingFound')}
          />
          <CountrySelect
            label={t('registry.projects.countryFilter')}
            placeholder={t('registry.common.all')}
            clearable
            value={list.country}
            onChange={(v) => update({ country: v })}
          />
          <Select
            label={t('registry.projects.columns.status')}
            data={[
              { value: '', label: t('registry.common.all') },
              ...PROJECT_STATUSES.map((s) => ({ value: s, label: t(`registry.enums.projectStatus.${s}`) })),
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
                update({
                  q: '',
                  zoneId: '',
                  enterpriseId: '',
                  investmentType: '',
                  country: '',
                  vsic: '',
                  status: '',
                });
              }}
            >
              {t('registry.common.clearFilters')}
            </Button>
          </Group>
        )}
      </Card>

      {projects.isError && !projects.data ? (
        <QueryError error={projects.error} onRetry={() => void projects.refetch()} />
      ) : (
        <Card withBorder radius="md" padding={0} pos="relative" mih={120}>
          <LoadingOverlay visible={projects.isFetching} overlayProps={{ blur: 1 }} />
          {projects.data && projects.data.items.length > 0 ? (
            <ProjectsTable
              projects={projects.data.items}
              caption={t('registry.projects.tableCaption')}
              sorting={{ sort: list.sort, dir: list.dir, onSort: (sort, dir) => update({ sort, dir }) }}
            />
          ) : projects.data ? (
            <EmptyState
              py="xl"
              icon={<IconBriefcase size={26} aria-hidden />}
              withIndicatorBackground
              title={filtered ? t('registry.projects.emptyFiltered') : t('registry.projects.empty')}
            />
          ) : null}
        </Card>
      )}
      {projects.data && (
        <Pager
          page={projects.data.page}
          pageSize={projects.data.pageSize}
          total={projects.data.total}
          onChange={(page) => update({ page })}
        />
      )}

      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('registry.projectForm.createTitle')}
        size="xl"
        fullScreen={isMobile}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {creating && (
          <ProjectForm
            onDone={(saved) => {
              setCreating(false);
              navigate(`/registry/projects/${saved.id}`);
            }}
            onCancel={() => setCreating(false)}
          />
        )}
      </Modal>
    </>
  );
}
