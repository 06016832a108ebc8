import {
  CONTENT_KINDS,
  type ContentKind,
  PORTAL_LANGS,
  type PortalLang,
  VERSION_STATUSES,
  type VersionStatus,
} from '@heza/shared/portal';
import {
  Badge,
  Button,
  Card,
  EmptyState,
  Group,
  LoadingOverlay,
  Modal,
  Select,
  Stack,
  Table,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilePlus, IconNews, IconSearch } from '@tabler/icons-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { PageHeader } from '../../../components/page-header';
import { Pager } from '../../../components/pager';
import { QueryError } from '../../../components/query-error';
import { formatDateTime } from '../../../lib/format';
import { hasPermission, PERMISSIONS } from '../../../lib/permissions';
import { useCurrentUser } from '../../auth/current-user';
import { useContents, useCreateContent } from '../api';
import { VersionStatusBadge } from '../components/version-status-badge';

const PAGE_SIZE = 20;
const isKind = (v: string | null): v is ContentKind =>
  !!v && (CONTENT_KINDS as readonly string[]).includes(v);
const isStatus = (v: string | null): v is VersionStatus =>
  !!v && (VERSION_STATUSES as readonly string[]).includes(v);

/** The "new content" form: kind, first language, title (and the quarter of a newsletter). */
function CreateContentForm({
  onCreated,
  onCancel,
}: {
  onCreated: (id: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateContent();
  const [kind, setKind] = useState<ContentKind>('news');
  const [lang, setLang] = useState<PortalLang>('vi');
  const [title, setTitle] = useState('');
  const [periodId, setPeriodId] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const created = await create
      .mutateAsync({ kind, lang, title, periodId: kind === 'newsletter' ? periodId : undefined })
      .catch(() => null);
    if (created) onCreated(created.id);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormErrorAlert error={create.error} />
        <Select
          label={t('portal.create.kind')}
          data={CONTENT_KINDS.map((k) => ({ value: k, label: t(`portal.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => isKind(v) && setKind(v)}
          allowDeselect={false}
          required
        />
        <Select
          label={t('portal.create.lang')}
          data={PORTAL_LANGS.map((l) => ({ value: l, label: t(`portal.langs.${l}`) }))}
          value={lang}
          onChange={(v) => v && setLang(v as PortalLang)}
          allowDeselect={false}
          required
        />
        <TextInput
          label={t('portal.create.titleLabel')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
        />
        {kind === 'newsletter' && (
          <TextInput
            label={t('portal.create.period')}
            description={t('portal.create.periodHint')}
            value={periodId}
            onChange={(e) => setPeriodId(e.currentTarget.value.trim().toUpperCase())}
            required
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('portal.create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** /portal/content — the portal's content in every language, with each language's state; filters in the URL. */
export function PortalContentPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const canWrite = hasPermission(me, PERMISSIONS.portalContentWrite);
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const statusParam = params.get('status');
  const kind = isKind(kindParam) ? kindParam : '';
  const status = isStatus(statusParam) ? statusParam : '';
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [search, setSearch] = useState(q);
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [creating, setCreating] = useState(false);

  const update = (next: Record<string, string | number>) =>
    setParams(
      (current) => {
        const merged = new URLSearchParams(current);
        for (const [key, value] of Object.entries(next)) {
          if (value === '' || (key === 'page' && value === 1)) merged.delete(key);
          else merged.set(key, String(value));
        }
        return merged;
      },
      { replace: true },
    );
  // biome-ignore lint/correctness/useExhaustiveDependencies: only react to the debounced text.
  useEffect(() => {
    if (debounced !== q) update({ q: debounced, page: 1 });
  }, [debounced]);

  const contents = useContents({ kind, status, q, page, pageSize: PAGE_SIZE });

  return (
    <>
      <PageHeader
        title={t('portal.content.title')}
        description={t('portal.content.description')}
        actions={
          canWrite && (
            <Button leftSection={<IconFilePlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
              {t('portal.content.create')}
            </Button>
          )
        }
      />
      <Group
        component="form"
        role="search"
        aria-label={t('portal.content.filters')}
        onSubmit={(e) => e.preventDefault()}
        gap="sm"
        mb="md"
        align="flex-end"
        wrap="wrap"
      >
        <TextInput
          label={t('portal.content.searchLabel')}
          placeholder={t('portal.content.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          style={{ flex: '1 1 16rem' }}
        />
        <Select
          label={t('portal.content.kindFilter')}
          data={[
            { value: '', label: t('portal.content.allKinds') },
            ...CONTENT_KINDS.map((k) => ({ value: k, label: t(`portal.kinds.${k}`) })),
          ]}
          value={kind}
          onChange={(v) => update({ kind: v ?? '', page: 1 })}
          allowDeselect={false}
          style={{ flex: '0 1 14rem' }}
        />
        <Select
          label={t('portal.content.statusFilter')}
          data={[
            { value: '', label: t('portal.content.allStatuses') },
            ...VERSION_STATUSES.map((s) => ({ value: s, label: t(`portal.statuses.${s}`) })),
          ]}
          value={status}
          onChange={(v) => update({ status: v ?? '', page: 1 })}
          allowDeselect={false}
          style={{ flex: '0 1 12rem' }}
        />
      </Group>
      {contents.isError && !contents.data ? (
        <QueryError error={contents.error} onRetry={() => void contents.refetch()} />
      ) : (
        <Card withBorder radius="md" padding={0} pos="relative">
          <LoadingOverlay visible={contents.isFetching} overlayProps={{ blur: 1 }} />
          {contents.data && contents.data.items.length > 0 ? (
            <Table.ScrollContainer minWidth={720}>
              <Table striped highlightOnHover>
                <Table.Caption>{t('portal.content.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('portal.content.columns.title')}</Table.Th>
                    <Table.Th scope="col">{t('portal.content.columns.kind')}</Table.Th>
                    <Table.Th scope="col">{t('portal.content.columns.languages')}</Table.Th>
                    <Table.Th scope="col">{t('portal.content.columns.updated')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {contents.data.items.map((c) => {
                    const first = c.translations.find((tr) => tr.lang === 'vi') ?? c.translations[0];
                    return (
                      <Table.Tr key={c.id}>
                        <Table.Td>
                          <Link to={`/portal/content/${c.id}`}>{first?.title ?? c.id}</Link>
                          {c.isDemo && (
                            <Badge ml="xs" size="xs" variant="outline" color="gray">
                              demo
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>{t(`portal.kinds.${c.kind}`)}</Table.Td>
                        <Table.Td>
                          <Group gap={6}>
                            {c.translations.map((tr) => (
                              <Group key={tr.lang} gap={4} wrap="nowrap">
                                <abbr title={t(`portal.langs.${tr.lang}`)}>{tr.lang.toUpperCase()}</abbr>
                                <VersionStatusBadge
                                  status={tr.live ? 'published' : tr.status}
                                  scheduled={!tr.live && !!tr.scheduledAt}
                                />
                              </Group>
                            ))}
                          </Group>
                        </Table.Td>
                        <Table.Td>{formatDateTime(c.updatedAt)}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : contents.data ? (
            <EmptyState
              py="xl"
              icon={<IconNews size={26} aria-hidden />}
              withIndicatorBackground
              title={kind || status || q ? t('portal.content.emptyFiltered') : t('portal.content.empty')}
            />
          ) : (
            <LoadingOverlay visible />
          )}
        </Card>
      )}
      {contents.data && (
        <Pager
          page={contents.data.page}
          pageSize={contents.data.pageSize}
          total={contents.data.total}
          onChange={(next) => update({ page: next })}
        />
      )}
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('portal.create.title')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {creating && (
          <CreateContentForm
            onCancel={() => setCreating(false)}
            onCreated={(id) => navigate(`/portal/content/${id}`)}
          />
        )}
      </Modal>
    </>
  );
}
