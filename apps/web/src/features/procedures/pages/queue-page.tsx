import type { DossierSummary } from '@heza/shared/procedures';
import { Alert, Button, Group, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconHandGrab, IconInbox } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { PageHeader } from '../../../components/page-header';
import { Pager } from '../../../components/pager';
import { QueryError } from '../../../components/query-error';
import { api } from '../../../lib/api-client';
import { departmentLabel } from '../../../lib/labels';
import { readPage, useListParams } from '../../../lib/list-params';
import { hasPermission, PERMISSIONS } from '../../../lib/permissions';
import { useCurrentUser } from '../../auth/current-user';
import { proceduresKey, useWorkQueue } from '../api';
import { DossierTable } from '../components/dossier-table';
import { isOneStop, mayWorkOnStep } from '../lib/dossier';

const PAGE_SIZE = 25;

/** Overdue dossiers first, keeping the server's order (by step due date) otherwise. */
export function overdueFirst(items: readonly DossierSummary[]): DossierSummary[] {
  return [...items.filter((d) => d.overdue), ...items.filter((d) => !d.overdue)];
}

/** "/procedures/queue": the open steps of my unit and role (and the counter's work for the one-stop). */
export function QueuePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { params, update } = useListParams();
  const mine = params.get('mine') === 'true';
  const page = readPage(params);
  const queue = useWorkQueue({ page, pageSize: PAGE_SIZE, mine });
  const qc = useQueryClient();
  const claim = useMutation({
    mutationFn: (id: string) => api.post(`/api/procedures/dossiers/${id}/claim`, {}),
    meta: { showsOwnErrors: true },
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('procedures.queue.claimed') });
      return qc.invalidateQueries({ queryKey: proceduresKey });
    },
  });
  const canProcess = hasPermission(user, PERMISSIONS.dossierProcess);
  const scope =
    user.role === 'leader'
      ? t('procedures.queue.scopeLeader')
      : isOneStop(user)
        ? t('procedures.queue.scopeOneStop')
        : t('procedures.queue.scopeUnit', { unit: departmentLabel(t, user.department) ?? '—' });

  return (
    <>
      <PageHeader
        title={t('procedures.queue.title')}
        description={scope}
        icon={<IconInbox size={28} aria-hidden />}
      />
      <Group mb="md">
        <Switch
          label={t('procedures.queue.mine')}
          checked={mine}
          onChange={(e) => update({ mine: e.currentTarget.checked ? 'true' : '' })}
        />
      </Group>
      <FormErrorAlert error={claim.error} />
      {queue.isError && <QueryError error={queue.error} onRetry={() => queue.refetch()} />}
      {queue.isPending && <Text c="dimmed">{t('procedures.loading')}</Text>}
      {queue.data && (
        <>
          {queue.data.items.some((d) => d.overdue) && (
            <Alert color="red" variant="light" mb="sm">
              {t('procedures.queue.overdueNotice', {
                count: queue.data.items.filter((d) => d.overdue).length,
              })}
            </Alert>
          )}
          <DossierTable
            items={overdueFirst(queue.data.items)}
            caption={t('procedures.queue.caption', { count: queue.data.total })}
            empty={t('procedures.queue.empty')}
            extra={{
              header: t('procedures.queue.action'),
              cell: (d) => {
                const step = d.currentStep;
                const claimable =
                  canProcess &&
                  d.status === 'processing' &&
                  !!step &&
                  mayWorkOnStep(user, step) &&
                  step.assignee?.id !== user.id;
                return (
                  <Group gap={4} wrap="nowrap">
                    {claimable && (
                      <Button
                        size="compact-sm"
                        variant="light"
                        leftSection={<IconHandGrab size={14} aria-hidden />}
                        loading={claim.isPending && claim.variables === d.id}
                        onClick={() => claim.mutate(d.id)}
                        aria-label={t('procedures.queue.claimNamed', { code: d.code ?? '' })}
                      >
                        {t('procedures.actions.claim')}
                      </Button>
                    )}
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      component={Link}
                      to={`/procedures/dossiers/${d.id}`}
                      aria-label={t('procedures.queue.openNamed', { code: d.code ?? '' })}
                    >
                      {t('procedures.queue.open')}
                    </Button>
                  </Group>
                );
              },
            }}
          />
          <Pager
            page={page}
            pageSize={PAGE_SIZE}
            total={queue.data.total}
            onChange={(p) => update({ page: p })}
          />
        </>
      )}
    </>
  );
}
