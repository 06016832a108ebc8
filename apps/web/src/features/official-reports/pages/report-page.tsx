import type { ConsistencyFinding, ReportContent, ReportView } from '@heza/shared/official-reports';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  Modal,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconDownload, IconFileDescription } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { formatIsoDate } from '../../../lib/format-number';
import {
  documentUrl,
  useConsistency,
  useCreateReport,
  useReport,
  useReportFigures,
  useUpdateReport,
  useWorkflow,
  type WorkflowStep,
} from '../api';
import { ContentEditor, type ContentErrors } from '../components/content-editor';
import { FigureDrawer } from '../components/figure-drawer';
import { ReportPreview } from '../components/report-preview';
import { ReportStatusBadge } from '../components/status-badge';

/** Every field error of a failed save, by its full path ("content.body.3.pattern"). */
function fieldPaths(error: unknown): ContentErrors {
  const out: ContentErrors = {};
  if (isApiError(error)) for (const e of error.fieldErrors) out[e.field] ??= e.message;
  return out;
}

/** Replaces the first occurrence of a typed number in one paragraph of a narrative block. */
function applyFinding(content: ReportContent, f: ConsistencyFinding): ReportContent {
  return {
    ...content,
    body: content.body.map((item) => {
      if (item.kind !== 'narrative' || item.id !== f.itemId) return item;
      let seen = -1;
      const lines = item.text.split('\n').map((line) => {
        if (!line.trim()) return line;
        seen++;
        return seen === f.paragraph ? line.replace(f.typed, f.computed) : line;
      });
      return { ...item, text: lines.join('\n') };
    }),
  };
}

/**
 * "/official-reports/:id": one report — its content (a draft is edited here; narrative text first), the
 * preview with every figure clickable to its records, the figures (missing ones, changes since the draft),
 * the consistency check, the workflow buttons the user's role allows, and the DOCX/PDF downloads.
 */
export function ReportPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const report = useReport(id);
  if (report.isError) return <QueryError error={report.error} onRetry={() => report.refetch()} />;
  if (!report.data) return <Loader aria-label={t('officialReports.loading')} />;
  return <ReportEditor key={report.data.id} report={report.data} />;
}

function ReportEditor({ report }: { report: ReportView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const editable = report.allowedActions.includes('edit');
  const [content, setContent] = useState<ReportContent>(report.content);
  const [dataAsOf, setDataAsOf] = useState(report.dataAsOf ?? '');
  const [structure, setStructure] = useState(false);
  const [tab, setTab] = useState<string | null>('content');
  const [figure, setFigure] = useState<string | null>(null);
  const [step, setStep] = useState<WorkflowStep | null>(null);
  const save = useUpdateReport(report.id);
  const correct = useCreateReport();
  const dirty =
    JSON.stringify(content) !== JSON.stringify(report.content) || (dataAsOf || null) !== report.dataAsOf;
  const figures = useReportFigures(
    report.id,
    tab === 'figures' || report.status === 'submitted' || report.status === 'approved',
  );
  const consistency = useConsistency(report.id, tab === 'consistency' || step === 'issue');

  // A new version from the server (after a save or a workflow step) becomes the text being edited.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the stored version changes
  useEffect(() => {
    setContent(report.content);
    setDataAsOf(report.dataAsOf ?? '');
  }, [report.version]);

  // Leaving with unsaved text loses it: the browser asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const changed = figures.data?.changedSinceDraft ?? [];
  return (
    <>
      <PageHeader
        title={report.title}
        icon={<IconFileDescription size={28} aria-hidden />}
        description={
          <Group gap="xs" component="span">
            <ReportStatusBadge status={report.status} />
            <span>{report.templateName}</span>
            <span>· {report.periodLabel}</span>
            {report.numberText && (
              <span>
                ·{' '}
                {t('officialReports.editor.number', {
                  number: report.numberText,
                  date: formatIsoDate(report.issuedDate),
                })}
              </span>
            )}
          </Group>
        }
        actions={
          <>
            <Button
              component="a"
              href={documentUrl(report.id, 'docx')}
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              DOCX
            </Button>
            <Button
              component="a"
              href={documentUrl(report.id, 'pdf')}
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              PDF
            </Button>
            {report.allowedActions
              .filter((a): a is WorkflowStep => a !== 'edit' && a !== 'correct')
              .map((a) => (
                <Button
                  key={a}
                  color={a === 'return' ? 'orange' : undefined}
                  variant={a === 'return' ? 'light' : 'filled'}
                  onClick={() => setStep(a)}
                  disabled={dirty}
                >
                  {t(`officialReports.workflow.${a}`)}
                </Button>
              ))}
            {report.allowedActions.includes('correct') && (
              <Button
                variant="light"
                loading={correct.isPending}
                onClick={() =>
                  correct.mutate(
                    {
                      templateCode: report.templateCode,
                      periodId: report.periodId,
                      dataAsOf: report.dataAsOf,
                      correctsReportId: report.id,
                    },
                    { onSuccess: (r) => navigate(`/official-reports/${r.id}`) },
                  )
                }
              >
                {t('officialReports.workflow.correct')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="sm" mb="md">
        <FormErrorAlert error={correct.error} />
        {report.status === 'draft' && report.reviewComment && (
          <Alert
            color="orange"
            title={t('officialReports.editor.returned', {
              by: report.returned?.by ?? '',
              at: formatDateTime(report.returned?.at),
            })}
          >
            {report.reviewComment}
          </Alert>
        )}
        {report.correctsReportId && (
          <Alert color="blue">
            <Anchor component={Link} to={`/official-reports/${report.correctsReportId}`}>
              {t('officialReports.editor.correctionOf')}
            </Anchor>
          </Alert>
        )}
        {(report.status === 'issued' || report.status === 'published') && (
          <Alert color="green">
            {t('officialReports.editor.immutable', {
              by: report.issued?.by ?? '',
              sha: report.docxSha256?.slice(0, 12) ?? '',
            })}
          </Alert>
        )}
        {changed.length > 0 && (
          <Alert color="yellow" title={t('officialReports.figures.changedTitle')}>
            {changed.map((c) => `${c.label}: ${c.before ?? '—'} → ${c.after ?? '—'}`).join('; ')}
          </Alert>
        )}
      </Stack>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="content">{t('officialReports.editor.tabs.content')}</Tabs.Tab>
          <Tabs.Tab value="preview">{t('officialReports.editor.tabs.preview')}</Tabs.Tab>
          <Tabs.Tab value="figures">{t('officialReports.editor.tabs.figures')}</Tabs.Tab>
          <Tabs.Tab value="consistency">{t('officialReports.editor.tabs.consistency')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="content">
          <Stack gap="md">
            <Card withBorder>
              <Group align="flex-end" gap="md" wrap="wrap">
                <TextInput
                  type="date"
                  label={t('officialReports.create.dataAsOf')}
                  description={t('officialReports.create.dataAsOfHint')}
                  value={dataAsOf}
                  onChange={(e) => setDataAsOf(e.currentTarget.value)}
                  readOnly={!editable}
                  w={260}
                />
                {editable && (
                  <Switch
                    label={t('officialReports.editor.structure')}
                    description={t('officialReports.editor.structureHint')}
                    checked={structure}
                    onChange={(e) => setStructure(e.currentTarget.checked)}
                  />
                )}
                {editable && (
                  <Button
                    disabled={!dirty}
                    loading={save.isPending}
                    onClick={() =>
                      save.mutate({ version: report.version, content, dataAsOf: dataAsOf || null })
                    }
                  >
                    {t('officialReports.editor.save')}
                  </Button>
                )}
              </Group>
              {save.isSuccess && !dirty && (
                <Text size="sm" c="teal" mt="xs" role="status">
                  {t('officialReports.editor.saved')}
                </Text>
              )}
            </Card>
            <FormErrorAlert error={save.error} />
            <ContentEditor
              value={content}
              onChange={setContent}
              readOnly={!editable}
              narrativeOnly={!structure}
              errors={fieldPaths(save.error)}
            />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="preview">
          {dirty && (
            <Alert color="yellow" mb="sm">
              {t('officialReports.preview.unsaved')}
            </Alert>
          )}
          <ReportPreview reportId={report.id} onFigure={setFigure} />
        </Tabs.Panel>
        <Tabs.Panel value="figures">
          {figures.isError && <QueryError error={figures.error} onRetry={() => figures.refetch()} />}
          {!figures.data && !figures.isError && <Loader aria-label={t('officialReports.loading')} />}
          {figures.data && (
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t(figures.data.frozen ? 'officialReports.figures.frozen' : 'officialReports.figures.live', {
                  date: formatIsoDate(figures.data.knownAt),
                })}
              </Text>
              {figures.data.missing.length > 0 && (
                <Alert color="red" title={t('officialReports.figures.missingTitle')}>
                  {figures.data.missing.map((m) => `${m.label} (${m.itemId})`).join('; ')}
                </Alert>
              )}
              <Table striped highlightOnHover>
                <Table.Caption>{t('officialReports.figures.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('officialReports.figures.figure')}</Table.Th>
                    <Table.Th scope="col" style={{ textAlign: 'right' }}>
                      {t('officialReports.figures.value')}
                    </Table.Th>
                    <Table.Th scope="col">{t('officialReports.figures.notes')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {figures.data.figures.map((f) => (
                    <Table.Tr key={f.key}>
                      <Table.Td>
                        <Anchor component="button" type="button" onClick={() => setFigure(f.key)}>
                          {f.label}
                        </Anchor>
                        <Text size="xs" c="dimmed">{`{${f.key}}`}</Text>
                      </Table.Td>
                      <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                        {f.display ?? <Badge color="red">{t('officialReports.figures.missing')}</Badge>}{' '}
                        {f.display && f.unit}
                        {f.estimate && (
                          <Badge ml={6} size="xs" color="yellow">
                            {t('officialReports.figures.estimate')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">{f.notes.join(' ')}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="consistency">
          {consistency.isError && (
            <QueryError error={consistency.error} onRetry={() => consistency.refetch()} />
          )}
          {!consistency.data && !consistency.isError && <Loader aria-label={t('officialReports.loading')} />}
          {consistency.data && consistency.data.findings.length === 0 && (
            <Alert color="teal">{t('officialReports.consistency.none')}</Alert>
          )}
          {consistency.data && consistency.data.findings.length > 0 && (
            <Stack gap="sm">
              {dirty && <Alert color="yellow">{t('officialReports.consistency.unsaved')}</Alert>}
              {consistency.data.findings.map((f) => (
                <Card key={`${f.itemId}-${f.paragraph}-${f.typed}`} withBorder>
                  <Text size="sm">{f.excerpt}</Text>
                  <Group mt="xs" gap="sm">
                    <Text size="sm">
                      {t('officialReports.consistency.finding', {
                        typed: f.typed,
                        computed: f.computed,
                        figure: f.figureLabel,
                      })}
                    </Text>
                    {editable && (
                      <Button size="xs" variant="light" onClick={() => setContent((c) => applyFinding(c, f))}>
                        {t('officialReports.consistency.apply')}
                      </Button>
                    )}
                  </Group>
                </Card>
              ))}
            </Stack>
          )}
        </Tabs.Panel>
      </Tabs>
      <FigureDrawer reportId={report.id} figureKey={figure} onClose={() => setFigure(null)} />
      {step && (
        <WorkflowModal
          report={report}
          step={step}
          findings={consistency.data?.findings ?? []}
          onClose={() => setStep(null)}
        />
      )}
    </>
  );
}

function WorkflowModal({
  report,
  step,
  findings,
  onClose,
}: {
  report: ReportView;
  step: WorkflowStep;
  findings: ConsistencyFinding[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const run = useWorkflow(report.id);
  const [comment, setComment] = useState('');
  const [issuedDate, setIssuedDate] = useState('');
  const [acknowledge, setAcknowledge] = useState(false);
  const details = isApiError(run.error) ? run.error.fieldErrors : [];
  return (
    <Modal opened onClose={onClose} title={t(`officialReports.workflow.${step}`)} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          run.mutate(
            {
              step,
              input: {
                version: report.version,
                ...(step === 'return' && { comment }),
                ...(step === 'issue' && issuedDate && { issuedDate }),
                ...(step === 'issue' && acknowledge && { acknowledgeConsistency: true }),
              },
            },
            { onSuccess: onClose },
          );
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t(`officialReports.workflow.confirm.${step}`)}</Text>
          <FormErrorAlert error={run.error} otherErrors={details} />
          {step === 'return' && (
            <Textarea
              label={t('officialReports.workflow.comment')}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              required
              autosize
              minRows={3}
            />
          )}
          {step === 'issue' && (
            <>
              <TextInput
                type="date"
                label={t('officialReports.workflow.issueDate')}
                description={t('officialReports.workflow.issueDateHint')}
                value={issuedDate}
                onChange={(e) => setIssuedDate(e.currentTarget.value)}
                w={260}
              />
              {findings.length > 0 && (
                <Checkbox
                  color="orange"
                  label={t('officialReports.workflow.acknowledge', { count: findings.length })}
                  checked={acknowledge}
                  onChange={(e) => setAcknowledge(e.currentTarget.checked)}
                />
              )}
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={run.isPending}>
              {t(`officialReports.workflow.${step}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
