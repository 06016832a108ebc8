import { parsePeriod, periodLabel } from '@heza/shared/periods';
import type { FormView, UnlockView } from '@heza/shared/reporting';
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLockOpen } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../../components/query-error';
import { currentLanguage } from '../../../../i18n';
import { formatDateTime } from '../../../../lib/format';
import { formatIsoDate, todayIso } from '../../../../lib/format-number';
import { onSubmit } from '../../../../lib/use-form-state';
import { type PathErrors, usePathForm } from '../../../../lib/use-path-form';
import { DateField } from '../../../registry/components/date-field';
import { pathIn, ServerErrorAlert, showServerErrors } from '../../../registry/components/form-bits';
import { EnterpriseSelect } from '../../../registry/components/pickers';
import { SectionCard } from '../../../registry/components/section-card';
import { useEnterpriseNames, useGrantUnlock, useRevokeUnlock, useUnlocks } from '../api';
import { recentPeriodIds, type UnlockFormValues, validateUnlock } from '../logic';
import { useProblemMessages } from '../use-problem-messages';

const FIELDS = ['periodId', 'enterpriseId', 'openUntil', 'reason'] as const;

/**
 * The unlock exceptions of a form (mở khóa sau ngày khóa số liệu): who allowed what, until when and why; grant
 * one for an enterprise or for every enterprise of the form, and revoke one still in force.
 */
export function UnlocksSection({ form }: { form: FormView }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const unlocks = useUnlocks(form.id, true);
  const revoke = useRevokeUnlock();
  const [granting, setGranting] = useState(false);
  const [confirm, setConfirm] = useState<UnlockView | null>(null);
  const names = useEnterpriseNames(
    (unlocks.data?.items ?? []).map((u) => u.enterpriseId).filter((id): id is string => id !== null),
  );
  const today = todayIso();
  const label = (id: string) => {
    try {
      return periodLabel(parsePeriod(id), language);
    } catch {
      return id;
    }
  };
  const state = (u: UnlockView) => (u.revokedAt ? 'revoked' : u.openUntil < today ? 'expired' : 'active');

  return (
    <SectionCard
      title={t('reportingAdmin.unlocks.title')}
      actions={
        <Button
          leftSection={<IconLockOpen size={18} aria-hidden />}
          variant="light"
          onClick={() => setGranting(true)}
        >
          {t('reportingAdmin.unlocks.grant')}
        </Button>
      }
    >
      <Text size="sm" c="dimmed" mb="sm">
        {t('reportingAdmin.unlocks.description')}
      </Text>
      {unlocks.isError && <QueryError error={unlocks.error} onRetry={() => unlocks.refetch()} />}
      <ServerErrorAlert error={revoke.error} shows={() => false} />
      {unlocks.data && unlocks.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('reportingAdmin.unlocks.empty')}
        </Text>
      )}
      {unlocks.data && unlocks.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="xs" aria-label={t('reportingAdmin.unlocks.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('reportingAdmin.unlocks.period')}</Table.Th>
                <Table.Th scope="col">{t('reportingAdmin.unlocks.enterprise')}</Table.Th>
                <Table.Th scope="col">{t('reportingAdmin.unlocks.openUntil')}</Table.Th>
                <Table.Th scope="col">{t('reportingAdmin.unlocks.reason')}</Table.Th>
                <Table.Th scope="col">{t('reportingAdmin.unlocks.grantedBy')}</Table.Th>
                <Table.Th scope="col">{t('reportingAdmin.common.status')}</Table.Th>
                <Table.Th scope="col" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {unlocks.data.items.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>{label(u.periodId)}</Table.Td>
                  <Table.Td>
                    {u.enterpriseId
                      ? (names.get(u.enterpriseId) ?? u.enterpriseId)
                      : t('reportingAdmin.unlocks.all')}
                  </Table.Td>
                  <Table.Td>{formatIsoDate(u.openUntil)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{u.reason}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{u.grantedBy}</Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(u.grantedAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge
                      variant="light"
                      color={state(u) === 'active' ? 'blue' : 'gray'}
                      title={u.revokedAt ? formatDateTime(u.revokedAt) : undefined}
                    >
                      {t(`reportingAdmin.unlocks.state.${state(u)}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {state(u) === 'active' && (
                      <Button size="compact-sm" variant="subtle" color="red" onClick={() => setConfirm(u)}>
                        {t('reportingAdmin.unlocks.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={granting}
        onClose={() => setGranting(false)}
        title={t('reportingAdmin.unlocks.grantTitle', { code: form.code })}
        size="lg"
      >
        {granting && <GrantForm form={form} onDone={() => setGranting(false)} />}
      </Modal>
      <Modal
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={t('reportingAdmin.unlocks.revokeTitle')}
      >
        {confirm && (
          <Stack gap="md">
            <Text size="sm">
              {t('reportingAdmin.unlocks.revokeConfirm', {
                period: label(confirm.periodId),
                enterprise: confirm.enterpriseId
                  ? (names.get(confirm.enterpriseId) ?? confirm.enterpriseId)
                  : t('reportingAdmin.unlocks.all'),
              })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirm(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                loading={revoke.isPending}
                onClick={() =>
                  revoke.mutate(confirm.id, {
                    onSuccess: () => {
                      notifications.show({ color: 'green', message: t('reportingAdmin.unlocks.revoked') });
                      setConfirm(null);
                    },
                    onError: () => setConfirm(null),
                  })
                }
              >
                {t('reportingAdmin.unlocks.revoke')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </SectionCard>
  );
}

function GrantForm({ form: f, onDone }: { form: FormView; onDone: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const today = todayIso();
  const periods = recentPeriodIds(f.periodType, today, 24).slice(1);
  const form = usePathForm<UnlockFormValues>({
    periodId: periods[0] ?? '',
    allEnterprises: false,
    enterpriseId: '',
    openUntil: '',
    reason: '',
  });
  const { values, errors, setValue } = form;
  const grant = useGrantUnlock(f.id);
  const messages = useProblemMessages();
  const shows = pathIn(FIELDS);

  const submit = () => {
    const problems = messages(validateUnlock(values, f.periodType, today));
    if (Object.keys(problems).length) {
      grant.reset();
      form.showErrors(problems);
      return;
    }
    grant.mutate(
      {
        periodId: values.periodId,
        enterpriseId: values.allEnterprises ? null : values.enterpriseId,
        openUntil: values.openUntil,
        reason: values.reason.trim(),
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('reportingAdmin.unlocks.granted') });
          onDone();
        },
        onError: (error) => showServerErrors(error, form.showErrors as (e: PathErrors) => void, shows),
      },
    );
  };

  return (
    <form ref={form.formRef} onSubmit={onSubmit(submit)} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('reportingAdmin.unlocks.grantHint')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('reportingAdmin.unlocks.period')}
            withAsterisk
            searchable
            data={periods.map((id) => ({ value: id, label: periodLabel(parsePeriod(id), language) }))}
            value={values.periodId || null}
            onChange={(v) => setValue('periodId', v ?? '')}
            error={errors.periodId}
            aria-invalid={errors.periodId ? true : undefined}
            comboboxProps={{ withinPortal: true }}
          />
          <DateField
            label={t('reportingAdmin.unlocks.openUntil')}
            withAsterisk
            value={values.openUntil}
            onChange={(v) => setValue('openUntil', v)}
            error={errors.openUntil}
          />
        </SimpleGrid>
        <Checkbox
          label={t('reportingAdmin.unlocks.allEnterprises')}
          description={t('reportingAdmin.unlocks.allEnterprisesHint')}
          checked={values.allEnterprises}
          onChange={(e) => setValue('allEnterprises', e.currentTarget.checked)}
        />
        {!values.allEnterprises && (
          <EnterpriseSelect
            label={t('reportingAdmin.unlocks.enterprise')}
            withAsterisk
            value={values.enterpriseId}
            onChange={(v) => setValue('enterpriseId', v)}
            error={errors.enterpriseId}
          />
        )}
        <Textarea
          label={t('reportingAdmin.unlocks.reason')}
          description={t('reportingAdmin.unlocks.reasonHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          withAsterisk
          autosize
          minRows={2}
          value={values.reason}
          onChange={(e) => setValue('reason', e.currentTarget.value)}
          error={errors.reason}
          aria-invalid={errors.reason ? true : undefined}
        />
        <ServerErrorAlert error={grant.error} shows={shows} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={grant.isPending}>
            {t('reportingAdmin.unlocks.grant')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
