import { PORTAL_LANGS, type PortalLang } from '@heza/shared/portal';
import {
  Anchor,
  Button,
  Card,
  Group,
  LoadingOverlay,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { hasPermission, PERMISSIONS } from '../../../lib/permissions';
import { useCurrentUser } from '../../auth/current-user';
import {
  useContent,
  useContents,
  useImages,
  useSetArticles,
  useUpdateContent,
  useZoneProfiles,
} from '../api';
import { VersionEditor } from '../components/version-editor';
import { VersionStatusBadge } from '../components/version-status-badge';

/** Zone, cover image and list order: what all languages of an item share. */
function SharedFields({
  id,
  zoneId,
  coverImageId,
  sortOrder,
  canWrite,
}: {
  id: string;
  zoneId: string | null;
  coverImageId: string | null;
  sortOrder: number;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const zones = useZoneProfiles();
  const images = useImages();
  const update = useUpdateContent(id);
  const [zone, setZone] = useState(zoneId ?? '');
  const [cover, setCover] = useState(coverImageId ?? '');
  const [order, setOrder] = useState<number>(sortOrder);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ zoneId: zone || null, coverImageId: cover || null, sortOrder: order });
  };
  return (
    <Card withBorder radius="md" component="form" onSubmit={submit}>
      <Title order={2} size="h4" mb="sm">
        {t('portal.editor.shared')}
      </Title>
      <FormErrorAlert error={update.error} />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('portal.editor.zone')}
          data={[
            { value: '', label: t('portal.editor.noZone') },
            ...(zones.data?.items ?? []).map((z) => ({ value: z.zoneId, label: z.nameVi })),
          ]}
          value={zone}
          onChange={(v) => setZone(v ?? '')}
          searchable
          disabled={!canWrite}
          style={{ flex: '1 1 16rem' }}
        />
        <Select
          label={t('portal.editor.cover')}
          data={[
            { value: '', label: t('portal.editor.noCover') },
            ...(images.data?.items ?? [])
              .filter((i) => i.kind === 'photo')
              .map((i) => ({ value: i.id, label: i.alt.vi ?? i.alt.en ?? i.id })),
          ]}
          value={cover}
          onChange={(v) => setCover(v ?? '')}
          searchable
          disabled={!canWrite}
          style={{ flex: '1 1 16rem' }}
        />
        <NumberInput
          label={t('portal.editor.sortOrder')}
          value={order}
          onChange={(v) => setOrder(Number(v) || 0)}
          disabled={!canWrite}
          style={{ flex: '0 1 8rem' }}
        />
        {canWrite && (
          <Button type="submit" variant="default" loading={update.isPending}>
            {t('common.save')}
          </Button>
        )}
      </Group>
    </Card>
  );
}

/** A newsletter issue's articles, in the order chosen. */
function ArticlesPicker({ id, selected, canWrite }: { id: string; selected: string[]; canWrite: boolean }) {
  const { t } = useTranslation();
  const news = useContents({ kind: 'news', status: '', q: '', page: 1, pageSize: 200 });
  const set = useSetArticles(id);
  const [ids, setIds] = useState(selected);
  const options = (news.data?.items ?? []).map((c) => ({
    value: c.id,
    label: (c.translations.find((tr) => tr.lang === 'vi') ?? c.translations[0])?.title ?? c.id,
  }));
  return (
    <Card withBorder radius="md">
      <Title order={2} size="h4" mb="xs">
        {t('portal.editor.articles')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('portal.editor.articlesHint')}
      </Text>
      <FormErrorAlert error={set.error} />
      <Group align="flex-end" gap="sm">
        <MultiSelect
          label={t('portal.editor.articles')}
          data={options}
          value={ids}
          onChange={setIds}
          searchable
          disabled={!canWrite}
          style={{ flex: '1 1 24rem' }}
        />
        {canWrite && (
          <Button variant="default" loading={set.isPending} onClick={() => set.mutate(ids)}>
            {t('common.save')}
          </Button>
        )}
      </Group>
    </Card>
  );
}

/** /portal/content/:id — an item's shared fields and, per language, its text and workflow. */
export function PortalContentEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const canWrite = hasPermission(me, PERMISSIONS.portalContentWrite);
  const canPublish = hasPermission(me, PERMISSIONS.portalContentPublish);
  const content = useContent(id);
  const [tab, setTab] = useState<PortalLang | null>(null);

  if (content.isError) return <QueryError error={content.error} onRetry={() => void content.refetch()} />;
  if (!content.data) return <LoadingOverlay visible />;
  const c = content.data;
  const first = c.translations.find((tr) => tr.lang === 'vi') ?? c.translations[0];
  const active = tab ?? first?.lang ?? 'vi';
  return (
    <>
      <Anchor component={Link} to="/portal/content" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('portal.editor.back')}
        </Group>
      </Anchor>
      <PageHeader
        title={first?.title ?? t('portal.content.title')}
        description={t(`portal.kinds.${c.kind}`)}
      />
      <Stack gap="lg">
        <SharedFields
          id={c.id}
          zoneId={c.zoneId}
          coverImageId={c.coverImageId}
          sortOrder={c.sortOrder}
          canWrite={canWrite}
        />
        {c.kind === 'newsletter' && (
          <ArticlesPicker id={c.id} selected={c.articles.map((a) => a.id)} canWrite={canWrite} />
        )}
        <Card withBorder radius="md">
          <Title order={2} size="h4" mb="sm">
            {t('portal.editor.translations')}
          </Title>
          <Tabs value={active} onChange={(v) => v && setTab(v as PortalLang)} keepMounted={false}>
            <Tabs.List>
              {PORTAL_LANGS.map((l) => {
                const state = c.translations.find((tr) => tr.lang === l);
                return (
                  <Tabs.Tab
                    key={l}
                    value={l}
                    rightSection={
                      state ? (
                        <VersionStatusBadge
                          status={state.live ? 'published' : state.status}
                          scheduled={!state.live && !!state.scheduledAt}
                        />
                      ) : undefined
                    }
                  >
                    {t(`portal.langs.${l}`)}
                  </Tabs.Tab>
                );
              })}
            </Tabs.List>
            {PORTAL_LANGS.map((l) => (
              <Tabs.Panel key={l} value={l} pt="md">
                <VersionEditor
                  key={`${l}:${c.versions.filter((v) => v.lang === l)[0]?.id ?? 'none'}`}
                  content={c}
                  lang={l}
                  canWrite={canWrite}
                  canPublish={canPublish}
                />
              </Tabs.Panel>
            ))}
          </Tabs>
        </Card>
      </Stack>
    </>
  );
}
