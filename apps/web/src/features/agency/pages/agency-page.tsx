import { AgencyInput, type AgencyView } from '@heza/shared/agency';
import { pickMessage } from '@heza/shared/i18n-message';
import {
  Alert,
  Button,
  Card,
  Code,
  Group,
  List,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconBuildingCommunity, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { fieldErrorMap } from '../../../lib/api-client';
import { todayIso } from '../../../lib/format-number';
import { useAgency, useUpdateAgency } from '../api';

const FIELDS = ['code', 'nameVi', 'nameEn', 'parentVi', 'placeVi', 'addressVi', 'phone', 'email'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

function valuesOf(v: AgencyView): Values {
  return {
    code: v.code,
    nameVi: v.nameVi,
    nameEn: v.nameEn,
    parentVi: v.parentVi,
    placeVi: v.placeVi,
    addressVi: v.addressVi ?? '',
    phone: v.phone ?? '',
    email: v.email ?? '',
  };
}

/** The dossier code a dossier received today would get with `code` (sequence 0001). */
export function sampleDossierCode(code: string, today: string): string {
  return `${code}-${today.slice(2, 4)}${today.slice(5, 7)}${today.slice(8, 10)}-0001`;
}

/** "/admin/agency": the agency identifier used in dossier codes, and the names printed on forms. */
export function AgencyPage() {
  const { t } = useTranslation();
  const agency = useAgency();
  return (
    <>
      <PageHeader
        title={t('agency.title')}
        description={t('agency.description')}
        icon={<IconBuildingCommunity size={28} aria-hidden />}
      />
      {agency.isError && <QueryError error={agency.error} onRetry={() => agency.refetch()} />}
      {agency.isPending && <Text c="dimmed">{t('agency.loading')}</Text>}
      {agency.data && <AgencyForm key={agency.data.code + agency.data.nameVi} agency={agency.data} />}
    </>
  );
}

function AgencyForm({ agency }: { agency: AgencyView }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const save = useUpdateAgency();
  const [values, setValues] = useState<Values>(valuesOf(agency));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [confirming, setConfirming] = useState<AgencyInput | null>(null);
  const server = fieldErrorMap(save.error);
  const err = (f: Field) => errors[f] ?? server[f];
  const set = (f: Field, v: string) => {
    setValues((c) => ({ ...c, [f]: v }));
    setErrors((e) => ({ ...e, [f]: undefined }));
  };
  const newCode = values.code.trim().toUpperCase();
  const codeChanged = newCode !== agency.code;

  const send = (input: AgencyInput) =>
    save.mutate(input, {
      onSuccess: (v) => {
        setConfirming(null);
        notifications.show({
          color: 'green',
          message: codeChanged ? t('agency.savedNewCode', { code: v.code }) : t('agency.saved'),
        });
      },
      onError: () => setConfirming(null),
    });

  const submit = () => {
    const parsed = AgencyInput.safeParse(values);
    if (!parsed.success) {
      const next: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const f = issue.path[0] as Field;
        if (next[f]) continue;
        next[f] = issue.message.startsWith('{"vi"')
          ? pickMessage(issue.message, language)
          : t('agency.invalidField', { field: t(`agency.fields.${f}`) });
      }
      setErrors(next);
      return;
    }
    setErrors({});
    if (codeChanged) setConfirming(values);
    else send(values);
  };

  const field = (
    f: Field,
    opts: { required?: boolean; description?: string; maxLength?: number; type?: string } = {},
  ) => (
    <TextInput
      label={t(`agency.fields.${f}`)}
      description={opts.description}
      value={values[f]}
      onChange={(e) => set(f, e.currentTarget.value)}
      error={err(f)}
      required={opts.required}
      maxLength={opts.maxLength}
      type={opts.type}
    />
  );

  return (
    <Stack gap="md" maw={900}>
      {agency.isPlaceholder && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('agency.placeholder.title')}
          role="alert"
        >
          {t('agency.placeholder.text', { code: agency.code })}
        </Alert>
      )}
      <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
        {t('agency.onlyNewDossiers')}
      </Alert>
      <Card
        withBorder
        component="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <FormErrorAlert error={save.error} />
          <Title order={2} size="h4">
            {t('agency.codeSection')}
          </Title>
          <TextInput
            label={t('agency.fields.code')}
            description={t('agency.codeHelp')}
            value={values.code}
            onChange={(e) => set('code', e.currentTarget.value)}
            error={err('code')}
            required
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            maxLength={13}
            w={260}
          />
          <Text size="sm" aria-live="polite">
            {t('agency.sample')}{' '}
            <Code data-testid="agency-sample">{sampleDossierCode(newCode || '…', todayIso())}</Code>
          </Text>
          <Title order={2} size="h4" mt="sm">
            {t('agency.formsSection')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {field('nameVi', { required: true, maxLength: 300, description: t('agency.nameViHelp') })}
            {field('nameEn', { required: true, maxLength: 300 })}
            {field('parentVi', { required: true, maxLength: 300, description: t('agency.parentHelp') })}
            {field('placeVi', { required: true, maxLength: 100, description: t('agency.placeHelp') })}
          </SimpleGrid>
          {field('addressVi', { maxLength: 500 })}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {field('phone', { type: 'tel' })}
            {field('email', { type: 'email' })}
          </SimpleGrid>
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                setValues(valuesOf(agency));
                setErrors({});
                save.reset();
              }}
            >
              {t('agency.reset')}
            </Button>
            <Button type="submit" loading={save.isPending && !confirming}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Card>
      {agency.previousCodes.length > 0 && (
        <Card withBorder component="section">
          <Title order={2} size="h5" mb="xs">
            {t('agency.previous.title')}
          </Title>
          <List size="sm">
            {agency.previousCodes.map((p) => (
              <List.Item key={p.code}>
                <Code>{p.code}</Code> — {t('agency.previous.dossiers', { count: p.dossiers })}
              </List.Item>
            ))}
          </List>
        </Card>
      )}
      <Text size="xs" c="dimmed">
        {t('agency.audited')}
      </Text>
      <Modal opened={!!confirming} onClose={() => setConfirming(null)} title={t('agency.confirm.title')}>
        <Stack gap="sm">
          <Text>{t('agency.confirm.text', { from: agency.code, to: newCode })}</Text>
          <Text size="sm" c="dimmed">
            {t('agency.onlyNewDossiers')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="orange" loading={save.isPending} onClick={() => confirming && send(confirming)}>
              {t('agency.confirm.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
