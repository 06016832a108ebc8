import {
  type AppointmentView,
  CounterIntakeInput,
  type DossierView,
  type ProcedureView,
  type StoredFileView,
} from '@heza/shared/procedures';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  NumberInput,
  Radio,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconBuildingBank, IconCircleCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { PageHeader } from '../../../components/page-header';
import { currentLanguage } from '../../../i18n';
import { api } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { formatIsoDate } from '../../../lib/format-number';
import { useCurrentUser } from '../../auth/current-user';
import { proceduresKey, useCounterIntake, useProcedure } from '../api';
import {
  type ApplicantDraft,
  ApplicantFields,
  applicantBody,
  emptyApplicant,
} from '../components/applicant-fields';
import { DossierStatusBadge } from '../components/badges';
import { FileUpload } from '../components/file-upload';
import { FormLinks } from '../components/form-links';
import { ProcedurePicker } from '../components/procedure-picker';
import { Section } from '../components/section';
import { isOneStop, missingAtCounter, type PaperCount } from '../lib/dossier';
import { apiIssuesByPath, issuesByPath } from '../lib/issues';

type Decision = 'receive' | 'request_supplement' | 'reject';
interface Row extends PaperCount {
  received: boolean;
  file: StoredFileView | null;
}

/** "/procedures/counter": intake at the one-stop counter (receive, ask for a supplement, or refuse). */
export function CounterPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [code, setCode] = useState<string | null>(null);
  const procedure = useProcedure(code);
  const [result, setResult] = useState<DossierView | null>(null);
  const [round, setRound] = useState(0);
  return (
    <>
      <PageHeader
        title={t('procedures.counter.title')}
        description={t('procedures.counter.description')}
        icon={<IconBuildingBank size={28} aria-hidden />}
      />
      {!isOneStop(user) && (
        <Alert color="yellow" variant="light" mb="md">
          {t('procedures.counter.notOneStop')}
        </Alert>
      )}
      {result ? (
        <IntakeResult
          d={result}
          onNext={() => {
            setResult(null);
            setCode(null);
            setRound((r) => r + 1);
          }}
        />
      ) : (
        <Stack gap="md">
          <Card withBorder>
            <ProcedurePicker value={code} onChange={setCode} />
          </Card>
          {procedure.data && (
            <CounterForm key={`${procedure.data.id}-${round}`} p={procedure.data} onDone={setResult} />
          )}
        </Stack>
      )}
    </>
  );
}

function AppointmentPreview({ code }: { code: string }) {
  const { t } = useTranslation();
  const appt = useQuery({
    queryKey: [...proceduresKey, 'appointment', code],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof AppointmentView>>(
        `/api/procedures/catalogue/${encodeURIComponent(code)}/appointment`,
        {},
        signal,
      ),
    refetchInterval: 60_000,
  });
  if (!appt.data) return null;
  return (
    <Text size="sm" data-testid="appointment-preview">
      {t('procedures.counter.appointmentPreview', {
        due: formatDateTime(appt.data.dueAt),
        from: formatIsoDate(appt.data.countingFrom),
        days: appt.data.timeLimitDays,
      })}
    </Text>
  );
}

function CounterForm({ p, onDone }: { p: ProcedureView; onDone: (d: DossierView) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const intake = useCounterIntake();
  const [applicant, setApplicant] = useState<ApplicantDraft>(emptyApplicant());
  const [rows, setRows] = useState<Record<string, Row>>(() =>
    Object.fromEntries(
      p.documents.map((d) => [d.key, { received: false, originals: 0, copies: 0, file: null }]),
    ),
  );
  const missing = missingAtCounter(
    p.documents,
    Object.fromEntries(Object.entries(rows).map(([k, r]) => [k, { ...r, fileId: r.file?.id }])),
  );
  const [decision, setDecision] = useState<Decision | null>(null);
  const effective: Decision = decision ?? (missing.length ? 'request_supplement' : 'receive');
  const [reason, setReason] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const setRow = (key: string, patch: Partial<Row>) =>
    setRows((r) => ({ ...r, [key]: { ...r[key]!, ...patch } }));

  const submit = () => {
    const next: Record<string, string> = {};
    if (applicant.returnMethod === 'post' && !applicant.returnAddress.trim())
      next.returnAddress = t('procedures.counter.returnAddressRequired');
    if (effective === 'receive' && missing.length) next.decision = t('procedures.counter.cannotReceive');
    const documents = p.documents
      .map((d) => ({ d, r: rows[d.key]! }))
      .filter(({ r }) => r.file || r.originals + r.copies > 0)
      .map(({ d, r }) => ({
        documentKey: d.key,
        originals: r.originals,
        copies: r.copies,
        fileId: r.file?.id ?? null,
      }));
    const body = {
      procedureCode: p.code,
      ...applicantBody(applicant),
      documents,
      channel: 'counter' as const,
      decision: effective,
      supplement:
        effective === 'request_supplement'
          ? { reason: reason || t('procedures.counter.defaultSupplementReason'), legalBasis, items: [] }
          : undefined,
      rejection: effective === 'reject' ? { reason, legalBasis } : undefined,
    };
    const parsed = CounterIntakeInput.safeParse(body);
    const found = parsed.success
      ? {}
      : issuesByPath(parsed.error, language, () => t('procedures.invalidValue'));
    if (found['rejection.reason']) found.reason = found['rejection.reason'];
    Object.assign(next, found);
    setErrors(next);
    if (Object.values(next).some(Boolean) || !parsed.success) return;
    intake.mutate(parsed.data, { onSuccess: onDone, onError: (e) => setErrors(apiIssuesByPath(e)) });
  };
  const otherErrors = Object.entries(errors).filter(
    ([k, m]) =>
      m && !['subject', 'returnAddress', 'reason', 'decision'].includes(k) && !k.startsWith('applicant.'),
  );

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        <Section title={t('procedures.counter.procedureInfo')}>
          <Text size="sm">
            {t('procedures.counter.timeLimit', { count: p.timeLimitDays })} ·{' '}
            {t(`procedures.onlineLevel.${p.onlineLevel}`)}
            {p.cutoff && ` · ${t('procedures.counter.cutoff', { cutoff: p.cutoff })}`}
          </Text>
          <AppointmentPreview code={p.code} />
          <Anchor
            component={Link}
            to={`/procedures/catalogue/${encodeURIComponent(p.code)}`}
            size="sm"
            target="_blank"
          >
            {t('procedures.counter.openCatalogue')}
          </Anchor>
        </Section>
        <Section title={t('procedures.counter.applicant')}>
          <ApplicantFields value={applicant} onChange={setApplicant} errors={errors} />
        </Section>
        <Section title={t('procedures.counter.documents')}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('procedures.fields.document')}</Table.Th>
                <Table.Th scope="col">{t('procedures.counter.needed')}</Table.Th>
                <Table.Th scope="col">{t('procedures.counter.received')}</Table.Th>
                <Table.Th scope="col">{t('procedures.fields.originals')}</Table.Th>
                <Table.Th scope="col">{t('procedures.fields.copies')}</Table.Th>
                <Table.Th scope="col">{t('procedures.fields.file')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.documents.map((d) => {
                const r = rows[d.key]!;
                const docName = language === 'vi' ? d.nameVi : d.nameEn;
                return (
                  <Table.Tr key={d.key} data-testid={`doc-${d.key}`}>
                    <Table.Td>
                      {docName}
                      {!d.required && (
                        <Badge size="xs" variant="light" color="gray" ml={6}>
                          {t('procedures.optional')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {t('procedures.counter.neededCount', { originals: d.originals, copies: d.copies })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Checkbox
                        aria-label={t('procedures.counter.receivedOf', { name: docName })}
                        checked={r.received}
                        onChange={(e) => {
                          const on = e.currentTarget.checked;
                          setRow(
                            d.key,
                            on
                              ? { received: true, originals: d.originals, copies: d.copies }
                              : { received: false, originals: 0, copies: 0 },
                          );
                        }}
                      />
                    </Table.Td>
                    <Table.Td w={90}>
                      <NumberInput
                        aria-label={t('procedures.counter.originalsOf', { name: docName })}
                        value={r.originals}
                        min={0}
                        max={50}
                        allowDecimal={false}
                        onChange={(v) => setRow(d.key, { originals: Number(v) || 0, received: true })}
                      />
                    </Table.Td>
                    <Table.Td w={90}>
                      <NumberInput
                        aria-label={t('procedures.counter.copiesOf', { name: docName })}
                        value={r.copies}
                        min={0}
                        max={50}
                        allowDecimal={false}
                        onChange={(v) => setRow(d.key, { copies: Number(v) || 0, received: true })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <FileUpload
                        label={t('procedures.counter.scanOf', { name: docName })}
                        value={r.file}
                        onChange={(file) => setRow(d.key, { file })}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {missing.length === 0 ? (
            <Alert
              color="green"
              variant="light"
              mt="sm"
              icon={<IconCircleCheck aria-hidden />}
              data-testid="completeness"
            >
              {t('procedures.counter.complete')}
            </Alert>
          ) : (
            <Alert color="orange" variant="light" mt="sm" data-testid="completeness">
              <Text size="sm" fw={500}>
                {t('procedures.counter.missing', { count: missing.length })}
              </Text>
              <List size="sm">
                {missing.map((d) => (
                  <List.Item key={d.key}>
                    {language === 'vi' ? d.nameVi : d.nameEn} (
                    {t('procedures.counter.neededCount', { originals: d.originals, copies: d.copies })})
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
        </Section>
        <Section title={t('procedures.counter.decision')}>
          <Radio.Group
            value={effective}
            onChange={(v) => setDecision(v as Decision)}
            label={t('procedures.counter.decisionLabel')}
            error={errors.decision}
          >
            <Stack gap="xs" mt="xs">
              <Radio
                value="receive"
                label={t('procedures.counter.decisionReceive')}
                disabled={missing.length > 0}
              />
              <Radio value="request_supplement" label={t('procedures.counter.decisionSupplement')} />
              <Radio value="reject" label={t('procedures.counter.decisionReject')} />
            </Stack>
          </Radio.Group>
          {effective !== 'receive' && (
            <Stack gap="xs" mt="sm">
              <Textarea
                label={
                  effective === 'reject'
                    ? t('procedures.fields.rejectReason')
                    : t('procedures.fields.supplementReason')
                }
                description={
                  effective === 'request_supplement' ? t('procedures.counter.supplementHelp') : undefined
                }
                placeholder={
                  effective === 'request_supplement'
                    ? t('procedures.counter.defaultSupplementReason')
                    : undefined
                }
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={errors.reason}
                required={effective === 'reject'}
                autosize
                minRows={2}
                maxLength={2000}
              />
              <Textarea
                label={t('procedures.fields.legalBasis')}
                value={legalBasis}
                onChange={(e) => setLegalBasis(e.currentTarget.value)}
                autosize
                maxLength={1000}
              />
            </Stack>
          )}
        </Section>
        <FormErrorAlert
          error={intake.error}
          otherErrors={otherErrors.map(([field, message]) => ({ field, message }))}
        />
        {otherErrors.length > 0 && !intake.error && (
          <Alert color="red" variant="light" role="alert">
            {otherErrors.map(([k, m]) => (
              <Text key={k} size="sm">
                {m}
              </Text>
            ))}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button
            type="submit"
            size="md"
            loading={intake.isPending}
            color={effective === 'reject' ? 'red' : undefined}
          >
            {t(`procedures.counter.submit.${effective}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function IntakeResult({ d, onNext }: { d: DossierView; onNext: () => void }) {
  const { t } = useTranslation();
  const supplement = d.supplements.at(-1);
  return (
    <Card withBorder data-testid="intake-result">
      <Stack gap="sm">
        <Group gap="sm">
          <Title order={2} size="h4">
            {d.status === 'received'
              ? t('procedures.counter.resultReceived')
              : d.status === 'intake_supplement'
                ? t('procedures.counter.resultSupplement')
                : t('procedures.counter.resultRejected')}
          </Title>
          <DossierStatusBadge status={d.status} />
        </Group>
        {d.code && (
          <Text>
            {t('procedures.fields.dossierCode')}:{' '}
            <Text span ff="monospace" fw={700} data-testid="result-code">
              {d.code}
            </Text>
          </Text>
        )}
        {d.dueAt && (
          <Text>
            {t('procedures.counter.appointment')}:{' '}
            <Text span fw={700} data-testid="result-appointment">
              {formatDateTime(d.dueAt)}
            </Text>
          </Text>
        )}
        <Text size="sm">
          {t('procedures.fields.trackingSecret')}:{' '}
          <Text span ff="monospace" fw={700}>
            {d.trackingSecret}
          </Text>
        </Text>
        {supplement && d.status === 'intake_supplement' && (
          <div data-testid="supplement-items">
            <Text size="sm" fw={500}>
              {t('procedures.counter.supplementList')}
            </Text>
            <List size="sm">
              {supplement.items.map((i) => (
                <List.Item key={`${i.documentKey ?? ''}${i.name}`}>
                  {i.name} — {i.reason}
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {d.status === 'received' && <FormLinks id={d.id} form="01" />}
        {d.status === 'intake_supplement' && <FormLinks id={d.id} form="02" />}
        {d.status === 'rejected' && <FormLinks id={d.id} form="03" />}
        <Group>
          <Button component={Link} to={`/procedures/dossiers/${d.id}`} variant="light">
            {t('procedures.counter.openDossier')}
          </Button>
          <Button variant="default" onClick={onNext}>
            {t('procedures.counter.next')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
