import { PORTAL_LANGS, type PortalLang } from '@heza/shared/portal';
import {
  Alert,
  Button,
  Card,
  LoadingOverlay,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { hasPermission, PERMISSIONS } from '../../../lib/permissions';
import { useCurrentUser } from '../../auth/current-user';
import { type PortalSettingsView, useSaveSettings, useSettings } from '../api';

function SettingsForm({ settings, canWrite }: { settings: PortalSettingsView; canWrite: boolean }) {
  const { t } = useTranslation();
  const save = useSaveSettings();
  const [names, setNames] = useState<Partial<Record<PortalLang, string>>>({ ...settings.site.name });
  const [address, setAddress] = useState(settings.site.address ?? '');
  const [phone, setPhone] = useState(settings.site.phone ?? '');
  const [email, setEmail] = useState(settings.site.email ?? '');
  const [demo, setDemo] = useState(settings.site.demo);
  const [kind, setKind] = useState(settings.basemap.kind);
  const [url, setUrl] = useState(settings.basemap.url ?? '');
  const [attribution, setAttribution] = useState(settings.basemap.attribution ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      site: { name: names, address: address || null, phone: phone || null, email: email || null, demo },
      basemap: { kind, url: kind === 'none' ? null : url || null, attribution: attribution || null },
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <FormErrorAlert error={save.error} />
        {save.isSuccess && (
          <Alert color="green" variant="light" role="status">
            {t('portal.settings.saved')}
          </Alert>
        )}
        <Card withBorder radius="md">
          <Title order={2} size="h4" mb="sm">
            {t('portal.settings.site')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {PORTAL_LANGS.map((l) => (
              <TextInput
                key={l}
                label={`${t('portal.settings.siteName')} (${t(`portal.langs.${l}`)})`}
                lang={l}
                value={names[l] ?? ''}
                onChange={(e) => setNames({ ...names, [l]: e.currentTarget.value })}
                disabled={!canWrite}
              />
            ))}
            <TextInput
              label={t('portal.settings.address')}
              value={address}
              onChange={(e) => setAddress(e.currentTarget.value)}
              disabled={!canWrite}
            />
            <TextInput
              label={t('portal.settings.phone')}
              value={phone}
              onChange={(e) => setPhone(e.currentTarget.value)}
              disabled={!canWrite}
            />
            <TextInput
              label={t('portal.settings.email')}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              disabled={!canWrite}
            />
          </SimpleGrid>
          <Switch
            mt="md"
            label={t('portal.settings.demo')}
            checked={demo}
            onChange={(e) => setDemo(e.currentTarget.checked)}
            disabled={!canWrite}
          />
        </Card>
        <Card withBorder radius="md">
          <Title order={2} size="h4" mb="sm">
            {t('portal.settings.basemap')}
          </Title>
          <Stack gap="sm">
            <Select
              label={t('portal.settings.basemapKind')}
              data={[
                { value: 'none', label: t('portal.settings.none') },
                { value: 'style', label: t('portal.settings.style') },
                { value: 'raster', label: t('portal.settings.raster') },
              ]}
              value={kind}
              onChange={(v) => v && setKind(v as typeof kind)}
              allowDeselect={false}
              disabled={!canWrite}
            />
            {kind !== 'none' && (
              <>
                <TextInput
                  label={t('portal.settings.basemapUrl')}
                  description={t('portal.settings.basemapHint')}
                  value={url}
                  onChange={(e) => setUrl(e.currentTarget.value)}
                  required
                  disabled={!canWrite}
                />
                <TextInput
                  label={t('portal.settings.attribution')}
                  value={attribution}
                  onChange={(e) => setAttribution(e.currentTarget.value)}
                  disabled={!canWrite}
                />
              </>
            )}
          </Stack>
        </Card>
        {canWrite && (
          <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('common.save')}
          </Button>
        )}
      </Stack>
    </form>
  );
}

/** /portal/settings — the authority's name and contact on the portal, and the map's basemap. */
export function PortalSettingsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const settings = useSettings();
  return (
    <>
      <PageHeader title={t('portal.settings.title')} description={t('portal.settings.description')} />
      {settings.isError ? (
        <QueryError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : !settings.data ? (
        <LoadingOverlay visible />
      ) : (
        <SettingsForm
          settings={settings.data}
          canWrite={hasPermission(me, PERMISSIONS.portalSettingsWrite)}
        />
      )}
    </>
  );
}
