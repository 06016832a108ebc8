import type { CalendarImpact, CalendarOfficialDayView } from '@heza/shared';
import { createCalendar } from '@heza/shared/calendar/index';
import {
  Alert,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  List,
  Loader,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCalendar, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { fieldErrorsOf, isApiError } from '../../../lib/api-client';
import { formatIsoDate, parseDateText, todayIso } from '../../../lib/format-number';
import { useListParams } from '../../../lib/list-params';
import { hasPermission, PERMISSIONS } from '../../../lib/permissions';
import { useCurrentUser } from '../../auth/current-user';
import {
  fetchImpact,
  type OfficialDayForm,
  type OfficialDayKind,
  useCalendarYear,
  useDeleteOfficialDay,
  useOfficialDays,
  useSetOfficialDay,
} from '../api';
import { Legend, YearGrid } from '../components/year-grid';
import { buildYearGrid, type DayCell, toOfficialDays, weekdayOfIso } from '../lib/working-days';

const MIN_YEAR = 2021;
const MAX_YEAR = 2100;
const KINDS: OfficialDayKind[] = ['holiday', 'day_off', 'working_day'];

/** What the edit dialog works on: a date (new or existing row) and, for a removal, nothing else. */
type Editing = { date: string; existing: CalendarOfficialDayView | null };

/** "/admin/calendar": the working-day calendar of a year and the administrators' official table. */
export function CalendarPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canWrite = hasPermission(user, PERMISSIONS.calendarWrite);
  const { params, update } = useListParams();
  const thisYear = Number(todayIso().slice(0, 4));
  const requested = Number(params.get('year'));
  const year =
    Number.isInteger(requested) && requested >= MIN_YEAR && requested <= MAX_YEAR ? requested : thisYear;
  const official = useOfficialDays();
  const yearView = useCalendarYear(year);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [removing, setRemoving] = useState<CalendarOfficialDayView | null>(null);

  const calendar = useMemo(
    () => (official.data ? createCalendar(toOfficialDays(official.data)) : null),
    [official.data],
  );
  const months = useMemo(
    () => (calendar && official.data ? buildYearGrid(year, calendar, official.data) : null),
    [calendar, official.data, year],
  );
  const rows = (official.data ?? []).filter((r) => r.date.startsWith(`${year}-`));
  const openDate = (date: string) =>
    setEditing({ date, existing: official.data?.find((r) => r.date === date) ?? null });

  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        description={t('calendar.description')}
        icon={<IconCalendar size={28} aria-hidden />}
        actions={
          canWrite && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setEditing({ date: '', existing: null })}
            >
              {t('calendar.add')}
            </Button>
          )
        }
      />
      <Group align="flex-end" gap="sm" mb="md">
        <NumberInput
          label={t('calendar.year')}
          value={year}
          min={MIN_YEAR}
          max={MAX_YEAR}
          allowDecimal={false}
          thousandSeparator=""
          w={140}
          onChange={(v) => {
            const n = Number(v);
            if (Number.isInteger(n) && n >= MIN_YEAR && n <= MAX_YEAR)
              update({ year: n === thisYear ? '' : n });
          }}
        />
        <Button
          variant="default"
          onClick={() => update({ year: Math.max(MIN_YEAR, year - 1) })}
          disabled={year <= MIN_YEAR}
        >
          {t('calendar.previousYear')}
        </Button>
        <Button variant="default" onClick={() => update({ year: year + 1 })} disabled={year >= MAX_YEAR}>
          {t('calendar.nextYear')}
        </Button>
        {yearView.data && (
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('calendar.workingDays', { count: yearView.data.workingDays, year })}
          </Text>
        )}
      </Group>
      {official.isError && <QueryError error={official.error} onRetry={() => official.refetch()} />}
      {official.isPending && <Loader aria-label={t('calendar.loading')} />}
      {yearView.data && yearView.data.pendingDecisions.length > 0 && (
        <Alert
          color="yellow"
          variant="light"
          mb="md"
          title={t('calendar.pending.title')}
          icon={<IconAlertTriangle aria-hidden />}
        >
          <List size="sm">
            {yearView.data.pendingDecisions.map((p) => (
              <List.Item key={p.ruleId}>
                {currentLanguage() === 'vi' ? p.name.vi : p.name.en}: {p.dates.map(formatIsoDate).join(', ')}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {months && (
        <section aria-labelledby="calendar-grid-title">
          <Title order={2} size="h4" id="calendar-grid-title" mb="xs">
            {t('calendar.grid.title', { year })}
          </Title>
          <Legend />
          {canWrite && (
            <Text size="sm" c="dimmed" mb="xs">
              {t('calendar.grid.hint')}
            </Text>
          )}
          <YearGrid months={months} onPick={canWrite ? (c: DayCell) => openDate(c.date) : undefined} />
        </section>
      )}
      <Grid gap="md" mt="lg">
        <Grid.Col span={{ base: 12, xl: 8 }}>
          <Card withBorder padding={0}>
            <Title order={2} size="h4" p="md" pb={0}>
              {t('calendar.table.title', { year })}
            </Title>
            <Table.ScrollContainer minWidth={720}>
              <Table striped>
                <Table.Caption>{t('calendar.table.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('calendar.table.date')}</Table.Th>
                    <Table.Th scope="col">{t('calendar.table.kind')}</Table.Th>
                    <Table.Th scope="col">{t('calendar.table.name')}</Table.Th>
                    <Table.Th scope="col">{t('calendar.table.source')}</Table.Th>
                    {canWrite && <Table.Th scope="col">{t('calendar.table.actions')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {official.data && rows.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={canWrite ? 5 : 4}>
                        <Text c="dimmed">{t('calendar.table.empty', { year })}</Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {rows.map((r) => (
                    <Table.Tr key={r.date}>
                      <Table.Td>
                        {formatIsoDate(r.date)}
                        <Text size="xs" c="dimmed">
                          {t(`calendar.weekday.long.${r.weekday}` as 'calendar.weekday.long.1')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <KindBadge kind={r.kind} />
                      </Table.Td>
                      <Table.Td>
                        {r.nameVi}
                        {r.nameEn && (
                          <Text size="xs" c="dimmed">
                            {r.nameEn}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs" maw={320} style={{ overflowWrap: 'anywhere' }}>
                          {r.source ?? '—'}
                        </Text>
                      </Table.Td>
                      {canWrite && (
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            <Button
                              size="xs"
                              variant="subtle"
                              leftSection={<IconPencil size={14} aria-hidden />}
                              aria-label={t('calendar.table.editRow', { date: formatIsoDate(r.date) })}
                              onClick={() => setEditing({ date: r.date, existing: r })}
                            >
                              {t('calendar.table.edit')}
                            </Button>
                            <Button
                              size="xs"
                              variant="subtle"
                              color="red"
                              leftSection={<IconTrash size={14} aria-hidden />}
                              aria-label={t('calendar.table.removeRow', { date: formatIsoDate(r.date) })}
                              onClick={() => setRemoving(r)}
                            >
                              {t('calendar.table.remove')}
                            </Button>
                          </Group>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, xl: 4 }}>
          <Calculator calendar={calendar} />
        </Grid.Col>
      </Grid>
      {editing && <EditDayModal editing={editing} onClose={() => setEditing(null)} />}
      {removing && <RemoveDayModal row={removing} onClose={() => setRemoving(null)} />}
    </>
  );
}

export function KindBadge({ kind }: { kind: OfficialDayKind }) {
  const { t } = useTranslation();
  const color = kind === 'holiday' ? 'red' : kind === 'day_off' ? 'orange' : 'teal';
  return (
    <Badge color={color} variant="light" title={t(`calendar.kind.official_${kind}`)}>
      {t(`calendar.kindShort.${kind}`)}
    </Badge>
  );
}

/** "Add N working days": the same computation as the appointments (shared calendar library). */
function Calculator({ calendar }: { calendar: ReturnType<typeof createCalendar> | null }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(formatIsoDate(todayIso()));
  const [days, setDays] = useState<number | string>(10);
  const start = parseDateText(from);
  const n = typeof days === 'number' ? days : Number.NaN;
  const valid = Number.isInteger(n) && n >= 0 && n <= 365;
  let result: string | null = null;
  let problem: string | null = null;
  if (calendar && start && valid) {
    try {
      result = calendar.addWorkingDays(start, n);
    } catch {
      problem = t('calendar.calculator.outOfRange');
    }
  }
  return (
    <Card withBorder component="section" aria-labelledby="calculator-title">
      <Title order={2} size="h4" id="calculator-title" mb="xs">
        {t('calendar.calculator.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('calendar.calculator.help')}
      </Text>
      <Stack gap="sm">
        <TextInput
          label={t('calendar.calculator.from')}
          description={t('calendar.dateFormat')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          error={from && !start ? t('calendar.dateInvalid') : undefined}
        />
        <NumberInput
          label={t('calendar.calculator.days')}
          value={days}
          onChange={setDays}
          min={0}
          max={365}
          allowDecimal={false}
          error={days !== '' && !valid ? t('calendar.calculator.daysInvalid') : undefined}
        />
        <div aria-live="polite">
          {result && start && (
            <Text fw={600} data-testid="calculator-result">
              {t('calendar.calculator.result', {
                date: formatIsoDate(result),
                weekday: t(`calendar.weekday.long.${weekdayOfIso(result)}` as 'calendar.weekday.long.1'),
              })}
            </Text>
          )}
          {problem && <Text c="red">{problem}</Text>}
        </div>
      </Stack>
    </Card>
  );
}

/** The conflicts a change would cause, as a table (warned and listed before saving). */
function ConflictList({ impact }: { impact: CalendarImpact }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('calendar.conflicts.title', { count: impact.conflicts.length })}
      role="alert"
    >
      <Text size="sm" mb="xs">
        {t('calendar.conflicts.text')}
      </Text>
      <Table withTableBorder fz="sm" data-testid="calendar-conflicts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('calendar.conflicts.type')}</Table.Th>
            <Table.Th scope="col">{t('calendar.conflicts.code')}</Table.Th>
            <Table.Th scope="col">{t('calendar.conflicts.issued')}</Table.Th>
            <Table.Th scope="col">{t('calendar.conflicts.recomputed')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {impact.conflicts.map((c) => (
            <Table.Tr key={`${c.entityType}:${c.id}`}>
              <Table.Td>{t(`calendar.conflicts.${c.entityType}`)}</Table.Td>
              <Table.Td>{c.code}</Table.Td>
              <Table.Td>{formatIsoDate(c.dueDate)}</Table.Td>
              <Table.Td>{formatIsoDate(c.recomputedDueDate)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Alert>
  );
}

/** Conflicts the server reported itself (someone else issued an appointment since the preview). */
function conflictsFromError(error: unknown, date: string): CalendarImpact | null {
  if (!isApiError(error) || error.code !== 'CONFLICT') return null;
  const conflicts = fieldErrorsOf(error.details)
    .map((d) => d as unknown as CalendarImpact['conflicts'][number])
    .filter((d) => typeof d.code === 'string' && typeof d.dueDate === 'string');
  return conflicts.length ? { date, wasWorkingDay: true, isWorkingDay: false, conflicts } : null;
}

function EditDayModal({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSetOfficialDay();
  const [dateText, setDateText] = useState(editing.date ? formatIsoDate(editing.date) : '');
  const [form, setForm] = useState<OfficialDayForm>({
    kind: editing.existing?.kind ?? 'holiday',
    nameVi: editing.existing?.nameVi ?? '',
    nameEn: editing.existing?.nameEn ?? '',
    source: editing.existing?.source ?? '',
  });
  const [errors, setErrors] = useState<{ date?: string; nameVi?: string }>({});
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<unknown>(null);
  const [impact, setImpact] = useState<CalendarImpact | null>(null);
  const date = parseDateText(dateText);
  const serverConflicts = conflictsFromError(save.error, date ?? '');
  const onError = (err: unknown) => {
    const found = conflictsFromError(err, date ?? '');
    if (found) setImpact(found);
  };

  const done = (result: { impact: CalendarImpact }) => {
    notifications.show({
      color: result.impact.conflicts.length ? 'orange' : 'green',
      message: result.impact.conflicts.length
        ? t('calendar.savedWithConflicts', { count: result.impact.conflicts.length })
        : t('calendar.saved'),
    });
    onClose();
  };

  const submit = async () => {
    const next: typeof errors = {};
    if (!date) next.date = t('calendar.dateInvalid');
    else if (Number(date.slice(0, 4)) < MIN_YEAR || Number(date.slice(0, 4)) > MAX_YEAR)
      next.date = t('calendar.dateRange');
    if (!form.nameVi.trim()) next.nameVi = t('calendar.form.nameViRequired');
    setErrors(next);
    if (next.date || next.nameVi || !date) return;
    if (impact) {
      save.mutate({ date, body: form, acknowledge: true }, { onSuccess: done, onError });
      return;
    }
    setChecking(true);
    setCheckError(null);
    try {
      const preview = await fetchImpact(date, form.kind);
      if (preview.conflicts.length > 0) {
        setImpact(preview);
        return;
      }
      save.mutate({ date, body: form, acknowledge: false }, { onSuccess: done, onError });
    } catch (err) {
      setCheckError(err);
    } finally {
      setChecking(false);
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={editing.existing ? t('calendar.form.editTitle') : t('calendar.form.addTitle')}
      size="lg"
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <FormErrorAlert error={checkError ?? (serverConflicts ? null : save.error)} />
          <TextInput
            label={t('calendar.form.date')}
            description={t('calendar.dateFormat')}
            value={dateText}
            onChange={(e) => {
              setDateText(e.currentTarget.value);
              setImpact(null);
            }}
            error={errors.date}
            required
            disabled={!!editing.existing}
            data-autofocus
          />
          <Select
            label={t('calendar.form.kind')}
            data={KINDS.map((k) => ({ value: k, label: t(`calendar.kind.official_${k}`) }))}
            value={form.kind}
            onChange={(v) => {
              if (v) setForm({ ...form, kind: v as OfficialDayKind });
              setImpact(null);
            }}
            allowDeselect={false}
            description={t(`calendar.form.kindHelp.${form.kind}`)}
          />
          <TextInput
            label={t('calendar.form.nameVi')}
            value={form.nameVi}
            onChange={(e) => setForm({ ...form, nameVi: e.currentTarget.value })}
            error={errors.nameVi}
            required
            maxLength={300}
          />
          <TextInput
            label={t('calendar.form.nameEn')}
            value={form.nameEn}
            onChange={(e) => setForm({ ...form, nameEn: e.currentTarget.value })}
            maxLength={300}
          />
          <TextInput
            label={t('calendar.form.source')}
            description={t('calendar.form.sourceHelp')}
            value={form.source}
            onChange={(e) => setForm({ ...form, source: e.currentTarget.value })}
            maxLength={1000}
          />
          {impact && <ConflictList impact={impact} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={impact ? 'orange' : undefined} loading={checking || save.isPending}>
              {impact ? t('calendar.conflicts.saveAnyway') : t('calendar.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function RemoveDayModal({ row, onClose }: { row: CalendarOfficialDayView; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteOfficialDay();
  const [impact, setImpact] = useState<CalendarImpact | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<unknown>(null);
  const done = () => {
    notifications.show({ color: 'green', message: t('calendar.removed') });
    onClose();
  };
  const confirm = async () => {
    if (impact) {
      remove.mutate({ date: row.date, acknowledge: true }, { onSuccess: done });
      return;
    }
    setChecking(true);
    setCheckError(null);
    try {
      const preview = await fetchImpact(row.date, null);
      if (preview.conflicts.length > 0) setImpact(preview);
      else remove.mutate({ date: row.date, acknowledge: false }, { onSuccess: done });
    } catch (err) {
      setCheckError(err);
    } finally {
      setChecking(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('calendar.removeTitle')} size="lg">
      <Stack gap="sm">
        <FormErrorAlert error={checkError ?? remove.error} />
        <Text>{t('calendar.removeText', { date: formatIsoDate(row.date), name: row.nameVi })}</Text>
        {impact && <ConflictList impact={impact} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={checking || remove.isPending} onClick={() => void confirm()}>
            {impact ? t('calendar.conflicts.removeAnyway') : t('calendar.table.remove')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
