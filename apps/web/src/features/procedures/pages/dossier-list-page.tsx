import { DOSSIER_STATUSES } from '@heza/shared/procedures';
import { Button, Checkbox, Group, Select, Text, TextInput } from '@mantine/core';
import { IconFolders, IconSearch, IconSend } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { Pager } from '../../../components/pager';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { readChoice, readPage, useListParams } from '../../../lib/list-params';
import { hasPermission, PERMISSIONS } from '../../../lib/permissions';
import { useCurrentUser } from '../../auth/current-user';
import { useCatalogue, useDossierList } from '../api';
import { DossierTable } from '../components/dossier-table';

const PAGE_SIZE = 20;

/** "/procedures/dossiers": dossiers with filters (enterprise users see their own). */
export function DossierListPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const language = currentLanguage();
  const { params, update } = useListParams();
  const status = readChoice(params, 'status', DOSSIER_STATUSES);
  const procedureCode = params.get('procedure') ?? '';
  const overdue = params.get('overdue') === 'true';
  const q = params.get('q') ?? '';
  const page = readPage(params);
  const [search, setSearch] = useState(q);
  useEffect(() => setSearch(q), [q]);
  const list = useDossierList({ page, pageSize: PAGE_SIZE, status, procedureCode, overdue, q });
  const catalogue = useCatalogue();
  const enterprise = user.role === 'enterprise';

  return (
    <>
      <PageHeader
        title={t('procedures.dossiers.title')}
        description={
          enterprise ? t('procedures.dossiers.descriptionOwn') : t('procedures.dossiers.description')
        }
        icon={<IconFolders size={28} aria-hidden />}
        actions={
          hasPermission(user, PERMISSIONS.dossierSubmit) && (
            <Button
              component={Link}
              to="/procedures/dossiers/new"
              leftSection={<IconSend size={16} aria-hidden />}
            >
              {t('procedures.submit.button')}
            </Button>
          )
        }
      />
      <Group
        component="form"
        role="search"
        aria-label={t('procedures.filters')}
        gap="sm"
        mb="md"
        align="flex-end"
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: search.trim() });
        }}
      >
        <TextInput
          label={t('procedures.dossiers.search')}
          placeholder={t('procedures.dossiers.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          leftSection={<IconSearch size={16} aria-hidden />}
          w={280}
        />
        <Select
          label={t('procedures.fields.status')}
          data={[
            { value: '', label: t('procedures.all') },
            ...DOSSIER_STATUSES.map((s) => ({ value: s, label: t(`procedures.status.${s}`) })),
          ]}
          value={status}
          onChange={(v) => update({ status: v ?? '' })}
          allowDeselect={false}
          w={200}
        />
        <Select
          label={t('procedures.fields.procedure')}
          data={[
            { value: '', label: t('procedures.all') },
            ...(catalogue.data ?? []).map((p) => ({
              value: p.code,
              label: `${p.code} — ${language === 'vi' ? p.name.vi : p.name.en}`,
            })),
          ]}
          value={procedureCode}
          onChange={(v) => update({ procedure: v ?? '' })}
          allowDeselect={false}
          searchable
          w={320}
        />
        <Checkbox
          label={t('procedures.dossiers.overdueOnly')}
          checked={overdue}
          onChange={(e) => update({ overdue: e.currentTarget.checked ? 'true' : '' })}
          mb={8}
        />
        <Button type="submit" variant="light">
          {t('procedures.apply')}
        </Button>
      </Group>
      {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      {list.isPending && <Text c="dimmed">{t('procedures.loading')}</Text>}
      {list.data && (
        <>
          <DossierTable
            items={list.data.items}
            caption={t('procedures.dossiers.caption', { count: list.data.total })}
            empty={t('procedures.dossiers.empty')}
          />
          <Pager
            page={page}
            pageSize={PAGE_SIZE}
            total={list.data.total}
            onChange={(p) => update({ page: p })}
          />
        </>
      )}
    </>
  );
}
