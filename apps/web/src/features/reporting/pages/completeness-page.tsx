import {
  type Period,
  parsePeriod,
  periodId,
  periodLabel,
  periodOf,
  previousPeriod,
} from '@heza/shared/periods';
import { Badge, Button, Card, Group, NumberInput, Progress, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChecklist, IconMailForward } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { formatPercent, todayIso } from '../../../lib/format-number';
import { hasPermission } from '../../../lib/permissions';
import { useCurrentUser } from '../../auth/current-user';
import { SectionCard } from '../../registry/components/section-card';
import { type Completeness, useCompleteness, useForms, useMissing, useSendReminders } from '../api';
import { ReportStatusBadge } from '../components/status-badge';

const GROUPS = ['zone', 'period', 'form', 'investmentType'] as const;

/** The last `count` periods of a type up to and including `last`, oldest first. */
export function periodsUpTo(last: Period, count: number): Period[] {
  const out: Period[] = [last];
  while (out.length < count) out.unshift(previousPeriod(out[0]!));
  return out;
}

/** Staff: expected / submitted / on time by zone, period, form or FDI/DDI; who is missing; reminders. */
export function CompletenessPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const user = useCurrentUser();
  const forms = useForms();
  const [formId, setFormId] = useState('');
  const form = forms.data?.items.find((f) => f.id === formId) ?? forms.data?.items.find((f) => f.active);
  const [upTo, setUpTo] = useState('');
  const [count, setCount] = useState(6);
  const [groupBy, setGroupBy] = useState<(typeof GROUPS)[number]>('zone');
  const lastEnded = useMemo(
    () => (form ? previousPeriod(periodOf(form.periodType, todayIso())) : null),
    [form],
  );
  const last = upTo ? parsePeriod(upTo) : lastEnded;
  const periods = last ? periodsUpTo(last, Math.max(1, Math.min(24, count))) : [];
  const periodIds = periods.map(periodId);
  const table = useCompleteness(form?.id ?? '', periodIds.join(','), groupBy);
  const [missingPeriod, setMissingPeriod] = useState('');
  const shownPeriod = missingPeriod || periodIds[periodIds.length - 1] || '';
  const missing = useMissing(form?.id ?? '', shownPeriod);
  const remind = useSendReminders(form?.id ?? '');
  const canRemind = hasPermission(user, 'reporting.reminder.send');
  const label = (id: string) => periodLabel(parsePeriod(id), language);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('reporting.completeness.title')}
        description={t('reporting.completeness.description')}
        icon={<IconChecklist size={28} aria-hidden />}
      />
      <Card withBorder>
        <Group grow align="flex-end" wrap="wrap">
          <Select
            label={t('reporting.common.form')}
            data={(forms.data?.items ?? []).map((f) => ({ value: f.id, label: `${f.code} — ${f.nameVi}` }))}
            value={form?.id ?? null}
            onChange={(v) => {
              setFormId(v ?? '');
              setUpTo('');
            }}
          />
          <Select
            label={t('reporting.completeness.upTo')}
            data={
              lastEnded
                ? periodsUpTo(lastEnded, 36)
                    .reverse()
                    .map((p) => ({ value: periodId(p), label: periodLabel(p, language) }))
                : []
            }
            value={last ? periodId(last) : null}
            onChange={(v) => setUpTo(v ?? '')}
          />
          <NumberInput
            label={t('reporting.completeness.periods')}
            min={1}
            max={24}
            value={count}
            onChange={(v) => setCount(Number(v) || 1)}
          />
          <Select
            label={t('reporting.completeness.groupBy')}
            data={GROUPS.map((g) => ({ value: g, label: t(`reporting.completeness.groups.${g}`) }))}
            value={groupBy}
            onChange={(v) => setGroupBy((v as (typeof GROUPS)[number]) ?? 'zone')}
          />
        </Group>
      </Card>
      {table.isError && <QueryError error={table.error} onRetry={() => table.refetch()} />}
      {table.data && (
        <CompletenessTable data={table.data} onPeriod={groupBy === 'period' ? setMissingPeriod : undefined} />
      )}
      {shownPeriod && (
        <SectionCard
          title={t('reporting.completeness.missingTitle', { period: label(shownPeriod) })}
          actions={
            canRemind ? (
              <Button
                leftSection={<IconMailForward size={18} aria-hidden />}
                variant="light"
                loading={remind.isPending}
                disabled={!missing.data?.items.length}
                onClick={() =>
                  remind.mutate(shownPeriod, {
                    onSuccess: (r) =>
                      notifications.show({
                        color: 'green',
                        message: t('reporting.completeness.reminded', {
                          mails: r.mails,
                          enterprises: r.enterprises,
                        }),
                      }),
                  })
                }
              >
                {t('reporting.completeness.remind')}
              </Button>
            ) : null
          }
        >
          <FormErrorAlert error={remind.error} />
          {missing.isError && <QueryError error={missing.error} />}
          {missing.data && missing.data.items.length === 0 && (
            <Text c="dimmed">{t('reporting.completeness.nothingMissing')}</Text>
          )}
          {missing.data && missing.data.items.length > 0 && (
            <Table.ScrollContainer minWidth={760}>
              <Table striped fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reporting.common.enterprise')}</Table.Th>
                    <Table.Th>{t('reporting.common.status')}</Table.Th>
                    <Table.Th>{t('reporting.completeness.contacts')}</Table.Th>
                    <Table.Th>{t('reporting.completeness.users')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {missing.data.items.map((m) => (
                    <Table.Tr key={m.enterpriseId}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {m.nameVi}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {m.taxCode} · {m.zoneNames.join(', ')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <ReportStatusBadge status={m.status} />
                      </Table.Td>
                      <Table.Td>
                        {m.contacts.map((c) => (
                          <Text key={`${c.name}-${c.phone}`} size="xs">
                            {[c.name, c.role, c.phone, c.email].filter(Boolean).join(' · ')}
                          </Text>
                        ))}
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">{m.userEmails.join(', ') || '—'}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </SectionCard>
      )}
    </Stack>
  );
}

function CompletenessTable({ data, onPeriod }: { data: Completeness; onPeriod?: (id: string) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const pct = (v: number | null) => (v === null ? '—' : formatPercent(v, language));
  const row = (r: Completeness['total'], strong = false) => (
    <Table.Tr key={r.key ?? 'total'} fw={strong ? 700 : undefined}>
      <Table.Th scope="row" fw={strong ? 700 : 500}>
        {onPeriod && r.key ? (
          <Button variant="subtle" size="compact-sm" onClick={() => onPeriod(r.key!)}>
            {r.label}
          </Button>
        ) : (
          r.label
        )}
      </Table.Th>
      <Table.Td ta="right">{r.expected}</Table.Td>
      <Table.Td ta="right">{r.submitted}</Table.Td>
      <Table.Td ta="right">{r.accepted}</Table.Td>
      <Table.Td ta="right">{r.returned}</Table.Td>
      <Table.Td ta="right">{r.drafts}</Table.Td>
      <Table.Td ta="right">
        <Badge color={r.missing ? 'red' : 'gray'} variant="light">
          {r.missing}
        </Badge>
      </Table.Td>
      <Table.Td ta="right">{r.onTime}</Table.Td>
      <Table.Td ta="right">{r.late}</Table.Td>
      <Table.Td miw={140}>
        <Text size="xs">{pct(r.completenessPct)}</Text>
        <Progress
          value={r.completenessPct ?? 0}
          size="sm"
          aria-label={t('reporting.completeness.completeness')}
        />
      </Table.Td>
      <Table.Td miw={140}>
        <Text size="xs">{pct(r.timelinessPct)}</Text>
        <Progress
          value={r.timelinessPct ?? 0}
          size="sm"
          color="teal"
          aria-label={t('reporting.completeness.timeliness')}
        />
      </Table.Td>
    </Table.Tr>
  );
  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={1000}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              {(
                [
                  'expected',
                  'submitted',
                  'accepted',
                  'returned',
                  'drafts',
                  'missing',
                  'onTime',
                  'late',
                ] as const
              ).map((k) => (
                <Table.Th key={k} ta="right">
                  {t(`reporting.completeness.${k}`)}
                </Table.Th>
              ))}
              <Table.Th>{t('reporting.completeness.completeness')}</Table.Th>
              <Table.Th>{t('reporting.completeness.timeliness')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {row(data.total, true)}
            {data.rows.map((r) => row(r))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack gap={2} p="md">
        {data.notes.map((n) => (
          <Text key={n} size="xs" c="dimmed">
            {n}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}
