import type { DossierSummary } from '@heza/shared/procedures';
import { Anchor, Card, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { formatIsoDate } from '../../../lib/format-number';
import { departmentLabel } from '../../../lib/labels';
import { DossierStatusBadge, OverdueBadge } from './badges';

/** Dossiers in a table (lists and work queues); `extra` renders an action cell per row. */
export function DossierTable({
  items,
  caption,
  empty,
  extra,
}: {
  items: DossierSummary[];
  caption: string;
  empty: string;
  extra?: { header: string; cell: (d: DossierSummary) => ReactNode };
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const cols = extra ? 7 : 6;
  return (
    <Card withBorder padding={0}>
      <Table striped highlightOnHover>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('procedures.fields.dossierCode')}</Table.Th>
            <Table.Th scope="col">{t('procedures.fields.procedure')}</Table.Th>
            <Table.Th scope="col">{t('procedures.fields.applicant')}</Table.Th>
            <Table.Th scope="col">{t('procedures.fields.status')}</Table.Th>
            <Table.Th scope="col">{t('procedures.fields.currentStep')}</Table.Th>
            <Table.Th scope="col">{t('procedures.fields.legalDue')}</Table.Th>
            {extra && <Table.Th scope="col">{extra.header}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={cols}>
                <Text c="dimmed">{empty}</Text>
              </Table.Td>
            </Table.Tr>
          )}
          {items.map((d) => (
            <Table.Tr key={d.id} data-testid="dossier-row">
              <Table.Td>
                <Anchor component={Link} to={`/procedures/dossiers/${d.id}`} ff="monospace">
                  {d.code ?? t('procedures.noCodeYet')}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t(`procedures.channel.${d.channel}`)} · {formatDateTime(d.receivedAt ?? d.submittedAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {d.procedure.code}
                </Text>
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {language === 'vi' ? d.procedure.name.vi : d.procedure.name.en}
                </Text>
              </Table.Td>
              <Table.Td>
                {d.applicantName}
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {d.subject}
                </Text>
              </Table.Td>
              <Table.Td>
                <DossierStatusBadge status={d.status} />
              </Table.Td>
              <Table.Td>
                {d.currentStep ? (
                  <>
                    <Text size="sm">{language === 'vi' ? d.currentStep.name.vi : d.currentStep.name.en}</Text>
                    <Text size="xs" c="dimmed">
                      {departmentLabel(t, d.currentStep.unit)} ·{' '}
                      {t('procedures.stepDue', { date: formatIsoDate(d.currentStep.dueDate) })}
                      {' · '}
                      {d.currentStep.assignee?.name ?? t('procedures.unassigned')}
                    </Text>
                  </>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>
                {d.legalDueDate ? formatIsoDate(d.legalDueDate) : '—'}
                {d.overdue && (
                  <>
                    {' '}
                    <OverdueBadge />
                  </>
                )}
              </Table.Td>
              {extra && <Table.Td>{extra.cell(d)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
