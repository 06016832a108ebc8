import { Anchor, Badge, Drawer, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Pager } from '../../../components/pager';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { formatIsoDate, formatOptionalNumber } from '../../../lib/format-number';
import { useFigureRecords } from '../api';

/** The records behind one figure (traceability): certificates, projects, enterprise values, zones, the plan. */
export function FigureDrawer({
  reportId,
  figureKey,
  onClose,
}: {
  reportId: string;
  figureKey: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [page, setPage] = useState(1);
  const records = useFigureRecords(reportId, figureKey, page);
  const data = records.data;
  return (
    <Drawer
      opened={figureKey !== null}
      onClose={() => {
        setPage(1);
        onClose();
      }}
      position="right"
      size="xl"
      title={data ? data.figure.label : t('officialReports.trace.title')}
    >
      {records.isError && <QueryError error={records.error} onRetry={() => records.refetch()} />}
      {data && (
        <Stack gap="sm">
          <Group gap="sm">
            <Text size="xl" fw={700}>
              {data.figure.display ?? t('officialReports.figures.missing')}{' '}
              {data.figure.unit !== '%' ? data.figure.unit : '%'}
            </Text>
            {data.figure.estimate && <Badge color="yellow">{t('officialReports.figures.estimate')}</Badge>}
            <Text size="xs" c="dimmed">
              {`{${data.figure.key}}`}
            </Text>
          </Group>
          {data.figure.notes.map((n) => (
            <Text key={n} size="sm">
              {n}
            </Text>
          ))}
          <Text size="sm" c="dimmed">
            {data.explanation}
          </Text>
          {data.hidden > 0 && (
            <Text size="sm" c="orange">
              {t('officialReports.trace.hidden', { count: data.hidden })}
            </Text>
          )}
          {data.records.length === 0 ? (
            <Text c="dimmed">{t('officialReports.trace.empty')}</Text>
          ) : (
            <Table striped fz="sm">
              <Table.Caption>{t('officialReports.trace.caption', { total: data.total })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('officialReports.trace.record')}</Table.Th>
                  <Table.Th scope="col">{t('officialReports.trace.date')}</Table.Th>
                  <Table.Th scope="col" style={{ textAlign: 'right' }}>
                    {t('officialReports.trace.amount')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.records.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      {r.href ? (
                        <Anchor component={Link} to={r.href} size="sm">
                          {r.title}
                        </Anchor>
                      ) : (
                        r.title
                      )}
                      <Text size="xs" c="dimmed">
                        {r.detail}
                      </Text>
                      {r.estimate && (
                        <Badge size="xs" color="yellow">
                          {t('officialReports.figures.estimate')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{formatIsoDate(r.date)}</Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>
                      {formatOptionalNumber(r.amount, language, { decimals: 2 })}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} />
        </Stack>
      )}
    </Drawer>
  );
}
