import { PORTAL_LANGS, type PortalLang, type ZoneProfileView } from '@heza/shared/portal';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  LoadingOverlay,
  Modal,
  Stack,
  Switch,
  Table,
  Tabs,
  Textarea,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { hasPermission, PERMISSIONS } from '../../../lib/permissions';
import { useCurrentUser } from '../../auth/current-user';
import { useSaveZoneProfile, useZoneProfiles } from '../api';

/** A zone's portal profile: shown or hidden, target sectors, names and descriptions per language. */
function ZoneProfileForm({ profile, onDone }: { profile: ZoneProfileView; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveZoneProfile();
  const [listed, setListed] = useState(profile.listed);
  const [sectors, setSectors] = useState(profile.targetSectors.join(', '));
  const [descriptions, setDescriptions] = useState<Record<string, string>>({ ...profile.descriptions });
  const [names, setNames] = useState<Record<string, string>>({ ...profile.names });
  const [removed, setRemoved] = useState<string[]>([]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const saved = await save
      .mutateAsync({
        zoneId: profile.zoneId,
        input: {
          listed,
          targetSectors: sectors
            .split(/[,\s]+/)
            .map((s) => s.trim().toUpperCase())
            .filter(Boolean),
          descriptions: Object.fromEntries(PORTAL_LANGS.map((l) => [l, descriptions[l] ?? ''])),
          names: Object.fromEntries(PORTAL_LANGS.filter((l) => l !== 'vi').map((l) => [l, names[l] ?? ''])),
        },
      })
      .catch(() => null);
    if (saved?.removed.length) setRemoved(saved.removed);
    else if (saved) onDone();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormErrorAlert error={save.error} />
        {removed.length > 0 && (
          <Alert color="yellow" variant="light" role="status" title={t('portal.editor.removedTitle')}>
            {t('portal.editor.removed', { list: removed.join(', ') })}
          </Alert>
        )}
        <Switch
          label={t('portal.zones.listed')}
          checked={listed}
          onChange={(e) => setListed(e.currentTarget.checked)}
        />
        <TextInput
          label={t('portal.zones.sectors')}
          description={t('portal.zones.sectorsHint')}
          value={sectors}
          onChange={(e) => setSectors(e.currentTarget.value)}
        />
        <Tabs defaultValue="vi">
          <Tabs.List>
            {PORTAL_LANGS.map((l) => (
              <Tabs.Tab key={l} value={l}>
                {t(`portal.langs.${l}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {PORTAL_LANGS.map((l: PortalLang) => (
            <Tabs.Panel key={l} value={l} pt="sm">
              <Stack gap="sm">
                {l !== 'vi' && (
                  <TextInput
                    label={t('portal.zones.name')}
                    value={names[l] ?? ''}
                    onChange={(e) => setNames({ ...names, [l]: e.currentTarget.value })}
                  />
                )}
                <Textarea
                  label={t('portal.zones.description')}
                  description={t('portal.editor.bodyHint')}
                  value={descriptions[l] ?? ''}
                  onChange={(e) => setDescriptions({ ...descriptions, [l]: e.currentTarget.value })}
                  autosize
                  minRows={5}
                  lang={l}
                  styles={{ input: { fontFamily: 'monospace' } }}
                />
              </Stack>
            </Tabs.Panel>
          ))}
        </Tabs>
        <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-end' }}>
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}

/** /portal/zones — how each registry zone appears on the portal. */
export function PortalZonesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canWrite = hasPermission(me, PERMISSIONS.portalContentWrite);
  const zones = useZoneProfiles();
  const [editing, setEditing] = useState<ZoneProfileView | null>(null);
  return (
    <>
      <PageHeader title={t('portal.zones.title')} description={t('portal.zones.description')} />
      {zones.isError ? (
        <QueryError error={zones.error} onRetry={() => void zones.refetch()} />
      ) : !zones.data ? (
        <LoadingOverlay visible />
      ) : (
        <Card withBorder radius="md" padding={0}>
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Caption>{t('portal.zones.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('portal.zones.zone')}</Table.Th>
                  <Table.Th scope="col">{t('portal.zones.listed')}</Table.Th>
                  <Table.Th scope="col">{t('portal.zones.sectors')}</Table.Th>
                  <Table.Th scope="col">{t('portal.zones.languages')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('portal.zones.edit')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {zones.data.items.map((z) => (
                  <Table.Tr key={z.zoneId}>
                    <Table.Td>
                      <Anchor href={`/vi/zones/${z.code}`} target="_blank" rel="noopener">
                        {z.nameVi}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={z.listed ? 'green' : 'gray'} variant="light">
                        {z.listed ? t('portal.zones.shown') : t('portal.zones.hidden')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{z.targetSectors.join(', ')}</Table.Td>
                    <Table.Td>{Object.keys(z.descriptions).join(', ').toUpperCase()}</Table.Td>
                    <Table.Td>
                      {canWrite && (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setEditing(z)}
                          aria-label={`${t('portal.zones.edit')}: ${z.nameVi}`}
                        >
                          {t('portal.zones.edit')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.nameVi}
        size="xl"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing && (
          <ZoneProfileForm key={editing.zoneId} profile={editing} onDone={() => setEditing(null)} />
        )}
      </Modal>
    </>
  );
}
