import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  LoadingOverlay,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconWorldUpload } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { formatDateTime } from '../../../lib/format';
import { hasPermission, PERMISSIONS } from '../../../lib/permissions';
import { useCurrentUser } from '../../auth/current-user';
import { useRelease, useReleases, useWithdrawRelease } from '../api';

/**
 * /portal/statistics — which periods the open statistics show: release a period (2024, 2024Q2, 2024YTD11…),
 * withdraw it; the history keeps who did what and when.
 */
export function PortalStatisticsPage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const canPublish = hasPermission(me, PERMISSIONS.portalStatisticsPublish);
  const releases = useReleases();
  const release = useRelease();
  const withdraw = useWithdrawRelease();
  const [periodId, setPeriodId] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const done = await release.mutateAsync({ periodId }).catch(() => null);
    if (done) setPeriodId('');
  };
  const label = (r: { labelVi: string; labelEn: string }) =>
    i18n.resolvedLanguage === 'en' ? r.labelEn : r.labelVi;
  return (
    <>
      <PageHeader
        title={t('portal.statistics.title')}
        description={t('portal.statistics.description')}
        actions={
          <Anchor
            href={`/${i18n.resolvedLanguage === 'en' ? 'en' : 'vi'}/statistics`}
            target="_blank"
            rel="noopener"
          >
            {t('portal.statistics.openPublic')}
          </Anchor>
        }
      />
      {canPublish && (
        <Card withBorder radius="md" mb="lg" component="form" onSubmit={submit}>
          <Title order={2} size="h4" mb="sm">
            {t('portal.statistics.release')}
          </Title>
          <FormErrorAlert error={release.error ?? withdraw.error} />
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('portal.statistics.period')}
              description={t('portal.statistics.periodHint')}
              value={periodId}
              onChange={(e) => setPeriodId(e.currentTarget.value.trim().toUpperCase())}
              required
            />
            <Button
              type="submit"
              leftSection={<IconWorldUpload size={16} aria-hidden />}
              loading={release.isPending}
            >
              {t('portal.statistics.releaseButton')}
            </Button>
          </Group>
        </Card>
      )}
      {releases.isError ? (
        <QueryError error={releases.error} onRetry={() => void releases.refetch()} />
      ) : !releases.data ? (
        <LoadingOverlay visible />
      ) : releases.data.items.length === 0 ? (
        <Text c="dimmed">{t('portal.statistics.empty')}</Text>
      ) : (
        <Card withBorder radius="md" padding={0}>
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Caption>{t('portal.statistics.history')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('portal.statistics.period')}</Table.Th>
                  <Table.Th scope="col">{t('portal.statistics.status')}</Table.Th>
                  <Table.Th scope="col">{t('portal.statistics.publishedAt')}</Table.Th>
                  <Table.Th scope="col">{t('portal.statistics.withdrawnAt')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('portal.statistics.withdraw')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {releases.data.items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      {label(r)}{' '}
                      <Text span size="xs" c="dimmed">
                        ({r.periodId})
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={r.withdrawnAt ? 'gray' : 'green'} variant="light">
                        {r.withdrawnAt ? t('portal.statistics.withdrawn') : t('portal.statistics.active')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {formatDateTime(r.publishedAt)} {r.publishedBy && `· ${r.publishedBy}`}
                    </Table.Td>
                    <Table.Td>
                      {r.withdrawnAt
                        ? `${formatDateTime(r.withdrawnAt)}${r.withdrawnBy ? ` · ${r.withdrawnBy}` : ''}`
                        : ''}
                    </Table.Td>
                    <Table.Td>
                      {canPublish && !r.withdrawnAt && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          loading={withdraw.isPending}
                          onClick={() => withdraw.mutate(r.id)}
                          aria-label={`${t('portal.statistics.withdraw')}: ${label(r)}`}
                        >
                          {t('portal.statistics.withdraw')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </>
  );
}
