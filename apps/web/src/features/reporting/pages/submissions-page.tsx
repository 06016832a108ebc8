import {
  Anchor,
  Button,
  Card,
  Checkbox,
  FileInput,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport, IconInbox } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { PageHeader } from '../../../components/page-header';
import { Pager } from '../../../components/pager';
import { QueryError } from '../../../components/query-error';
import { buildUrl } from '../../../lib/api-client';
import { hasPermission } from '../../../lib/permissions';
import { useCurrentUser } from '../../auth/current-user';
import { EnterpriseSelect } from '../../registry/components/pickers';
import { SectionCard } from '../../registry/components/section-card';
import { type Submission, useForms, useImportReports, useReview, useSubmissions } from '../api';
import { ReportStatusBadge, TimelinessBadge } from '../components/status-badge';

const STATUSES = ['submitted', 'accepted', 'returned', 'draft'] as const;

/** Staff: the reports received, to accept or return, and the import of paper reports. */
export function SubmissionsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const forms = useForms();
  const [formId, setFormId] = useState('');
  const [periodId, setPeriodId] = useState('');
  const [status, setStatus] = useState('submitted');
  const [enterpriseId, setEnterpriseId] = useState('');
  const [page, setPage] = useState(1);
  const list = useSubmissions({ formId, periodId, status, page, enterpriseId });
  const review = useReview();
  const [returning, setReturning] = useState<Submission | null>(null);
  const [comment, setComment] = useState('');
  const canReview = hasPermission(user, 'reporting.submission.review');
  const canImport = hasPermission(user, 'reporting.import');
  const formOptions = (forms.data?.items ?? []).map((f) => ({
    value: f.id,
    label: `${f.code} — ${f.nameVi}`,
  }));

  const accept = (s: Submission) =>
    review.mutate(
      { submissionId: s.id, action: 'accept' },
      {
        onSuccess: () => notifications.show({ color: 'green', message: t('reporting.submissions.accepted') }),
      },
    );
  const sendBack = () =>
    returning &&
    review.mutate(
      { submissionId: returning.id, action: 'return', comment },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('reporting.submissions.returned') });
          setReturning(null);
          setComment('');
        },
      },
    );

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('reporting.submissions.title')}
        description={t('reporting.submissions.description')}
        icon={<IconInbox size={28} aria-hidden />}
      />
      <Card withBorder>
        <Group grow align="flex-end" wrap="wrap">
          <Select
            label={t('reporting.common.form')}
            data={formOptions}
            value={formId || null}
            onChange={(v) => setFormId(v ?? '')}
            clearable
          />
          <TextInput
            label={t('reporting.common.period')}
            placeholder="2026M10"
            value={periodId}
            onChange={(e) => setPeriodId(e.currentTarget.value.trim().toUpperCase())}
          />
          <EnterpriseSelect
            label={t('reporting.common.enterprise')}
            value={enterpriseId}
            onChange={(v) => {
              setEnterpriseId(v);
              setPage(1);
            }}
          />
          <Select
            label={t('reporting.common.status')}
            data={STATUSES.map((s) => ({ value: s, label: t(`reporting.status.${s}`) }))}
            value={status || null}
            onChange={(v) => setStatus(v ?? '')}
            clearable
          />
        </Group>
      </Card>
      {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      <FormErrorAlert error={review.error} />
      {list.data && (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reporting.common.enterprise')}</Table.Th>
                  <Table.Th>{t('reporting.common.form')}</Table.Th>
                  <Table.Th>{t('reporting.common.period')}</Table.Th>
                  <Table.Th>{t('reporting.common.status')}</Table.Th>
                  <Table.Th>{t('reporting.submissions.lastSource')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={6}>
                      <Text c="dimmed">{t('reporting.submissions.empty')}</Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {list.data.items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/reporting/forms/${s.formId}/reports/${s.enterpriseId}/${s.periodId}`}
                        size="sm"
                      >
                        {s.enterpriseName}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {s.taxCode}
                      </Text>
                    </Table.Td>
                    <Table.Td>{s.formCode}</Table.Td>
                    <Table.Td>{s.periodId}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <ReportStatusBadge status={s.status} />
                        <TimelinessBadge onTime={s.onTime} />
                      </Group>
                    </Table.Td>
                    <Table.Td>{s.lastSource ? t(`reporting.entry.sources.${s.lastSource}`) : '—'}</Table.Td>
                    <Table.Td>
                      {canReview && (s.status === 'submitted' || s.status === 'accepted') && (
                        <Group gap="xs" wrap="nowrap">
                          {s.status === 'submitted' && (
                            <Button
                              size="compact-sm"
                              variant="light"
                              color="green"
                              onClick={() => accept(s)}
                              loading={review.isPending}
                            >
                              {t('reporting.submissions.accept')}
                            </Button>
                          )}
                          <Button
                            size="compact-sm"
                            variant="light"
                            color="orange"
                            onClick={() => setReturning(s)}
                          >
                            {t('reporting.submissions.return')}
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager page={page} pageSize={list.data.pageSize} total={list.data.total} onChange={setPage} />
        </Card>
      )}
      {canImport && <ImportCard formOptions={formOptions} />}
      <Modal
        opened={returning !== null}
        onClose={() => setReturning(null)}
        title={t('reporting.submissions.returnTitle')}
      >
        <Stack>
          <Text size="sm">
            {returning?.enterpriseName} — {returning?.periodId}
          </Text>
          <Textarea
            label={t('reporting.submissions.comment')}
            placeholder={t('reporting.submissions.commentPlaceholder')}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            autosize
            minRows={3}
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setReturning(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="orange"
              onClick={sendBack}
              loading={review.isPending}
              disabled={comment.trim().length < 3}
            >
              {t('reporting.submissions.return')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function ImportCard({ formOptions }: { formOptions: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const [formId, setFormId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const upload = useImportReports(formId);
  const result = upload.data;
  return (
    <SectionCard title={t('reporting.import.title')}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('reporting.import.description')}
        </Text>
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t('reporting.common.form')}
            data={formOptions}
            value={formId || null}
            onChange={(v) => setFormId(v ?? '')}
            w={320}
          />
          {formId && (
            <>
              <Button
                component="a"
                variant="default"
                href={buildUrl(`/api/reporting/forms/${formId}/import-template`, { format: 'xlsx' })}
                download
              >
                {t('reporting.import.template')} (XLSX)
              </Button>
              <Button
                component="a"
                variant="default"
                href={buildUrl(`/api/reporting/forms/${formId}/import-template`, { format: 'csv' })}
                download
              >
                CSV
              </Button>
            </>
          )}
        </Group>
        <Group align="flex-end" wrap="wrap">
          <FileInput
            label={t('reporting.import.file')}
            value={file}
            onChange={setFile}
            accept=".xlsx,.csv"
            w={320}
            clearable
          />
          <Checkbox
            label={t('reporting.import.dryRun')}
            checked={dryRun}
            onChange={(e) => setDryRun(e.currentTarget.checked)}
          />
          <Button
            leftSection={<IconFileImport size={18} aria-hidden />}
            disabled={!formId || !file}
            loading={upload.isPending}
            onClick={() => file && upload.mutate({ file, dryRun })}
          >
            {t('reporting.import.run')}
          </Button>
        </Group>
        <FormErrorAlert error={upload.error} />
        {result && (
          <Text fw={600} c={result.accepted ? 'green' : 'red'} role="status">
            {result.accepted
              ? result.dryRun
                ? t('reporting.import.checked', { submissions: result.submissions })
                : t('reporting.import.accepted', { submissions: result.submissions, values: result.values })
              : t('reporting.import.refused', { count: result.problems.length })}
          </Text>
        )}
        {result && result.problems.length + result.warnings.length > 0 && (
          <Table striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reporting.import.row')}</Table.Th>
                <Table.Th>{t('reporting.import.column')}</Table.Th>
                <Table.Th>{t('reporting.import.message')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...result.problems, ...result.warnings].slice(0, 200).map((p, i) => (
                <Table.Tr key={`${p.row}-${p.column}-${p.message}`}>
                  <Table.Td>{p.row}</Table.Td>
                  <Table.Td>{p.column ?? '—'}</Table.Td>
                  <Table.Td c={i < result.problems.length ? 'red' : 'yellow.8'}>{p.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </SectionCard>
  );
}
