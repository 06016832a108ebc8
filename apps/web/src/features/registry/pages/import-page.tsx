import { IMPORT_ENTITIES, type ImportEntity, type ImportReport } from '@heza/shared/registry';
import {
  Alert,
  Button,
  Card,
  FileInput,
  Group,
  List,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconChecks,
  IconCircleCheck,
  IconDownload,
  IconFileImport,
  IconFileSpreadsheet,
  IconUpload,
} from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { PageHeader } from '../../../components/page-header';
import { Pager } from '../../../components/pager';
import { currentLanguage } from '../../../i18n';
import { formatNumber, formatPercent } from '../../../lib/format-number';
import { readChoice, useListParams } from '../../../lib/list-params';
import { spreadsheetFormat, templateUrl, useImportJob, useStartImport } from '../import-api';

const PROBLEMS_PAGE = 50;

function ProblemsTable({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [page, setPage] = useState(1);
  const shown = report.problems.slice((page - 1) * PROBLEMS_PAGE, page * PROBLEMS_PAGE);
  return (
    <>
      <Table.ScrollContainer minWidth={560}>
        <Table striped verticalSpacing="xs">
          <caption style={{ captionSide: 'top', textAlign: 'left', paddingBottom: 6 }}>
            <Text size="sm" fw={600} component="span">
              {t('registry.import.problemsCaption', {
                count: report.problems.length,
                n: formatNumber(report.problems.length, language),
              })}
            </Text>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={90} ta="right">
                {t('registry.import.row')}
              </Table.Th>
              <Table.Th scope="col" w={200}>
                {t('registry.import.column')}
              </Table.Th>
              <Table.Th scope="col">{t('registry.import.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((p, i) => (
              // Two problems may read the same (row, column, message): their place in the list tells them apart.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above.
              <Table.Tr key={`${p.row}:${p.column ?? ''}:${i + (page - 1) * PROBLEMS_PAGE}`}>
                <Table.Td ta="right">{p.row}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {p.column ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>{p.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {report.problems.length > PROBLEMS_PAGE && (
        <Pager page={page} pageSize={PROBLEMS_PAGE} total={report.problems.length} onChange={setPage} />
      )}
    </>
  );
}

function ReportSummary({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const n = (v: number) => formatNumber(v, language);
  const counts = {
    rows: n(report.rows),
    created: n(report.created),
    updated: n(report.updated),
    unchanged: n(report.unchanged),
  };
  if (!report.accepted)
    return (
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertTriangle aria-hidden />}
        title={t('registry.import.refusedTitle')}
      >
        {t('registry.import.refused', { count: report.problems.length, n: n(report.problems.length) })}
      </Alert>
    );
  if (report.dryRun)
    return (
      <Alert
        color="blue"
        variant="light"
        icon={<IconChecks aria-hidden />}
        title={t('registry.import.checkedTitle')}
      >
        {t('registry.import.checked', counts)}
      </Alert>
    );
  return (
    <Alert
      color="green"
      variant="light"
      icon={<IconCircleCheck aria-hidden />}
      title={t('registry.import.doneTitle')}
    >
      {t('registry.import.done', counts)}
    </Alert>
  );
}

/**
 * /registry/import — templates to download, then a file checked in full (every problem listed, nothing
 * written), then imported in one transaction with progress.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { params, update } = useListParams();
  const entity: ImportEntity = readChoice(params, 'entity', IMPORT_ENTITIES) || 'enterprises';
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [jobId, setJobId] = useState<string | null>(null);
  const [dryRunning, setDryRunning] = useState(true);
  const start = useStartImport();
  const job = useImportJob(jobId);
  const running = start.isPending || job.data?.status === 'running' || (jobId !== null && !job.data);
  const report = job.data?.status === 'done' ? job.data.report : null;
  const headingId = useId();

  const run = (dryRun: boolean) => {
    if (!file || !spreadsheetFormat(file.name)) {
      setFileError(t('registry.validation.file'));
      return;
    }
    setJobId(null);
    setDryRunning(dryRun);
    start.mutate({ entity, file, dryRun }, { onSuccess: (started) => setJobId(started.id) });
  };

  const progress = job.data && job.data.total > 0 ? (job.data.done / job.data.total) * 100 : 0;

  return (
    <>
      <PageHeader
        title={t('registry.import.title')}
        description={t('registry.import.description')}
        icon={<IconFileImport size={28} stroke={1.6} aria-hidden />}
      />
      <Stack gap="md" maw={1100}>
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={headingId}>
          <Title id={headingId} order={2} size="h4" mb="sm">
            {t('registry.import.step1')}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Select
              label={t('registry.import.entity')}
              data={IMPORT_ENTITIES.map((e) => ({ value: e, label: t(`registry.enums.importEntity.${e}`) }))}
              value={entity}
              onChange={(v) => {
                update({ entity: v ?? '' });
                setJobId(null);
                start.reset();
              }}
              allowDeselect={false}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('registry.import.templates')}
              </Text>
              <Group gap="sm">
                <Button
                  component="a"
                  href={templateUrl(entity, 'xlsx')}
                  download
                  variant="default"
                  leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
                  aria-label={t('registry.import.templateLabel', {
                    format: 'XLSX',
                    entity: t(`registry.enums.importEntity.${entity}`),
                  })}
                >
                  {t('registry.import.templateXlsx')}
                </Button>
                <Button
                  component="a"
                  href={templateUrl(entity, 'csv')}
                  download
                  variant="default"
                  leftSection={<IconDownload size={18} aria-hidden />}
                  aria-label={t('registry.import.templateLabel', {
                    format: 'CSV',
                    entity: t(`registry.enums.importEntity.${entity}`),
                  })}
                >
                  {t('registry.import.templateCsv')}
                </Button>
              </Group>
            </Stack>
          </SimpleGrid>
          <List size="sm" mt="md" spacing={4}>
            <List.Item>{t('registry.import.rule1')}</List.Item>
            <List.Item>{t('registry.import.rule2')}</List.Item>
            <List.Item>{t('registry.import.rule3')}</List.Item>
          </List>
        </Card>

        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={`${headingId}-2`}>
          <Title id={`${headingId}-2`} order={2} size="h4" mb="sm">
            {t('registry.import.step2')}
          </Title>
          <Stack gap="md">
            <FileInput
              label={t('registry.import.file')}
              description={t('registry.import.fileHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              placeholder={t('registry.import.filePlaceholder')}
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              leftSection={<IconUpload size={16} aria-hidden />}
              clearable
              value={file}
              onChange={(f) => {
                setFile(f);
                setFileError(undefined);
                setJobId(null);
                start.reset();
              }}
              error={fileError}
              aria-invalid={fileError ? true : undefined}
              name="file"
            />
            <Group gap="sm">
              <Button
                variant={report?.dryRun && report.accepted ? 'default' : 'filled'}
                leftSection={<IconChecks size={18} aria-hidden />}
                onClick={() => run(true)}
                loading={running && dryRunning}
                disabled={running && !dryRunning}
              >
                {t('registry.import.dryRun')}
              </Button>
              <Button
                variant={report?.dryRun && report.accepted ? 'filled' : 'light'}
                leftSection={<IconFileImport size={18} aria-hidden />}
                onClick={() => run(false)}
                loading={running && !dryRunning}
                disabled={running && dryRunning}
              >
                {t('registry.import.run')}
              </Button>
            </Group>
            {start.error && <FormErrorAlert error={start.error} />}
            {job.error && <FormErrorAlert error={job.error} />}
            {jobId && job.data && job.data.status === 'running' && (
              <Stack gap={4}>
                <Text size="sm" aria-live="polite">
                  {t(job.data.phase === 'write' ? 'registry.import.writing' : 'registry.import.validating', {
                    done: formatNumber(job.data.done, language),
                    total: formatNumber(job.data.total, language),
                    pct: formatPercent(progress, language, { decimals: 0 }),
                  })}
                </Text>
                <Progress
                  value={progress}
                  animated
                  size="lg"
                  aria-label={t('registry.import.progressLabel')}
                />
              </Stack>
            )}
            {job.data?.status === 'failed' && (
              <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
                {t('registry.import.failed')}
              </Alert>
            )}
            {report && (
              <Stack gap="sm" role="status">
                <ReportSummary report={report} />
                {report.problems.length > 0 && <ProblemsTable report={report} />}
              </Stack>
            )}
          </Stack>
        </Card>
      </Stack>
    </>
  );
}
