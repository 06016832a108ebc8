import { PERIOD_TYPES } from '@heza/shared';
import type { ReportContent, TemplateView } from '@heza/shared/official-reports';
import {
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  MultiSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconTemplate } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { isApiError } from '../../../lib/api-client';
import { hasPermission, PERMISSIONS } from '../../../lib/permissions';
import { useCurrentUser } from '../../auth/current-user';
import { useTemplate, useUpdateTemplate } from '../api';
import { ContentEditor, type ContentErrors } from '../components/content-editor';

/** "/official-reports/templates/:code": edit a template — names, period types, header, items, closing. */
export function TemplatePage() {
  const { t } = useTranslation();
  const { code } = useParams();
  const template = useTemplate(code);
  if (template.isError) return <QueryError error={template.error} onRetry={() => template.refetch()} />;
  if (!template.data) return <Loader aria-label={t('officialReports.loading')} />;
  return <TemplateEditor key={`${template.data.code}:${template.data.version}`} template={template.data} />;
}

function TemplateEditor({ template }: { template: TemplateView }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canWrite = hasPermission(user, PERMISSIONS.officialReportTemplateWrite);
  const save = useUpdateTemplate(template.code);
  const [nameVi, setNameVi] = useState(template.nameVi);
  const [nameEn, setNameEn] = useState(template.nameEn);
  const [descriptionVi, setDescriptionVi] = useState(template.descriptionVi ?? '');
  const [periodTypes, setPeriodTypes] = useState<string[]>(template.periodTypes);
  const [active, setActive] = useState(template.active);
  const [content, setContent] = useState<ReportContent>(template.content);
  const errors: ContentErrors = {};
  if (isApiError(save.error)) for (const e of save.error.fieldErrors) errors[e.field] ??= e.message;
  return (
    <>
      <PageHeader
        title={template.nameVi}
        description={t('officialReports.template.editing', {
          code: template.code,
          version: template.version,
        })}
        icon={<IconTemplate size={28} aria-hidden />}
        actions={
          canWrite && (
            <Button
              loading={save.isPending}
              onClick={() =>
                save.mutate({
                  version: template.version,
                  nameVi,
                  nameEn,
                  descriptionVi: descriptionVi || null,
                  periodTypes: periodTypes as never,
                  active,
                  content,
                })
              }
            >
              {t('officialReports.editor.save')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        <FormErrorAlert error={save.error} />
        {save.isSuccess && (
          <Text c="teal" role="status">
            {t('officialReports.editor.saved')}
          </Text>
        )}
        <Card withBorder>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            <TextInput
              label={t('officialReports.template.name')}
              value={nameVi}
              onChange={(e) => setNameVi(e.currentTarget.value)}
              readOnly={!canWrite}
              error={errors.nameVi}
            />
            <TextInput
              label={t('officialReports.template.nameEn')}
              value={nameEn}
              onChange={(e) => setNameEn(e.currentTarget.value)}
              readOnly={!canWrite}
              error={errors.nameEn}
            />
            <Textarea
              label={t('officialReports.template.description')}
              value={descriptionVi}
              onChange={(e) => setDescriptionVi(e.currentTarget.value)}
              autosize
              readOnly={!canWrite}
            />
            <Stack gap="xs">
              <MultiSelect
                label={t('officialReports.template.periodTypesLabel')}
                data={PERIOD_TYPES.map((p) => ({
                  value: p,
                  label: t(`officialReports.template.periodTypes.${p}`),
                }))}
                value={periodTypes}
                onChange={setPeriodTypes}
                readOnly={!canWrite}
                error={errors.periodTypes}
              />
              <Checkbox
                label={t('officialReports.template.active')}
                checked={active}
                onChange={(e) => setActive(e.currentTarget.checked)}
                disabled={!canWrite}
              />
            </Stack>
          </SimpleGrid>
        </Card>
        <ContentEditor value={content} onChange={setContent} readOnly={!canWrite} errors={errors} />
        {canWrite && (
          <Group justify="flex-end">
            <Button
              loading={save.isPending}
              onClick={() =>
                save.mutate({
                  version: template.version,
                  nameVi,
                  nameEn,
                  descriptionVi: descriptionVi || null,
                  periodTypes: periodTypes as never,
                  active,
                  content,
                })
              }
            >
              {t('officialReports.editor.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </>
  );
}
