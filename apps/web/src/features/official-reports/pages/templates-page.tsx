import type { TemplateView } from '@heza/shared/official-reports';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTemplate } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { api, fieldErrorMap } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { hasPermission, PERMISSIONS } from '../../../lib/permissions';
import { useCurrentUser } from '../../auth/current-user';
import { officialReportsKey, useCreateTemplate, useTemplates } from '../api';

/** "/official-reports/templates": the report templates; a new one starts as a copy of another. */
export function TemplatesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const templates = useTemplates(true);
  const [creating, setCreating] = useState(false);
  const canWrite = hasPermission(user, PERMISSIONS.officialReportTemplateWrite);
  return (
    <>
      <PageHeader
        title={t('officialReports.templatesTitle')}
        description={t('officialReports.templatesDescription')}
        icon={<IconTemplate size={28} aria-hidden />}
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('officialReports.newTemplate')}
            </Button>
          )
        }
      />
      {templates.isError && <QueryError error={templates.error} onRetry={() => templates.refetch()} />}
      {templates.data && (
        <Card withBorder padding={0}>
          <Table striped highlightOnHover>
            <Table.Caption>{t('officialReports.template.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('officialReports.template.name')}</Table.Th>
                <Table.Th scope="col">{t('officialReports.template.code')}</Table.Th>
                <Table.Th scope="col">{t('officialReports.template.periodTypesLabel')}</Table.Th>
                <Table.Th scope="col">{t('officialReports.template.version')}</Table.Th>
                <Table.Th scope="col">{t('officialReports.list.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {templates.data.items.map((x) => (
                <Table.Tr key={x.code}>
                  <Table.Td>
                    <Anchor component={Link} to={`/official-reports/templates/${x.code}`}>
                      {x.nameVi}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {x.descriptionVi}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <code>{x.code}</code>
                      {x.isSystem && <Badge size="xs">{t('officialReports.template.system')}</Badge>}
                      {!x.active && (
                        <Badge size="xs" color="gray">
                          {t('officialReports.template.inactive')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {x.periodTypes
                      .map((p) =>
                        t(
                          `officialReports.template.periodTypes.${p}` as 'officialReports.template.periodTypes.year',
                        ),
                      )
                      .join(', ')}
                  </Table.Td>
                  <Table.Td>{x.version}</Table.Td>
                  <Table.Td>{formatDateTime(x.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {creating && (
        <NewTemplateModal onClose={() => setCreating(false)} sources={templates.data?.items ?? []} />
      )}
    </>
  );
}

function NewTemplateModal({
  onClose,
  sources,
}: {
  onClose: () => void;
  sources: { code: string; nameVi: string }[];
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const create = useCreateTemplate();
  const [from, setFrom] = useState<string | null>(sources[0]?.code ?? null);
  const [code, setCode] = useState('');
  const [nameVi, setNameVi] = useState('');
  const errors = fieldErrorMap(create.error);
  return (
    <Modal opened onClose={onClose} title={t('officialReports.newTemplate')} size="lg">
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (!from) return;
          const source = await qc.fetchQuery({
            queryKey: [...officialReportsKey, 'template', from],
            queryFn: () =>
              api.get<TemplateView>(`/api/official-reports/templates/${encodeURIComponent(from)}`),
          });
          create.mutate(
            {
              code,
              nameVi,
              nameEn: nameVi,
              descriptionVi: source.descriptionVi,
              periodTypes: source.periodTypes as never,
              content: source.content,
            },
            { onSuccess: (x) => navigate(`/official-reports/templates/${x.code}`) },
          );
        }}
      >
        <Stack gap="sm">
          <FormErrorAlert error={create.error} />
          <Select
            label={t('officialReports.template.copyFrom')}
            data={sources.map((s) => ({ value: s.code, label: s.nameVi }))}
            value={from}
            onChange={setFrom}
            allowDeselect={false}
          />
          <TextInput
            label={t('officialReports.template.code')}
            description={t('officialReports.template.codeHint')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value.trim())}
            required
            error={errors.code}
          />
          <TextInput
            label={t('officialReports.template.name')}
            value={nameVi}
            onChange={(e) => setNameVi(e.currentTarget.value)}
            required
            error={errors.nameVi}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('officialReports.template.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
