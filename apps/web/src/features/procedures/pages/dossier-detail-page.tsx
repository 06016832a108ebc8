import type { DossierView } from '@heza/shared/procedures';
import { Anchor, Badge, Button, Grid, Group, Stack, Table, Text, Timeline } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconDownload, IconFolder } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { formatIsoDate } from '../../../lib/format-number';
import { departmentLabel } from '../../../lib/labels';
import { useCurrentUser } from '../../auth/current-user';
import { dossierFileUrl, formUrl, useDossier, useDossierActions, useProcedure } from '../api';
import { ActionModal } from '../components/action-modal';
import { DaysLeftText, DossierStatusBadge, OverdueBadge } from '../components/badges';
import { Facts, Section } from '../components/section';
import { availableForms, clockRunning, type DossierAction, dossierActions } from '../lib/dossier';
import { useWorkingDaysLeft } from '../lib/use-days-left';

/** The order in which action buttons are offered. */
const ACTION_ORDER: DossierAction[] = [
  'receive',
  'intakeSupplement',
  'reject',
  'counterSupplement',
  'applicantSupplement',
  'transfer',
  'claim',
  'result',
  'completeStep',
  'appraisalSupplement',
  'extend',
  'returnResult',
  'archive',
  'stop',
  'withdraw',
];
const DANGER: DossierAction[] = ['reject', 'stop', 'withdraw'];

/** "/procedures/dossiers/:id": one dossier, its deadline, documents, steps, log, forms and actions. */
export function DossierDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const dossier = useDossier(id);
  return (
    <>
      <Anchor
        component={Link}
        to="/procedures/dossiers"
        size="sm"
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} aria-hidden />
        {t('procedures.detail.back')}
      </Anchor>
      {dossier.isError && <QueryError error={dossier.error} onRetry={() => dossier.refetch()} />}
      {dossier.isPending && <Text c="dimmed">{t('procedures.loading')}</Text>}
      {dossier.data && <DossierDetail d={dossier.data} />}
    </>
  );
}

function DossierDetail({ d }: { d: DossierView }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const user = useCurrentUser();
  const procedure = useProcedure(d.procedure.code);
  const actions = useDossierActions(d.id);
  const can = dossierActions(user, d, procedure.data?.leadUnit);
  const [open, setOpen] = useState<Exclude<DossierAction, 'claim'> | null>(null);
  const running = clockRunning(d.status);
  const daysLeft = useWorkingDaysLeft(running ? d.legalDueDate : null);
  const forms = availableForms(d);
  const name = (b: { vi: string; en: string }) => (language === 'vi' ? b.vi : b.en);
  const staffView = user.role !== 'enterprise';

  return (
    <>
      <PageHeader
        title={name(d.procedure.name)}
        icon={<IconFolder size={28} aria-hidden />}
        description={
          <Group gap="xs" component="span">
            <Text span ff="monospace" fw={700} data-testid="dossier-code">
              {d.code ?? t('procedures.noCodeYet')}
            </Text>
            <DossierStatusBadge status={d.status} />
            {d.overdue && <OverdueBadge />}
            <Badge variant="outline">{t(`procedures.channel.${d.channel}`)}</Badge>
          </Group>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Section title={t('procedures.detail.request')}>
              <Facts
                rows={[
                  [t('procedures.fields.procedure'), `${d.procedure.code} — ${name(d.procedure.name)}`],
                  [
                    t('procedures.fields.applicant'),
                    `${d.applicant.name}${d.applicant.idNumber ? ` (${d.applicant.idNumber})` : ''}`,
                  ],
                  [t('procedures.fields.address'), d.applicant.address ?? '—'],
                  [
                    t('procedures.fields.contact'),
                    [d.applicant.phone, d.applicant.email].filter(Boolean).join(' · ') || '—',
                  ],
                  [t('procedures.fields.subject'), d.subject],
                  [t('procedures.fields.setsCount'), String(d.setsCount)],
                  [
                    t('procedures.fields.returnMethod'),
                    `${t(`procedures.returnMethod.${d.returnMethod}`)}${d.returnAddress ? ` — ${d.returnAddress}` : ''}`,
                  ],
                  ...(staffView
                    ? ([[t('procedures.fields.trackingSecret'), d.trackingSecret]] as [string, string][])
                    : []),
                ]}
              />
            </Section>
            <Section title={t('procedures.detail.documents')}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('procedures.fields.document')}</Table.Th>
                    <Table.Th scope="col">{t('procedures.fields.originals')}</Table.Th>
                    <Table.Th scope="col">{t('procedures.fields.copies')}</Table.Th>
                    <Table.Th scope="col">{t('procedures.fields.file')}</Table.Th>
                    <Table.Th scope="col">{t('procedures.fields.providedAt')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.documents.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={5}>
                        <Text c="dimmed">{t('procedures.detail.noDocuments')}</Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {d.documents.map((doc) => (
                    <Table.Tr key={doc.id}>
                      <Table.Td>
                        {doc.name}
                        {doc.supplementId && (
                          <Badge size="xs" variant="light" ml={6}>
                            {t('procedures.detail.supplemented')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{doc.originals}</Table.Td>
                      <Table.Td>{doc.copies}</Table.Td>
                      <Table.Td>
                        {doc.file ? (
                          <Anchor href={dossierFileUrl(d.id, doc.file.id)} size="sm">
                            {doc.file.name}
                          </Anchor>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                      <Table.Td>{formatDateTime(doc.providedAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Section>
            <Section title={t('procedures.detail.steps')}>
              {d.steps.length === 0 ? (
                <Text c="dimmed">{t('procedures.detail.noSteps')}</Text>
              ) : (
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">#</Table.Th>
                      <Table.Th scope="col">{t('procedures.fields.step')}</Table.Th>
                      <Table.Th scope="col">{t('procedures.fields.unit')}</Table.Th>
                      <Table.Th scope="col">{t('procedures.fields.stepDue')}</Table.Th>
                      <Table.Th scope="col">{t('procedures.fields.assignee')}</Table.Th>
                      <Table.Th scope="col">{t('procedures.fields.completedAt')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {d.steps.map((s) => {
                      const current = d.currentStep?.position === s.position;
                      return (
                        <Table.Tr
                          key={s.position}
                          fw={current ? 700 : undefined}
                          data-testid={current ? 'current-step' : undefined}
                        >
                          <Table.Td>{s.position + 1}</Table.Td>
                          <Table.Td>
                            {name(s.name)}
                            {current && (
                              <Badge size="xs" ml={6}>
                                {t('procedures.detail.currentStep')}
                              </Badge>
                            )}
                            {s.note && (
                              <Text size="xs" c="dimmed">
                                {s.note}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>
                            {departmentLabel(t, s.unit)}
                            <Text size="xs" c="dimmed">
                              {t(`procedures.stepRole.${s.role}`)} ·{' '}
                              {t('procedures.workingDays', { count: s.days })}
                            </Text>
                          </Table.Td>
                          <Table.Td>{formatIsoDate(s.dueDate)}</Table.Td>
                          <Table.Td>{s.assignee?.name ?? '—'}</Table.Td>
                          <Table.Td>{s.completedAt ? formatDateTime(s.completedAt) : '—'}</Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              )}
            </Section>
            {d.supplements.length > 0 && (
              <Section title={t('procedures.detail.supplements')}>
                <Stack gap="sm">
                  {d.supplements.map((s) => (
                    <div key={s.id} data-testid="supplement-request">
                      <Text size="sm" fw={600}>
                        {t('procedures.detail.supplementHeading', {
                          number: s.number,
                          stage: t(`procedures.supplementStage.${s.stage}`),
                          at: formatDateTime(s.requestedAt),
                        })}
                        {s.fulfilledAt
                          ? ` — ${t('procedures.detail.fulfilledAt', { at: formatDateTime(s.fulfilledAt) })}`
                          : ''}
                      </Text>
                      <Text size="sm">{s.reason}</Text>
                      <ul style={{ margin: '4px 0 0', paddingLeft: '1.25rem' }}>
                        {s.items.map((i) => (
                          <li key={`${i.documentKey ?? ''}${i.name}`}>
                            <Text size="sm" span>
                              {i.name} — {i.reason}
                            </Text>
                          </li>
                        ))}
                      </ul>
                    </div>
                  ))}
                </Stack>
              </Section>
            )}
            {d.extensions.length > 0 && (
              <Section title={t('procedures.detail.extensions')}>
                {d.extensions.map((x) => (
                  <Text key={x.number} size="sm">
                    {t('procedures.detail.extensionLine', {
                      number: x.number,
                      from: formatDateTime(x.previousDueAt),
                      to: formatDateTime(x.newDueAt),
                      signer: `${x.signerName} (${x.signerTitle})`,
                    })}{' '}
                    — {x.reason}
                  </Text>
                ))}
              </Section>
            )}
            <Section title={t('procedures.detail.controlSheet')}>
              <Table data-testid="control-sheet">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('procedures.fields.at')}</Table.Th>
                    <Table.Th scope="col">{t('procedures.fields.event')}</Table.Th>
                    <Table.Th scope="col">{t('procedures.fields.handOver')}</Table.Th>
                    <Table.Th scope="col">{t('procedures.fields.actor')}</Table.Th>
                    <Table.Th scope="col">{t('procedures.fields.note')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.events.map((e, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the log is append-only, in order.
                    <Table.Tr key={i}>
                      <Table.Td>{formatDateTime(e.at)}</Table.Td>
                      <Table.Td>
                        {t(`procedures.event.${e.event}`, { defaultValue: e.event })}
                        {e.toStatus && e.toStatus !== e.fromStatus && (
                          <Text size="xs" c="dimmed">
                            → {t(`procedures.status.${e.toStatus}`, { defaultValue: e.toStatus })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {e.fromUnit || e.toUnit
                          ? `${departmentLabel(t, e.fromUnit) ?? '—'} → ${departmentLabel(t, e.toUnit) ?? '—'}`
                          : '—'}
                      </Table.Td>
                      <Table.Td>{e.actor ?? '—'}</Table.Td>
                      <Table.Td>{e.note ?? ''}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Section title={t('procedures.detail.deadline')}>
              {d.legalDueDate ? (
                <>
                  <Text size="xl" fw={700} data-testid="dossier-appointment">
                    {d.dueAt ? formatDateTime(d.dueAt) : formatIsoDate(d.legalDueDate)}
                  </Text>
                  {running && (
                    <Text c={d.overdue ? 'red' : 'dimmed'} size="sm" data-testid="dossier-days-left">
                      <DaysLeftText days={daysLeft} />
                    </Text>
                  )}
                  <Facts
                    rows={[
                      [t('procedures.fields.legalDue'), formatIsoDate(d.legalDueDate)],
                      [t('procedures.fields.receivedAt'), formatDateTime(d.receivedAt)],
                      [t('procedures.fields.countingFrom'), formatIsoDate(d.countingFrom)],
                      [
                        t('procedures.fields.timeLimit'),
                        t('procedures.workingDays', { count: d.timeLimitDays }),
                      ],
                      ...(d.pausedRemainingDays !== null
                        ? ([
                            [
                              t('procedures.fields.pausedRemaining'),
                              t('procedures.workingDays', { count: d.pausedRemainingDays }),
                            ],
                          ] as [string, string][])
                        : []),
                    ]}
                  />
                </>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('procedures.detail.noDeadlineYet', { at: formatDateTime(d.submittedAt) })}
                </Text>
              )}
            </Section>
            <ActionsSection d={d} can={can} actions={actions} onOpen={setOpen} />
            <Section title={t('procedures.detail.forms')}>
              {forms.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('procedures.detail.noForms')}
                </Text>
              )}
              <Stack gap={6}>
                {forms.map((f) => (
                  <Group key={f} justify="space-between" gap="xs" wrap="nowrap">
                    <Text size="sm">{t(`procedures.form.${f}` as 'procedures.form.01')}</Text>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        component="a"
                        href={formUrl(d.id, f, 'pdf')}
                        size="compact-xs"
                        variant="light"
                        leftSection={<IconDownload size={12} aria-hidden />}
                        aria-label={t('procedures.detail.downloadForm', { form: f, format: 'PDF' })}
                      >
                        PDF
                      </Button>
                      <Button
                        component="a"
                        href={formUrl(d.id, f, 'docx')}
                        size="compact-xs"
                        variant="default"
                        leftSection={<IconDownload size={12} aria-hidden />}
                        aria-label={t('procedures.detail.downloadForm', { form: f, format: 'DOCX' })}
                      >
                        DOCX
                      </Button>
                    </Group>
                  </Group>
                ))}
              </Stack>
            </Section>
            {(d.result.fileId || d.result.number) && (
              <Section title={t('procedures.detail.result')}>
                <Facts
                  rows={[
                    [t('procedures.fields.resultNumber'), d.result.number ?? '—'],
                    [
                      t('procedures.fields.resultFile'),
                      d.result.fileId ? (
                        <Anchor key="f" href={dossierFileUrl(d.id, d.result.fileId)}>
                          {t('procedures.detail.downloadResult')}
                        </Anchor>
                      ) : (
                        '—'
                      ),
                    ],
                    [t('procedures.fields.finishedAt'), formatDateTime(d.finishedAt) || '—'],
                    [
                      t('procedures.fields.returnedAt'),
                      d.returnedAt
                        ? `${formatDateTime(d.returnedAt)} (${t(`procedures.returnMethod.${d.returnedByMethod ?? d.returnMethod}`)})`
                        : '—',
                    ],
                  ]}
                />
              </Section>
            )}
            <Section title={t('procedures.detail.timeline')}>
              <Timeline bulletSize={12} lineWidth={2} active={-1}>
                <Timeline.Item title={t('procedures.timeline.submitted')}>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(d.submittedAt)}
                  </Text>
                </Timeline.Item>
                {d.receivedAt && (
                  <Timeline.Item title={t('procedures.timeline.received')}>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(d.receivedAt)}
                    </Text>
                  </Timeline.Item>
                )}
                {d.finishedAt && (
                  <Timeline.Item title={t('procedures.timeline.finished')}>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(d.finishedAt)}
                    </Text>
                  </Timeline.Item>
                )}
                {d.returnedAt && (
                  <Timeline.Item title={t('procedures.timeline.returned')}>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(d.returnedAt)}
                    </Text>
                  </Timeline.Item>
                )}
                {d.closedAt && (
                  <Timeline.Item title={t('procedures.timeline.closed')}>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(d.closedAt)}
                      {d.closeReason ? ` — ${d.closeReason}` : ''}
                    </Text>
                  </Timeline.Item>
                )}
                {d.archivedAt && (
                  <Timeline.Item title={t('procedures.timeline.archived')}>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(d.archivedAt)}
                    </Text>
                  </Timeline.Item>
                )}
              </Timeline>
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
      <ActionModal action={open} dossier={d} actions={actions} onClose={() => setOpen(null)} />
    </>
  );
}

function ActionsSection({
  d,
  can,
  actions,
  onOpen,
}: {
  d: DossierView;
  can: Set<DossierAction>;
  actions: ReturnType<typeof useDossierActions>;
  onOpen: (a: Exclude<DossierAction, 'claim'>) => void;
}) {
  const { t } = useTranslation();
  const offered = ACTION_ORDER.filter((a) => can.has(a));
  return (
    <Section title={t('procedures.detail.actions')}>
      <FormErrorAlert error={actions.claim.error} />
      {offered.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="no-actions">
          {t('procedures.detail.noActions')}
        </Text>
      )}
      <Stack gap="xs" mt={offered.length ? 0 : undefined}>
        {offered.map((a) =>
          a === 'claim' ? (
            <Button
              key={a}
              variant="light"
              loading={actions.claim.isPending}
              onClick={() =>
                actions.claim.mutate(
                  {},
                  {
                    onSuccess: () =>
                      notifications.show({ color: 'green', message: t('procedures.queue.claimed') }),
                  },
                )
              }
            >
              {t('procedures.actions.claim')}
            </Button>
          ) : (
            <Button
              key={a}
              variant={DANGER.includes(a) ? 'outline' : 'filled'}
              color={DANGER.includes(a) ? 'red' : undefined}
              onClick={() => onOpen(a)}
            >
              {t(`procedures.actions.${a}`)}
            </Button>
          ),
        )}
      </Stack>
      {d.currentStep?.assignee && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('procedures.detail.assignedTo', { name: d.currentStep.assignee.name })}
        </Text>
      )}
    </Section>
  );
}
