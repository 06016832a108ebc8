import type { ReportImportResult } from '@heza/shared/reporting';
import {
  Alert,
  Button,
  Card,
  FileInput,
  Group,
  List,
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
import { useSearchParams } from 'react-router';
import { FormErrorAlert } from '../../../../components/form-error-alert';
import { PageHeader } from '../../../../components/page-header';
import { Pager } from '../../../../components/pager';
import { QueryError } from '../../../../components/query-error';
import { currentLanguage } from '../../../../i18n';
import { formatNumber } from '../../../../lib/format-number';
import { useForms, useImportReports } from '../../api';
import { templateUrl } from '../api';

const PAGE = 50;

/** The format of a chosen file by its name, or null when it is neither XLSX nor CSV. */
export function fileFormat(name: string): 'xlsx' | 'csv' | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv')) return 'csv';
  return null;
}

type Problem = ReportImportResult['problems'][number];

function ProblemsTable({ problems, caption }: { problems: Problem[]; caption: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const shown = problems.slice((page - 1) * PAGE, page * PAGE);
  return (
    <>
      <Table.ScrollContainer minWidth={560}>
        <Table striped verticalSpacing="xs">
          <caption style={{ captionSide: 'top', textAlign: 'left', paddingBottom: 6 }}>
            <Text size="sm" fw={600} component="span">
              {caption}
            </Text>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={90} ta="right">
                {t('reportingAdmin.import.row')}
              </Table.Th>
              <Table.Th scope="col" w={240}>
                {t('reportingAdmin.import.column')}
              </Table.Th>
              <Table.Th scope="col">{t('reportingAdmin.import.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((p, i) => (
              // Two problems may read the same: their place in the list tells them apart.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above.
              <Table.Tr key={`${p.row}:${p.column ?? ''}:${i + (page - 1) * PAGE}`}>
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
      {problems.length > PAGE && (
        <Pager page={page} pageSize={PAGE} total={problems.length} onChange={setPage} />
      )}
    </>
  );
}

function Summary({ result }: { result: ReportImportResult }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const n = (v: number) => formatNumber(v, language);
  const counts = { rows: n(result.rows), submissions: n(result.submissions), values: n(result.values) };
  if (!result.accepted)
    return (
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertTriangle aria-hidden />}
        title={t('reportingAdmin.import.refusedTitle')}
      >
        {result.rows === 0 && result.problems.length === 0
          ? t('reportingAdmin.import.emptyFile')
          : t('reportingAdmin.import.refused', {
              count: result.problems.length,
              n: n(result.problems.length),
            })}
      </Alert>
    );
  if (result.dryRun)
    return (
      <Alert
        color="blue"
        variant="light"
        icon={<IconChecks aria-hidden />}
        title={t('reportingAdmin.import.checkedTitle')}
      >
        {t('reportingAdmin.import.checked', counts)}
      </Alert>
    );
  return (
    <Alert
      color="green"
      variant="light"
      icon={<IconCircleCheck aria-hidden />}
      title={t('reportingAdmin.import.doneTitle')}
    >
      {t('reportingAdmin.import.done', counts)}
    </Alert>
  );
}

/**
 * /reporting/import — paper reports typed into a form's template: download it, check the whole file (every
 * problem with its row and column, nothing written), then import it in one transaction.
 */
export function ReportImportPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const forms = useForms();
  const [params, setParams] = useSearchParams();
  const form =
    forms.data?.items.find((f) => f.id === params.get('form')) ?? forms.data?.items.find((f) => f.active);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [dryRunning, setDryRunning] = useState(true);
  const run = useImportReports(form?.id ?? '');
  const result = run.data;
  const headingId = useId();

  const start = (dryRun: boolean) => {
    if (!file || !fileFormat(file.name)) {
      setFileError(t('reportingAdmin.import.fileRequired'));
      return;
    }
    setDryRunning(dryRun);
    run.mutate({ file, dryRun });
  };

  return (
    <>
      <PageHeader
        title={t('reportingAdmin.import.title')}
        description={t('reportingAdmin.import.description')}
        icon={<IconFileImport size={28} stroke={1.6} aria-hidden />}
      />
      {forms.isError && <QueryError error={forms.error} onRetry={() => forms.refetch()} />}
      <Stack gap="md" maw={1100}>
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={headingId}>
          <Title id={headingId} order={2} size="h4" mb="sm">
            {t('reportingAdmin.import.step1')}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Select
              label={t('reportingAdmin.import.form')}
              data={(forms.data?.items ?? []).map((f) => ({
                value: f.id,
                label: `${f.code} — ${language === 'vi' ? f.nameVi : f.nameEn}`,
              }))}
              value={form?.id ?? null}
              allowDeselect={false}
              onChange={(v) => {
                if (!v) return;
                setParams({ form: v }, { replace: true });
                run.reset();
              }}
            />
            {form && (
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('reportingAdmin.import.templates')}
                </Text>
                <Group gap="sm">
                  <Button
                    component="a"
                    href={templateUrl(form.id, 'xlsx')}
                    download
                    variant="default"
                    leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
                    aria-label={t('reportingAdmin.import.templateLabel', { format: 'XLSX', code: form.code })}
                  >
                    {t('reportingAdmin.import.templateXlsx')}
                  </Button>
                  <Button
                    component="a"
                    href={templateUrl(form.id, 'csv')}
                    download
                    variant="default"
                    leftSection={<IconDownload size={18} aria-hidden />}
                    aria-label={t('reportingAdmin.import.templateLabel', { format: 'CSV', code: form.code })}
                  >
                    {t('reportingAdmin.import.templateCsv')}
                  </Button>
                </Group>
              </Stack>
            )}
          </SimpleGrid>
          <List size="sm" mt="md" spacing={4}>
            <List.Item>{t('reportingAdmin.import.rule1')}</List.Item>
            <List.Item>{t('reportingAdmin.import.rule2')}</List.Item>
            <List.Item>{t('reportingAdmin.import.rule3')}</List.Item>
            <List.Item>{t('reportingAdmin.import.rule4')}</List.Item>
          </List>
        </Card>

        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={`${headingId}-2`}>
          <Title id={`${headingId}-2`} order={2} size="h4" mb="sm">
            {t('reportingAdmin.import.step2')}
          </Title>
          <Stack gap="md">
            <FileInput
              label={t('reportingAdmin.import.file')}
              description={t('reportingAdmin.import.fileHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              placeholder={t('reportingAdmin.import.filePlaceholder')}
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              leftSection={<IconUpload size={16} aria-hidden />}
              clearable
              value={file}
              onChange={(f) => {
                setFile(f);
                setFileError(undefined);
                run.reset();
              }}
              error={fileError}
              aria-invalid={fileError ? true : undefined}
              name="file"
            />
            <Group gap="sm">
              <Button
                variant={result?.dryRun && result.accepted ? 'default' : 'filled'}
                leftSection={<IconChecks size={18} aria-hidden />}
                onClick={() => start(true)}
                loading={run.isPending && dryRunning}
                disabled={!form || (run.isPending && !dryRunning)}
              >
                {t('reportingAdmin.import.dryRun')}
              </Button>
              <Button
                variant={result?.dryRun && result.accepted ? 'filled' : 'light'}
                leftSection={<IconFileImport size={18} aria-hidden />}
                onClick={() => start(false)}
                loading={run.isPending && !dryRunning}
                disabled={!form || (run.isPending && dryRunning)}
              >
                {t('reportingAdmin.import.run')}
              </Button>
            </Group>
            {run.error && <FormErrorAlert error={run.error} />}
            {result && (
              <Stack gap="sm" role="status">
                <Summary result={result} />
                {result.problems.length > 0 && (
                  <ProblemsTable
                    problems={result.problems}
                    caption={t('reportingAdmin.import.problemsCaption', {
                      count: result.problems.length,
                      n: formatNumber(result.problems.length, language),
                    })}
                  />
                )}
                {result.warnings.length > 0 && (
                  <ProblemsTable
                    problems={result.warnings}
                    caption={t('reportingAdmin.import.warningsCaption', {
                      count: result.warnings.length,
                      n: formatNumber(result.warnings.length, language),
                    })}
                  />
                )}
              </Stack>
            )}
          </Stack>
        </Card>
      </Stack>
    </>
  );
}
