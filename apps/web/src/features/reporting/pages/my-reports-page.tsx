import { Anchor, Card, Group, Stack, Table, Text } from '@mantine/core';
import { IconReportAnalytics } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { formatIsoDate, todayIso } from '../../../lib/format-number';
import { useCurrentUser } from '../../auth/current-user';
import { EnterpriseSelect } from '../../registry/components/pickers';
import { useObligations } from '../api';
import { ReportStatusBadge, TimelinessBadge } from '../components/status-badge';

/**
 * The reports an enterprise owes (every started period of every form it must report), with their due and lock
 * days. Enterprise users see their own; staff pick an enterprise to enter a paper report on its behalf.
 */
export function MyReportsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const user = useCurrentUser();
  const [picked, setPicked] = useState('');
  const enterpriseId = user.enterprise?.id ?? picked;
  const obligations = useObligations(enterpriseId);
  const today = todayIso();
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('reporting.obligations.title')}
        description={t('reporting.obligations.description')}
        icon={<IconReportAnalytics size={28} aria-hidden />}
      />
      {!user.enterprise && (
        <Card withBorder>
          <EnterpriseSelect
            label={t('reporting.obligations.pickEnterprise')}
            value={picked}
            onChange={setPicked}
          />
        </Card>
      )}
      {obligations.isError && <QueryError error={obligations.error} onRetry={() => obligations.refetch()} />}
      {obligations.data && obligations.data.items.length === 0 && (
        <Text c="dimmed">{t('reporting.obligations.empty')}</Text>
      )}
      {obligations.data && obligations.data.items.length > 0 && (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reporting.common.form')}</Table.Th>
                  <Table.Th>{t('reporting.common.period')}</Table.Th>
                  <Table.Th>{t('reporting.common.dueDate')}</Table.Th>
                  <Table.Th>{t('reporting.common.lockDate')}</Table.Th>
                  <Table.Th>{t('reporting.common.status')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {obligations.data.items.map((o) => (
                  <Table.Tr key={`${o.formId}-${o.periodId}`}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {language === 'vi' ? o.formNameVi : o.formNameEn}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {o.formCode}
                      </Text>
                    </Table.Td>
                    <Table.Td>{language === 'vi' ? o.periodLabelVi : o.periodLabelEn}</Table.Td>
                    <Table.Td c={!o.status && today > o.dueDate ? 'red' : undefined}>
                      {formatIsoDate(o.dueDate)}
                    </Table.Td>
                    <Table.Td>{formatIsoDate(o.lockDate)}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <ReportStatusBadge status={o.status} />
                        <TimelinessBadge onTime={o.onTime} />
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/reporting/forms/${o.formId}/reports/${enterpriseId}/${o.periodId}`}
                        size="sm"
                      >
                        {o.locked || o.status === 'accepted'
                          ? t('reporting.common.open')
                          : t('reporting.common.enter')}
                      </Anchor>
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
