import type { FeedbackView } from '@heza/shared/feedback';
import { DEPARTMENTS } from '@heza/shared/roles';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Divider,
  Grid,
  Group,
  Rating,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconMessageReport } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import type { User } from '../../../lib/api-types';
import { formatDateTime } from '../../../lib/format';
import { formatIsoDate } from '../../../lib/format-number';
import { departmentLabel } from '../../../lib/labels';
import { hasPermission, PERMISSIONS } from '../../../lib/permissions';
import { useCurrentUser } from '../../auth/current-user';
import { useCategories, useFeedback, useFeedbackActions } from '../api';
import { DaysLeftText, FeedbackStatusBadge } from '../components/status-badge';
import { useWorkingDaysLeft } from '../lib/use-days-left';

type Actions = ReturnType<typeof useFeedbackActions>;

/** Who may do what on an item, as the server decides it (feedback/access.ts): the web only hides buttons. */
export function feedbackAbilities(user: User, f: Pick<FeedbackView, 'unit' | 'status' | 'answer'>) {
  const process = hasPermission(user, PERMISSIONS.feedbackProcess);
  const handles =
    process && (user.role === 'leader' || (user.role === 'staff' && user.department === f.unit));
  const open = f.status === 'received' || f.status === 'in_progress';
  return {
    handles,
    take: handles && open,
    route: open && (handles || (process && user.role === 'staff' && user.department === 'office')),
    note: handles,
    answer: handles && open,
    publish: handles && !!f.answer,
    close: handles && f.status === 'answered',
    reopen: handles && (f.status === 'answered' || f.status === 'closed'),
  };
}

/** "/feedback/:id": one item, its handling, notes, answer and log. */
export function FeedbackDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const item = useFeedback(id);
  const f = item.data;
  return (
    <>
      <Anchor
        component={Link}
        to="/feedback"
        size="sm"
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} aria-hidden />
        {t('feedback.detail.back')}
      </Anchor>
      {item.isError && <QueryError error={item.error} onRetry={() => item.refetch()} />}
      {item.isPending && <Text c="dimmed">{t('feedback.loading')}</Text>}
      {f && <FeedbackDetail f={f} />}
    </>
  );
}

function FeedbackDetail({ f }: { f: FeedbackView }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const language = currentLanguage();
  const can = feedbackAbilities(user, f);
  const actions = useFeedbackActions(f.id);
  const daysLeft = useWorkingDaysLeft(
    f.status === 'received' || f.status === 'in_progress' ? f.dueDate : null,
  );
  return (
    <>
      <PageHeader
        title={f.subject}
        icon={<IconMessageReport size={28} aria-hidden />}
        description={
          <Group gap="xs" component="span">
            <Text span ff="monospace" data-testid="feedback-code">
              {f.code}
            </Text>
            <FeedbackStatusBadge status={f.status} />
            <Badge variant="outline">{t(`feedback.kind.${f.kind}`)}</Badge>
            {f.overdue && (
              <Badge color="red" variant="filled">
                {t('feedback.overdue')}
              </Badge>
            )}
          </Group>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Section title={t('feedback.detail.submission')}>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{f.body}</Text>
              <Divider my="sm" />
              <Facts
                rows={[
                  [
                    t('feedback.fields.requester'),
                    [f.requester.name, f.requester.organisation].filter(Boolean).join(' — '),
                  ],
                  [
                    t('feedback.fields.contact'),
                    [f.requester.email, f.requester.phone].filter(Boolean).join(' · ') || '—',
                  ],
                  [t('feedback.fields.channel'), t(`feedback.channel.${f.channel}`)],
                  [t('feedback.fields.receivedAt'), formatDateTime(f.receivedAt)],
                  [
                    t('feedback.fields.category'),
                    language === 'vi' ? f.category.name.vi : f.category.name.en,
                  ],
                  [
                    t('feedback.fields.dossier'),
                    f.dossier ? (
                      <Anchor
                        key="dossier"
                        component={Link}
                        to={`/procedures/dossiers/${f.dossier.id}`}
                        ff="monospace"
                      >
                        {f.dossier.code ?? f.dossier.id}
                      </Anchor>
                    ) : (
                      '—'
                    ),
                  ],
                  [
                    t('feedback.fields.procedure'),
                    f.procedureCode ? (
                      <Anchor
                        key="procedure"
                        component={Link}
                        to={`/procedures/catalogue/${encodeURIComponent(f.procedureCode)}`}
                        ff="monospace"
                      >
                        {f.procedureCode}
                      </Anchor>
                    ) : (
                      '—'
                    ),
                  ],
                ]}
              />
            </Section>
            {f.answer && <AnswerSection f={f} actions={actions} canPublish={can.publish} />}
            {can.answer && <AnswerForm f={f} actions={actions} />}
            <NotesSection f={f} actions={actions} canNote={can.note} />
            <Section title={t('feedback.detail.log')}>
              <Timeline bulletSize={12} lineWidth={2}>
                {f.events.map((e) => (
                  <Timeline.Item
                    key={`${e.at}|${e.event}|${e.toUnit ?? ''}`}
                    title={t(`feedback.event.${e.event}` as 'feedback.event.take', { defaultValue: e.event })}
                  >
                    <Text size="xs" c="dimmed">
                      {formatDateTime(e.at)} ·{' '}
                      {e.actor === 'requester' ? t('feedback.detail.requester') : (e.actor ?? '—')}
                    </Text>
                    {e.toUnit && e.event === 'route' && (
                      <Text size="sm">
                        {departmentLabel(t, e.fromUnit)} → {departmentLabel(t, e.toUnit)}
                      </Text>
                    )}
                    {e.note && <Text size="sm">{e.note}</Text>}
                  </Timeline.Item>
                ))}
              </Timeline>
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Section title={t('feedback.detail.deadline')}>
              <Text size="xl" fw={700} data-testid="feedback-due">
                {formatIsoDate(f.dueDate)}
              </Text>
              {(f.status === 'received' || f.status === 'in_progress') && (
                <Text c={f.overdue ? 'red' : 'dimmed'} size="sm" data-testid="feedback-days-left">
                  <DaysLeftText days={daysLeft} />
                </Text>
              )}
              <Text size="xs" c="dimmed" mt={4}>
                {t('feedback.detail.deadlineHelp')}
              </Text>
              {f.reopenCount > 0 && (
                <Text size="sm" mt="xs">
                  {t('feedback.detail.reopened', { count: f.reopenCount })}
                </Text>
              )}
            </Section>
            <Section title={t('feedback.detail.handling')}>
              <Facts
                rows={[
                  [t('feedback.fields.unit'), departmentLabel(t, f.unit)],
                  [t('feedback.fields.assignee'), f.assignee?.name ?? t('feedback.detail.unassigned')],
                ]}
              />
              {can.take && f.assignee?.id !== user.id && (
                <ActionButton
                  label={t('feedback.actions.take')}
                  mutation={actions.take}
                  run={() => actions.take.mutate(undefined)}
                />
              )}
              {!can.handles && hasPermission(user, PERMISSIONS.feedbackProcess) && (
                <Text size="xs" c="dimmed" mt="xs">
                  {t('feedback.detail.notYourUnit')}
                </Text>
              )}
            </Section>
            {can.route && <CategoryForm f={f} actions={actions} />}
            {can.route && <RouteForm f={f} actions={actions} />}
            {(can.close || can.reopen) && <CloseReopen f={f} actions={actions} can={can} />}
            {f.rating !== null && (
              <Section title={t('feedback.detail.rating')}>
                <Group gap="xs">
                  <Rating
                    value={f.rating}
                    readOnly
                    aria-label={t('feedback.detail.ratingValue', { rating: f.rating })}
                  />
                  <Text size="sm">{t('feedback.detail.ratingValue', { rating: f.rating })}</Text>
                </Group>
                {f.ratingComment && (
                  <Text size="sm" mt="xs">
                    {f.ratingComment}
                  </Text>
                )}
              </Section>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder component="section">
      <Title order={2} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 12px' }}>
      {rows.map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <Text component="dt" size="sm" c="dimmed">
            {k}
          </Text>
          <Text component="dd" size="sm" m={0}>
            {v}
          </Text>
        </div>
      ))}
    </dl>
  );
}

function ActionButton({
  label,
  mutation,
  run,
  color,
}: {
  label: string;
  mutation: { isPending: boolean; error: unknown };
  run: () => void;
  color?: string;
}) {
  return (
    <Stack gap={4} mt="sm">
      <FormErrorAlert error={mutation.error} />
      <Button onClick={run} loading={mutation.isPending} color={color}>
        {label}
      </Button>
    </Stack>
  );
}

function RouteForm({ f, actions }: { f: FeedbackView; actions: Actions }) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <Section title={t('feedback.route.title')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!unit || unit === f.unit) {
            setError(t('feedback.route.unitRequired'));
            return;
          }
          actions.route.mutate(
            { unit: unit as (typeof DEPARTMENTS)[number], note: note.trim() || null },
            {
              onSuccess: () => {
                notifications.show({
                  color: 'green',
                  message: t('feedback.route.done', { unit: departmentLabel(t, unit) }),
                });
                setUnit(null);
                setNote('');
              },
            },
          );
        }}
      >
        <Stack gap="xs">
          <FormErrorAlert error={actions.route.error} />
          <Select
            label={t('feedback.route.unit')}
            data={DEPARTMENTS.filter((d) => d !== f.unit).map((d) => ({
              value: d,
              label: departmentLabel(t, d) ?? d,
            }))}
            value={unit}
            onChange={(v) => {
              setUnit(v);
              setError(undefined);
            }}
            error={error}
            required
          />
          <Textarea
            label={t('feedback.route.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
          />
          <Button type="submit" variant="light" loading={actions.route.isPending}>
            {t('feedback.route.submit')}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}

function CategoryForm({ f, actions }: { f: FeedbackView; actions: Actions }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const categories = useCategories();
  const [code, setCode] = useState<string | null>(f.category.code);
  const chosen = categories.data?.find((c) => c.code === code);
  return (
    <Section title={t('feedback.category.title')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!code || code === f.category.code) return;
          actions.category.mutate(code, {
            onSuccess: () => notifications.show({ color: 'green', message: t('feedback.category.done') }),
          });
        }}
      >
        <Stack gap="xs">
          <FormErrorAlert error={actions.category.error} />
          <Select
            label={t('feedback.fields.category')}
            data={(categories.data ?? []).map((c) => ({
              value: c.code,
              label: language === 'vi' ? c.name.vi : c.name.en,
            }))}
            value={code}
            onChange={setCode}
            allowDeselect={false}
          />
          {chosen && chosen.unit !== f.unit && (
            <Text size="xs" c="dimmed">
              {t('feedback.category.unitHint', { unit: departmentLabel(t, chosen.unit) })}
            </Text>
          )}
          <Button
            type="submit"
            variant="light"
            disabled={!code || code === f.category.code}
            loading={actions.category.isPending}
          >
            {t('feedback.category.submit')}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}

function NotesSection({ f, actions, canNote }: { f: FeedbackView; actions: Actions; canNote: boolean }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <Section title={t('feedback.notes.title')}>
      <Text size="xs" c="dimmed" mb="xs">
        {t('feedback.notes.help')}
      </Text>
      {f.notes.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('feedback.notes.empty')}
        </Text>
      )}
      <Stack gap="xs" mb="sm" data-testid="feedback-notes">
        {f.notes.map((n) => (
          <Card key={`${n.at}|${n.author ?? ''}`} withBorder padding="xs" bg="var(--mantine-color-gray-0)">
            <Text size="xs" c="dimmed">
              {formatDateTime(n.at)} · {n.author ?? '—'}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {n.body}
            </Text>
          </Card>
        ))}
      </Stack>
      {canNote && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!body.trim()) {
              setError(t('feedback.notes.required'));
              return;
            }
            actions.note.mutate(body.trim(), { onSuccess: () => setBody('') });
          }}
        >
          <Stack gap="xs">
            <FormErrorAlert error={actions.note.error} />
            <Textarea
              label={t('feedback.notes.new')}
              value={body}
              onChange={(e) => {
                setBody(e.currentTarget.value);
                setError(undefined);
              }}
              error={error}
              autosize
              minRows={2}
              maxLength={5000}
            />
            <Group justify="flex-end">
              <Button type="submit" variant="light" loading={actions.note.isPending}>
                {t('feedback.notes.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Section>
  );
}

function AnswerForm({ f, actions }: { f: FeedbackView; actions: Actions }) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState('');
  const [publish, setPublish] = useState(false);
  const [question, setQuestion] = useState(f.publicQuestion ?? f.body);
  const [errors, setErrors] = useState<{ answer?: string; question?: string }>({});
  return (
    <Section title={t('feedback.answer.title')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const next: typeof errors = {};
          if (!answer.trim()) next.answer = t('feedback.answer.required');
          if (publish && !question.trim()) next.question = t('feedback.answer.questionRequired');
          setErrors(next);
          if (next.answer || next.question) return;
          actions.answer.mutate(
            { answer: answer.trim(), public: publish, publicQuestion: publish ? question.trim() : null },
            { onSuccess: () => notifications.show({ color: 'green', message: t('feedback.answer.done') }) },
          );
        }}
      >
        <Stack gap="xs">
          <FormErrorAlert error={actions.answer.error} />
          <Textarea
            label={t('feedback.answer.text')}
            description={t('feedback.answer.help')}
            value={answer}
            onChange={(e) => setAnswer(e.currentTarget.value)}
            error={errors.answer}
            autosize
            minRows={5}
            maxLength={20000}
            required
          />
          <Checkbox
            label={t('feedback.answer.publish')}
            description={t('feedback.answer.publishHelp')}
            checked={publish}
            onChange={(e) => setPublish(e.currentTarget.checked)}
          />
          {publish && (
            <Textarea
              label={t('feedback.answer.publicQuestion')}
              description={t('feedback.answer.publicQuestionHelp')}
              value={question}
              onChange={(e) => setQuestion(e.currentTarget.value)}
              error={errors.question}
              autosize
              minRows={3}
              maxLength={10000}
            />
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={actions.answer.isPending}>
              {t('feedback.answer.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function AnswerSection({
  f,
  actions,
  canPublish,
}: {
  f: FeedbackView;
  actions: Actions;
  canPublish: boolean;
}) {
  const { t } = useTranslation();
  const [question, setQuestion] = useState(f.publicQuestion ?? f.body);
  const [error, setError] = useState<string | undefined>();
  const toggle = (next: boolean) => {
    if (next && !question.trim()) {
      setError(t('feedback.answer.questionRequired'));
      return;
    }
    actions.publish.mutate(
      { public: next, publicQuestion: next ? question.trim() : null },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            message: next ? t('feedback.publish.published') : t('feedback.publish.withdrawn'),
          }),
      },
    );
  };
  return (
    <Section title={t('feedback.answer.given')}>
      <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="feedback-answer">
        {f.answer}
      </Text>
      {f.answeredAt && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('feedback.answer.at', { at: formatDateTime(f.answeredAt) })}
        </Text>
      )}
      <Divider my="sm" />
      <Group gap="xs" mb="xs">
        <Badge color={f.isPublic ? 'green' : 'gray'} variant="light" data-testid="feedback-public">
          {f.isPublic ? t('feedback.publish.isPublic') : t('feedback.publish.notPublic')}
        </Badge>
      </Group>
      {canPublish && (
        <Stack gap="xs">
          <FormErrorAlert error={actions.publish.error} />
          <Textarea
            label={t('feedback.answer.publicQuestion')}
            description={t('feedback.answer.publicQuestionHelp')}
            value={question}
            onChange={(e) => {
              setQuestion(e.currentTarget.value);
              setError(undefined);
            }}
            error={error}
            autosize
            minRows={2}
            maxLength={10000}
          />
          <Switch
            label={t('feedback.publish.toggle')}
            checked={f.isPublic}
            disabled={actions.publish.isPending}
            onChange={(e) => toggle(e.currentTarget.checked)}
          />
          {f.isPublic && (
            <Button
              variant="subtle"
              size="xs"
              onClick={() => toggle(true)}
              loading={actions.publish.isPending}
              w="fit-content"
            >
              {t('feedback.publish.updateQuestion')}
            </Button>
          )}
        </Stack>
      )}
    </Section>
  );
}

function CloseReopen({
  f,
  actions,
  can,
}: {
  f: FeedbackView;
  actions: Actions;
  can: ReturnType<typeof feedbackAbilities>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <Section title={t('feedback.closeReopen.title')}>
      {can.close && (
        <ActionButton
          label={t('feedback.actions.close')}
          mutation={actions.close}
          run={() =>
            actions.close.mutate(undefined, {
              onSuccess: () =>
                notifications.show({ color: 'green', message: t('feedback.closeReopen.closed') }),
            })
          }
        />
      )}
      {can.reopen && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) {
              setError(t('feedback.closeReopen.reasonRequired'));
              return;
            }
            actions.reopen.mutate(reason.trim(), {
              onSuccess: () => {
                setReason('');
                notifications.show({ color: 'green', message: t('feedback.closeReopen.reopened') });
              },
            });
          }}
        >
          <Stack gap="xs" mt="sm">
            {f.isPublic && (
              <Alert color="yellow" variant="light">
                {t('feedback.closeReopen.withdrawsPublic')}
              </Alert>
            )}
            <FormErrorAlert error={actions.reopen.error} />
            <Textarea
              label={t('feedback.closeReopen.reason')}
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setError(undefined);
              }}
              error={error}
              autosize
              minRows={2}
              maxLength={2000}
            />
            <Button type="submit" variant="light" color="orange" loading={actions.reopen.isPending}>
              {t('feedback.actions.reopen')}
            </Button>
          </Stack>
        </form>
      )}
    </Section>
  );
}
