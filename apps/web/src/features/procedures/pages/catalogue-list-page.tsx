import { ONLINE_LEVELS } from '@heza/shared/procedures';
import { Anchor, Button, Card, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconSearch, IconStack2 } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { departmentLabel } from '../../../lib/labels';
import { readChoice, useListParams } from '../../../lib/list-params';
import { hasPermission, PERMISSIONS } from '../../../lib/permissions';
import { useCurrentUser } from '../../auth/current-user';
import { useCatalogue } from '../api';
import { OnlineLevelBadge } from '../components/badges';
import { VersionFormModal } from '../components/version-form-modal';

/** "/procedures/catalogue": the procedures in force today, with search and filters. */
export function CatalogueListPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const language = currentLanguage();
  const { params, update } = useListParams();
  const q = params.get('q') ?? '';
  const field = params.get('field') ?? '';
  const onlineLevel = readChoice(params, 'onlineLevel', ONLINE_LEVELS);
  const [search, setSearch] = useState(q);
  useEffect(() => setSearch(q), [q]);
  const list = useCatalogue({
    q: q || undefined,
    field: field || undefined,
    onlineLevel: onlineLevel || undefined,
  });
  const all = useCatalogue();
  const fields = useMemo(() => {
    const seen = new Map<string, string>();
    for (const p of all.data ?? []) seen.set(p.field.code, language === 'vi' ? p.field.vi : p.field.en);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [all.data, language]);
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title={t('procedures.catalogue.title')}
        description={t('procedures.catalogue.description')}
        icon={<IconStack2 size={28} aria-hidden />}
        actions={
          hasPermission(user, PERMISSIONS.procedureCatalogueWrite) && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('procedures.catalogue.newProcedure')}
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
          label={t('procedures.catalogue.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          leftSection={<IconSearch size={16} aria-hidden />}
          w={280}
        />
        <Select
          label={t('procedures.fields.field')}
          data={[{ value: '', label: t('procedures.all') }, ...fields]}
          value={field}
          onChange={(v) => update({ field: v ?? '' })}
          allowDeselect={false}
          w={240}
        />
        <Select
          label={t('procedures.fields.onlineLevel')}
          data={[
            { value: '', label: t('procedures.all') },
            ...ONLINE_LEVELS.map((l) => ({ value: l, label: t(`procedures.onlineLevel.${l}`) })),
          ]}
          value={onlineLevel}
          onChange={(v) => update({ onlineLevel: v ?? '' })}
          allowDeselect={false}
          w={200}
        />
        <Button type="submit" variant="light">
          {t('procedures.apply')}
        </Button>
      </Group>
      {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      {list.isPending && <Text c="dimmed">{t('procedures.loading')}</Text>}
      {list.data && (
        <Card withBorder padding={0}>
          <Table striped highlightOnHover>
            <Table.Caption>{t('procedures.catalogue.caption', { count: list.data.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('procedures.fields.code')}</Table.Th>
                <Table.Th scope="col">{t('procedures.fields.name')}</Table.Th>
                <Table.Th scope="col">{t('procedures.fields.field')}</Table.Th>
                <Table.Th scope="col">{t('procedures.fields.leadUnit')}</Table.Th>
                <Table.Th scope="col">{t('procedures.fields.timeLimit')}</Table.Th>
                <Table.Th scope="col">{t('procedures.fields.onlineLevel')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text c="dimmed">{t('procedures.catalogue.empty')}</Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {list.data.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/procedures/catalogue/${encodeURIComponent(p.code)}`}
                      ff="monospace"
                    >
                      {p.code}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{language === 'vi' ? p.name.vi : p.name.en}</Table.Td>
                  <Table.Td>{language === 'vi' ? p.field.vi : p.field.en}</Table.Td>
                  <Table.Td>{departmentLabel(t, p.leadUnit)}</Table.Td>
                  <Table.Td>{t('procedures.workingDays', { count: p.timeLimitDays })}</Table.Td>
                  <Table.Td>
                    <OnlineLevelBadge level={p.onlineLevel} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <VersionFormModal opened={creating} onClose={() => setCreating(false)} base={null} />
    </>
  );
}
