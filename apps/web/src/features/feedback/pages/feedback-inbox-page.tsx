import { FEEDBACK_STATUSES } from '@heza/shared/feedback';
import { DEPARTMENTS } from '@heza/shared/roles';
import { Anchor, Badge, Button, Card, Checkbox, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { IconCategory, IconChartLine, IconMessageReport, IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { Pager } from '../../../components/pager';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { formatIsoDate } from '../../../lib/format-number';
import { departmentLabel } from '../../../lib/labels';
import { readChoice, readPage, useListParams } from '../../../lib/list-params';
import { hasPermission, PERMISSIONS } from '../../../lib/permissions';
import { useCurrentUser } from '../../auth/current-user';
import { useCategories, useFeedbackList } from '../api';
import { CategoriesModal } from '../components/categories-modal';
import { CounterFormModal } from '../components/counter-form-modal';
import { FeedbackStatusBadge } from '../components/status-badge';

const PAGE_SIZE = 20;
const CHANNELS = ['portal', 'counter'] as const;

/** "/feedback": the staff inbox of feedback and petitions, most urgent first. */
export function FeedbackInboxPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const language = currentLanguage();
  const { params, update } = useListParams();
  const status = readChoice(params, 'status', FEEDBACK_STATUSES);
  const unit = readChoice(params, 'unit', DEPARTMENTS);
  const channel = readChoice(params, 'channel', CHANNELS);
  const categoryCode = params.get('category') ?? '';
  const overdue = params.get('overdue') === 'true';
  const q = params.get('q') ?? '';
  const page = readPage(params);
  const [search, setSearch] = useState(q);
  useEffect(() => setSearch(q), [q]);
  const list = useFeedbackList({
    page,
    pageSize: PAGE_SIZE,
    status,
    unit,
    channel,
    categoryCode,
    overdue,
    q,
  });
  const categories = useCategories();
  const [recording, setRecording] = useState(false);
  const [editingCategories, setEditingCategories] = useState(false);

  return (
    <>
      <PageHeader
        title={t('feedback.title')}
        description={t('feedback.inbox.description')}
        icon={<IconMessageReport size={28} aria-hidden />}
        actions={
          <>
            {hasPermission(user, PERMISSIONS.feedbackStatsRead) && (
              <Button
                component={Link}
                to="/feedback/statistics"
                variant="default"
                leftSection={<IconChartLine size={16} aria-hidden />}
              >
                {t('feedback.statistics.title')}
              </Button>
            )}
            {hasPermission(user, PERMISSIONS.feedbackCategoryWrite) && (
              <Button
                variant="default"
                leftSection={<IconCategory size={16} aria-hidden />}
                onClick={() => setEditingCategories(true)}
              >
                {t('feedback.categories.button')}
              </Button>
            )}
            {hasPermission(user, PERMISSIONS.feedbackIntake) && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setRecording(true)}>
                {t('feedback.counter.button')}
              </Button>
            )}
          </>
        }
      />
      <Group
        component="form"
        role="search"
        aria-label={t('feedback.inbox.filters')}
        gap="sm"
        mb="md"
        align="flex-end"
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: search.trim() });
        }}
      >
        <TextInput
          label={t('feedback.inbox.search')}
          placeholder={t('feedback.inbox.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          leftSection={<IconSearch size={16} aria-hidden />}
          w={280}
        />
        <Select
          label={t('feedback.fields.status')}
          data={[
            { value: '', label: t('feedback.inbox.all') },
            ...FEEDBACK_STATUSES.map((s) => ({ value: s, label: t(`feedback.status.${s}`) })),
          ]}
          value={status}
          onChange={(v) => update({ status: v ?? '' })}
          allowDeselect={false}
          w={170}
        />
        <Select
          label={t('feedback.fields.category')}
          data={[
            { value: '', label: t('feedback.inbox.all') },
            ...(categories.data ?? []).map((c) => ({
              value: c.code,
              label: language === 'vi' ? c.name.vi : c.name.en,
            })),
          ]}
          value={categoryCode}
          onChange={(v) => update({ category: v ?? '' })}
          allowDeselect={false}
          w={260}
        />
        <Select
          label={t('feedback.fields.unit')}
          data={[
            { value: '', label: t('feedback.inbox.all') },
            ...DEPARTMENTS.map((d) => ({ value: d, label: departmentLabel(t, d) ?? d })),
          ]}
          value={unit}
          onChange={(v) => update({ unit: v ?? '' })}
          allowDeselect={false}
          w={260}
        />
        <Select
          label={t('feedback.fields.channel')}
          data={[
            { value: '', label: t('feedback.inbox.all') },
            ...CHANNELS.map((c) => ({ value: c, label: t(`feedback.channel.${c}`) })),
          ]}
          value={channel}
          onChange={(v) => update({ channel: v ?? '' })}
          allowDeselect={false}
          w={160}
        />
        <Checkbox
          label={t('feedback.inbox.overdueOnly')}
          checked={overdue}
          onChange={(e) => update({ overdue: e.currentTarget.checked ? 'true' : '' })}
          mb={8}
        />
        <Button type="submit" variant="light">
          {t('feedback.inbox.apply')}
        </Button>
      </Group>
      {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      {list.isPending && <Text c="dimmed">{t('feedback.loading')}</Text>}
      {list.data && (
        <Card withBorder padding={0}>
          <Table striped highlightOnHover>
            <Table.Caption>{t('feedback.inbox.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('feedback.fields.code')}</Table.Th>
                <Table.Th scope="col">{t('feedback.fields.subject')}</Table.Th>
                <Table.Th scope="col">{t('feedback.fields.category')}</Table.Th>
                <Table.Th scope="col">{t('feedback.fields.unit')}</Table.Th>
                <Table.Th scope="col">{t('feedback.fields.status')}</Table.Th>
                <Table.Th scope="col">{t('feedback.fields.dueDate')}</Table.Th>
                <Table.Th scope="col">{t('feedback.fields.assignee')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={7}>
                    <Text c="dimmed">{t('feedback.inbox.empty')}</Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {list.data.items.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/feedback/${f.id}`} ff="monospace">
                      {f.code}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {t(`feedback.kind.${f.kind}`)} · {t(`feedback.channel.${f.channel}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {f.subject}
                    <Text size="xs" c="dimmed">
                      {f.requester.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>{language === 'vi' ? f.category.name.vi : f.category.name.en}</Table.Td>
                  <Table.Td>{departmentLabel(t, f.unit)}</Table.Td>
                  <Table.Td>
                    <FeedbackStatusBadge status={f.status} />
                  </Table.Td>
                  <Table.Td>
                    {formatIsoDate(f.dueDate)}
                    {f.overdue && (
                      <Badge color="red" variant="filled" size="sm" ml={6}>
                        {t('feedback.overdue')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{f.assignee?.name ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {list.data && (
        <Pager
          page={page}
          pageSize={PAGE_SIZE}
          total={list.data.total}
          onChange={(p) => update({ page: p })}
        />
      )}
      <CounterFormModal opened={recording} onClose={() => setRecording(false)} />
      <CategoriesModal opened={editingCategories} onClose={() => setEditingCategories(false)} />
    </>
  );
}
