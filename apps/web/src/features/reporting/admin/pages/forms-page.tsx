import type { FormView } from '@heza/shared/reporting';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  LoadingOverlay,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { IconForms, IconPlus } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../../components/page-header';
import { QueryError } from '../../../../components/query-error';
import { currentLanguage } from '../../../../i18n';
import { hasPermission, PERMISSIONS } from '../../../../lib/permissions';
import { useCurrentUser } from '../../../auth/current-user';
import { useForms } from '../../api';

/** Who must report a form, in one line. */
export function targetSummary(f: FormView, t: TFunction): string {
  if (f.targetMode === 'listed')
    return t('reportingAdmin.forms.targetListed', { count: f.enterpriseIds.length });
  const parts = [
    f.targetZoneIds.length
      ? t('reportingAdmin.forms.targetZones', { count: f.targetZoneIds.length })
      : t('reportingAdmin.forms.targetAllZones'),
  ];
  if (f.targetInvestmentType) parts.push(t(`reportingAdmin.enums.investmentType.${f.targetInvestmentType}`));
  return parts.join(' · ');
}

/** /reporting/forms — the reporting forms; administrators create and edit them. */
export function FormsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const user = useCurrentUser();
  const canWrite = hasPermission(user, PERMISSIONS.reportFormWrite);
  const forms = useForms();
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('reportingAdmin.forms.title')}
        description={t('reportingAdmin.forms.description')}
        icon={<IconForms size={28} aria-hidden />}
        actions={
          canWrite ? (
            <Button
              component={Link}
              to="/reporting/forms/new"
              leftSection={<IconPlus size={18} aria-hidden />}
            >
              {t('reportingAdmin.forms.add')}
            </Button>
          ) : null
        }
      />
      {forms.isError && <QueryError error={forms.error} onRetry={() => forms.refetch()} />}
      {forms.isPending && <LoadingOverlay visible />}
      {forms.data && forms.data.items.length === 0 && (
        <Text c="dimmed">{t('reportingAdmin.forms.empty')}</Text>
      )}
      {forms.data && forms.data.items.length > 0 && (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={980}>
            <Table striped highlightOnHover verticalSpacing="xs">
              <VisuallyHidden component="caption">{t('reportingAdmin.forms.caption')}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('reportingAdmin.forms.code')}</Table.Th>
                  <Table.Th scope="col">{t('reportingAdmin.forms.name')}</Table.Th>
                  <Table.Th scope="col">{t('reportingAdmin.forms.periodType')}</Table.Th>
                  <Table.Th scope="col">{t('reportingAdmin.forms.dueShort')}</Table.Th>
                  <Table.Th scope="col">{t('reportingAdmin.forms.lockShort')}</Table.Th>
                  <Table.Th scope="col">{t('reportingAdmin.forms.target')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('reportingAdmin.forms.indicatorCount')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('reportingAdmin.forms.ruleCount')}
                  </Table.Th>
                  <Table.Th scope="col">{t('reportingAdmin.common.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {forms.data.items.map((f) => (
                  <Table.Tr key={f.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" ff="monospace">
                        {f.code}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/reporting/forms/${f.id}`} size="sm" fw={500}>
                        {language === 'vi' ? f.nameVi : f.nameEn}
                      </Anchor>
                      {f.isDemo && (
                        <Badge ml="xs" size="xs" variant="outline" color="gray">
                          {t('reportingAdmin.common.demo')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`reportingAdmin.enums.periodType.${f.periodType}`)}</Table.Td>
                    <Table.Td>{t('reportingAdmin.forms.daysAfter', { count: f.dueAfterDays })}</Table.Td>
                    <Table.Td>{t('reportingAdmin.forms.daysAfter', { count: f.lockAfterDays })}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{targetSummary(f, t)}</Text>
                    </Table.Td>
                    <Table.Td ta="right">{f.indicators.length}</Table.Td>
                    <Table.Td ta="right">
                      <Anchor component={Link} to={`/reporting/rules?form=${f.id}`} size="sm">
                        {f.rules.length}
                      </Anchor>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Group gap={4}>
                        <Badge variant="outline" color={f.active ? 'teal' : 'gray'}>
                          {t(f.active ? 'reportingAdmin.common.active' : 'reportingAdmin.common.inactive')}
                        </Badge>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
  );
}
