import { type StoredFileView, SubmitDossierInput } from '@heza/shared/procedures';
import { Alert, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { PageHeader } from '../../../components/page-header';
import { currentLanguage } from '../../../i18n';
import { useCurrentUser } from '../../auth/current-user';
import { useProcedure, useSubmitDossier } from '../api';
import {
  type ApplicantDraft,
  ApplicantFields,
  applicantBody,
  emptyApplicant,
} from '../components/applicant-fields';
import { FileUpload } from '../components/file-upload';
import { ProcedurePicker } from '../components/procedure-picker';
import { Section } from '../components/section';
import { missingOnline } from '../lib/dossier';
import { apiIssuesByPath, issuesByPath } from '../lib/issues';

/** "/procedures/dossiers/new": an enterprise files a dossier online, one file per document. */
export function SubmitPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const user = useCurrentUser();
  const [code, setCode] = useState<string | null>(null);
  const procedure = useProcedure(code);
  const p = procedure.data;
  const submit = useSubmitDossier();
  const [applicant, setApplicant] = useState<ApplicantDraft>(() => ({
    ...emptyApplicant('online'),
    name: user.enterprise?.name ?? '',
    email: user.email,
  }));
  const [files, setFiles] = useState<Record<string, StoredFileView | null>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<{ id: string; trackingSecret: string } | null>(null);
  const missing = p
    ? missingOnline(p.documents, Object.fromEntries(Object.entries(files).map(([k, f]) => [k, f?.id])))
    : [];

  if (done) {
    return (
      <>
        <PageHeader title={t('procedures.submit.title')} icon={<IconSend size={28} aria-hidden />} />
        <Card withBorder data-testid="submission-result">
          <Stack gap="sm">
            <Group gap="xs">
              <IconCircleCheck color="var(--mantine-color-green-7)" aria-hidden />
              <Title order={2} size="h4">
                {t('procedures.submit.doneTitle')}
              </Title>
            </Group>
            <Text>{t('procedures.submit.doneText')}</Text>
            <Text size="sm">
              {t('procedures.fields.trackingSecret')}:{' '}
              <Text span ff="monospace" fw={700}>
                {done.trackingSecret}
              </Text>
            </Text>
            <Group>
              <Button component={Link} to={`/procedures/dossiers/${done.id}`}>
                {t('procedures.submit.openDossier')}
              </Button>
              <Button component={Link} to="/procedures/dossiers" variant="default">
                {t('procedures.submit.toList')}
              </Button>
            </Group>
          </Stack>
        </Card>
      </>
    );
  }

  const send = () => {
    if (!p) {
      setErrors({ procedureCode: t('procedures.submit.pickProcedure') });
      return;
    }
    const next: Record<string, string> = {};
    if (applicant.returnMethod === 'post' && !applicant.returnAddress.trim())
      next.returnAddress = t('procedures.counter.returnAddressRequired');
    for (const d of missing) next[`documents.${d.key}`] = t('procedures.submit.fileMissing');
    const parsed = SubmitDossierInput.safeParse({
      procedureCode: p.code,
      ...applicantBody(applicant),
      documents: p.documents
        .filter((d) => files[d.key])
        .map((d) => ({ documentKey: d.key, originals: 0, copies: 0, fileId: files[d.key]!.id })),
    });
    if (!parsed.success)
      Object.assign(
        next,
        issuesByPath(parsed.error, language, () => t('procedures.invalidValue')),
      );
    setErrors(next);
    if (Object.values(next).some(Boolean) || !parsed.success) return;
    submit.mutate(parsed.data, {
      onSuccess: (r) => setDone({ id: r.id, trackingSecret: r.trackingSecret }),
      onError: (e) => setErrors(apiIssuesByPath(e)),
    });
  };

  return (
    <>
      <PageHeader
        title={t('procedures.submit.title')}
        description={t('procedures.submit.description')}
        icon={<IconSend size={28} aria-hidden />}
      />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          send();
        }}
      >
        <Stack gap="md">
          <Card withBorder>
            <ProcedurePicker
              value={code}
              onChange={(c) => {
                setCode(c);
                setFiles({});
              }}
              onlineOnly
              error={errors.procedureCode}
            />
            {p && (
              <Text size="sm" mt="xs" c="dimmed">
                {t('procedures.counter.timeLimit', { count: p.timeLimitDays })} ·{' '}
                {t(`procedures.onlineLevel.${p.onlineLevel}`)}
              </Text>
            )}
          </Card>
          {p && (
            <>
              <Section title={t('procedures.counter.applicant')}>
                <ApplicantFields value={applicant} onChange={setApplicant} errors={errors} />
              </Section>
              <Section title={t('procedures.submit.documents')}>
                <Stack gap="md">
                  {p.documents.map((d) => (
                    <div key={d.key}>
                      <FileUpload
                        label={language === 'vi' ? d.nameVi : d.nameEn}
                        required={d.required}
                        value={files[d.key] ?? null}
                        onChange={(f) => {
                          setFiles((x) => ({ ...x, [d.key]: f }));
                          setErrors((e) => ({ ...e, [`documents.${d.key}`]: '' }));
                        }}
                        error={errors[`documents.${d.key}`] || undefined}
                      />
                      {!d.required && (
                        <Badge size="xs" variant="light" color="gray">
                          {t('procedures.optional')}
                        </Badge>
                      )}
                    </div>
                  ))}
                </Stack>
                {missing.length > 0 && (
                  <Alert color="orange" variant="light" mt="sm">
                    <Text size="sm">{t('procedures.submit.stillMissing', { count: missing.length })}</Text>
                    <List size="sm">
                      {missing.map((d) => (
                        <List.Item key={d.key}>{language === 'vi' ? d.nameVi : d.nameEn}</List.Item>
                      ))}
                    </List>
                  </Alert>
                )}
              </Section>
              <FormErrorAlert error={submit.error} />
              <Group justify="flex-end">
                <Button
                  type="submit"
                  size="md"
                  loading={submit.isPending}
                  leftSection={<IconSend size={16} aria-hidden />}
                >
                  {t('procedures.submit.send')}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </form>
    </>
  );
}
