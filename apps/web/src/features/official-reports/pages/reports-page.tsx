import { tryParsePeriod } from '@heza/shared';
import { REPORT_STATUSES } from '@heza/shared/official-reports';
import { Anchor, Button, Card, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconFileDescription, IconPlus, IconTemplate } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { PageHeader } from '../../../components/page-header';
import { Pager } from '../../../components/pager';
import { QueryError } from '../../../components/query-error';
import { fieldErrorMap } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { formatIsoDate } from '../../../lib/format-number';
import { readChoice, readPage, useListParams } from '../../../lib/list-params';
import { hasPermission, PERMISSIONS } from '../../../lib/permissions';
import { useCurrentUser } from '../../auth/current-user';
import { useCreateReport, useReports, useTemplates } from '../api';
import { ReportStatusBadge } from '../components/status-badge';

/** "/official-reports": the reports, filtered by status and template; a new report from a template. */
export function ReportsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { params, update } = useListParams();
  const status = readChoice(params, 'status', REPORT_STATUSES);
  const templateCode = params.get('template') ?? '';
  const page = readPage(params);
  const reports = useReports({ status, templateCode, page, pageSize: 20 });
  const templates = useTemplates();
  const [creating, setCreating] = useState(false);
  const canWrite = hasPermission(user, PERMISSIONS.officialReportWrite);
  const templateOptions = (templates.data?.items ?? []).map((x) => ({ value: x.code, label: x.nameVi }));

  return (
    <>
      <PageHeader
        title={t('officialReports.title')}
        description={t('officialReports.description')}
        icon={<IconFileDescription size={28} aria-hidden />}
        actions={
          <>
            {hasPermission(user, PERMISSIONS.officialReportTemplateRead) && (
              <Button
                component={Link}
                to="/official-reports/templates"
                variant="default"
                leftSection={<IconTemplate size={16} aria-hidden />}
              >
                {t('officialReports.templatesButton')}
              </Button>
            )}
            {canWrite && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                {t('officialReports.newReport')}
              </Button>
            )}
          </>
        }
      />
      <Group
        component="form"
        role="search"
        aria-label={t('officialReports.list.filters')}
        gap="sm"
        mb="md"
        align="flex-end"
      >
        <Select
          label={t('officialReports.list.status')}
          data={[
            { value: '', label: t('officialReports.list.allStatuses') },
            ...REPORT_STATUSES.map((s) => ({ value: s, label: t(`officialReports.status.${s}`) })),
          ]}
          value={status}
          onChange={(v) => update({ status: v ?? '' })}
          allowDeselect={false}
          w={220}
        />
        <Select
          label={t('officialReports.list.template')}
          data={[{ value: '', label: t('officialReports.list.allTemplates') }, ...templateOptions]}
          value={templateCode}
          onChange={(v) => update({ template: v ?? '' })}
          allowDeselect={false}
          w={360}
        />
      </Group>
      {reports.isError && <QueryError error={reports.error} onRetry={() => reports.refetch()} />}
      {reports.data && (
        <Card withBorder padding={0}>
          <Table striped highlightOnHover>
            <Table.Caption>{t('officialReports.list.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('officialReports.list.title')}</Table.Th>
                <Table.Th scope="col">{t('officialReports.list.period')}</Table.Th>
                <Table.Th scope="col">{t('officialReports.list.status')}</Table.Th>
                <Table.Th scope="col">{t('officialReports.list.number')}</Table.Th>
                <Table.Th scope="col">{t('officialReports.list.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reports.data.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text c="dimmed">{t('officialReports.list.empty')}</Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {reports.data.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/official-reports/${r.id}`}>
                      {r.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {r.templateName}
                      {r.correctsReportId ? ` · ${t('officialReports.list.correction')}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {r.periodLabel}
                    {r.dataAsOf && (
                      <Text size="xs" c="dimmed">
                        {t('officialReports.list.dataAsOf', { date: formatIsoDate(r.dataAsOf) })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <ReportStatusBadge status={r.status} />
                  </Table.Td>
                  <Table.Td>
                    {r.numberText ? `${r.numberText} (${formatIsoDate(r.issuedDate)})` : '—'}
                  </Table.Td>
                  <Table.Td>{formatDateTime(r.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {reports.data && (
        <Pager page={page} pageSize={20} total={reports.data.total} onChange={(p) => update({ page: p })} />
      )}
      <CreateReportModal
        opened={creating}
        onClose={() => setCreating(false)}
        templates={templates.data?.items ?? []}
      />
    </>
  );
}

function CreateReportModal({
  opened,
  onClose,
  templates,
}: {
  opened: boolean;
  onClose: () => void;
  templates: { code: string; nameVi: string; periodTypes: string[] }[];
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateReport();
  const [templateCode, setTemplateCode] = useState<string | null>(null);
  const [periodId, setPeriodId] = useState('');
  const [dataAsOf, setDataAsOf] = useState('');
  const [touched, setTouched] = useState(false);
  const template = templates.find((x) => x.code === templateCode);
  const period = tryParsePeriod(periodId.trim());
  const periodError =
    touched && !period
      ? t('officialReports.create.periodInvalid')
      : period && template && !template.periodTypes.includes(period.type)
        ? t('officialReports.create.periodType', {
            types: template.periodTypes
              .map((p) =>
                t(`officialReports.template.periodTypes.${p}` as 'officialReports.template.periodTypes.year'),
              )
              .join(', '),
          })
        : undefined;
  const serverErrors = fieldErrorMap(create.error);
  return (
    <Modal opened={opened} onClose={onClose} title={t('officialReports.create.title')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (!templateCode || !period || periodError) return;
          create.mutate(
            { templateCode, periodId: periodId.trim(), dataAsOf: dataAsOf || null },
            { onSuccess: (r) => navigate(`/official-reports/${r.id}`) },
          );
        }}
      >
        <Stack gap="sm">
          <FormErrorAlert error={create.error} />
          <Select
            label={t('officialReports.create.template')}
            data={templates.map((x) => ({ value: x.code, label: x.nameVi }))}
            value={templateCode}
            onChange={setTemplateCode}
            required
            error={
              touched && !templateCode
                ? t('officialReports.create.templateRequired')
                : serverErrors.templateCode
            }
          />
          <TextInput
            label={t('officialReports.create.period')}
            description={t('officialReports.create.periodHint')}
            value={periodId}
            onChange={(e) => setPeriodId(e.currentTarget.value)}
            required
            error={periodError ?? serverErrors.periodId}
          />
          <TextInput
            type="date"
            label={t('officialReports.create.dataAsOf')}
            description={t('officialReports.create.dataAsOfHint')}
            value={dataAsOf}
            onChange={(e) => setDataAsOf(e.currentTarget.value)}
            error={serverErrors.dataAsOf}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('officialReports.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
