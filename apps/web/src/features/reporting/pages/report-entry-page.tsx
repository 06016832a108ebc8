import { pickMessage } from '@heza/shared/i18n-message';
import { DISPLAY_UNITS, type EntryView } from '@heza/shared/reporting';
import { checkEntry, type EntryProblem } from '@heza/shared/reporting-rules';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  LoadingOverlay,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconHistory,
  IconLock,
  IconMessageExclamation,
  IconSend,
} from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { fieldErrorsOf, isApiError } from '../../../lib/api-client';
import type { Language } from '../../../lib/api-types';
import { formatIsoDate, formatNumber, todayIso } from '../../../lib/format-number';
import { hasPermission } from '../../../lib/permissions';
import { useCurrentUser } from '../../auth/current-user';
import { type ReportKey, useEntry, useSaveDraft, useSubmitReport } from '../api';
import { ReportStatusBadge, TimelinessBadge } from '../components/status-badge';
import { ValueHistoryDrawer } from '../components/value-history-drawer';
import {
  type Cell,
  cellKey,
  type EntryState,
  fieldOf,
  initialState,
  toCanonical,
  toValues,
} from '../entry-values';

/** One report (form × enterprise × period): load it, then edit it. */
export function ReportEntryPage() {
  const params = useParams();
  const key: ReportKey = {
    formId: params.formId ?? '',
    enterpriseId: params.enterpriseId ?? '',
    periodId: params.periodId ?? '',
  };
  const entry = useEntry(key);
  if (entry.isError) return <QueryError error={entry.error} onRetry={() => entry.refetch()} />;
  if (!entry.data) return <LoadingOverlay visible />;
  // Remount the editor when the stored report changes (after a save or a submission).
  return (
    <EntryEditor key={`${entry.data.version}-${entry.data.status}`} entry={entry.data} reportKey={key} />
  );
}

function EntryEditor({ entry, reportKey }: { entry: EntryView; reportKey: ReportKey }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const user = useCurrentUser();
  const [state, setState] = useState<EntryState>(() => initialState(entry, language));
  const [historyOf, setHistoryOf] = useState<{ code: string; label: string } | null>(null);
  // Missing values are only pointed out once the user tries to submit; malformed ones at once.
  const [attempted, setAttempted] = useState(false);
  const save = useSaveDraft(reportKey);
  const submit = useSubmitReport(reportKey);
  const canWrite = hasPermission(user, 'reporting.submission.write') && !entry.locked;
  const values = useMemo(() => toValues(entry, state, language), [entry, state, language]);
  // The same checks as the server, as the user types.
  const problems = useMemo(
    () =>
      checkEntry(
        {
          indicators: entry.indicators,
          rules: entry.rules.filter((r) => r.active),
        },
        values,
        {
          mode: 'submit',
          periodEnded: entry.period.ended,
          periodLabelVi: entry.period.labelVi,
          periodLabelEn: entry.period.labelEn,
          periodEndText: formatIsoDate(entry.period.end),
        },
      ).problems,
    [entry, values],
  );
  const serverProblems = fieldErrorsOf(isApiError(submit.error) ? submit.error.details : undefined);
  const byField = new Map<string, { message: string; blocking: boolean }>();
  const typed = new Set(
    values.map((v) => (v.combo ? `values.${v.indicator}[${v.combo}]` : `values.${v.indicator}`)),
  );
  for (const p of problems) {
    if (!attempted && !typed.has(p.field) && !p.rule) continue;
    if (!byField.has(p.field))
      byField.set(p.field, {
        message: pickMessage(p.message, language),
        blocking: p.severity === 'blocking',
      });
  }
  for (const p of serverProblems)
    if (!byField.has(p.field)) byField.set(p.field, { message: p.message, blocking: true });
  const blocking = problems.filter((p) => p.severity === 'blocking');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const today = todayIso();

  const setText = (c: Cell, text: string) =>
    setState((s) => ({ ...s, text: { ...s.text, [cellKey(c.indicator, c.combo)]: text } }));
  const setEstimate = (code: string, estimate: boolean) =>
    setState((s) => ({ ...s, estimate: { ...s.estimate, [code]: estimate } }));

  const onSave = () =>
    save.mutate(
      { values, version: entry.version },
      { onSuccess: () => notifications.show({ color: 'green', message: t('reporting.entry.saved') }) },
    );
  const onSubmit = () => {
    setAttempted(true);
    if (blocking.length) return;
    submit.mutate(
      { values, version: entry.version },
      {
        onSuccess: (r) =>
          notifications.show({
            color: r.warnings.length ? 'yellow' : 'green',
            message: r.warnings.length
              ? t('reporting.entry.submittedWithWarnings', { count: r.warnings.length })
              : t('reporting.entry.submitted'),
          }),
      },
    );
  };

  const sections = new Map<string, EntryView['indicators']>();
  for (const ind of entry.indicators) {
    const s = ind.sectionVi ?? '';
    sections.set(s, [...(sections.get(s) ?? []), ind]);
  }
  const name = (x: { nameVi: string; nameEn: string }) => (language === 'vi' ? x.nameVi : x.nameEn);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('reporting.entry.title', {
          form: name(entry.form),
          period: language === 'vi' ? entry.period.labelVi : entry.period.labelEn,
        })}
        description={`${entry.enterprise.nameVi} — ${entry.enterprise.taxCode}`}
        actions={
          <Group gap="xs">
            <ReportStatusBadge status={entry.status} />
            <TimelinessBadge onTime={entry.onTime} />
          </Group>
        }
      />
      <Card withBorder padding="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateFact
            label={t('reporting.common.dueDate')}
            date={entry.dueDate}
            hint={t('reporting.common.dueHint')}
          />
          <DateFact
            label={t('reporting.common.lockDate')}
            date={entry.lockDate}
            hint={t('reporting.common.lockHint')}
          />
          <Stack gap={2}>
            {!entry.period.ended && <Text size="sm">{t('reporting.entry.periodOpen')}</Text>}
            {entry.status === null || entry.status === 'draft' ? (
              <Text size="sm" c={today <= entry.dueDate ? 'teal' : 'red'}>
                {t(today <= entry.dueDate ? 'reporting.entry.onTimeIfNow' : 'reporting.entry.lateIfNow')}
              </Text>
            ) : null}
          </Stack>
        </SimpleGrid>
      </Card>
      {entry.locked && (
        <Alert color="gray" icon={<IconLock aria-hidden />} title={t('reporting.entry.lockedTitle')}>
          {t('reporting.entry.locked', { date: formatIsoDate(entry.lockDate) })}
        </Alert>
      )}
      {entry.unlockedUntil && (
        <Alert color="blue" icon={<IconLock aria-hidden />}>
          {t('reporting.entry.unlocked', { date: formatIsoDate(entry.unlockedUntil) })}
        </Alert>
      )}
      {entry.status === 'returned' && entry.reviewComment && (
        <Alert
          color="orange"
          icon={<IconMessageExclamation aria-hidden />}
          title={t('reporting.entry.returnedTitle')}
        >
          {entry.reviewComment}
        </Alert>
      )}
      {entry.hasDraft && entry.draftSavedAt && (
        <Alert color="yellow" variant="light">
          {t('reporting.entry.draftNote', {
            at: new Date(entry.draftSavedAt).toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB'),
          })}
        </Alert>
      )}
      <FormErrorAlert
        error={save.error ?? submit.error}
        otherErrors={serverProblems.filter((p) => !p.field.startsWith('values.'))}
      />

      {[...sections.entries()].map(([section, indicators]) => (
        <Card key={section} withBorder padding="lg" component="section">
          {section && (
            <Title order={2} size="h4" mb="md">
              {section}
            </Title>
          )}
          <Stack gap="lg">
            {indicators.map((ind) => (
              <IndicatorFields
                key={ind.code}
                indicator={ind}
                state={state}
                entry={entry}
                disabled={!canWrite}
                byField={byField}
                language={language}
                onText={setText}
                onEstimate={setEstimate}
                onHistory={() => setHistoryOf({ code: ind.code, label: name(ind) })}
              />
            ))}
          </Stack>
        </Card>
      ))}

      {(attempted || warnings.length > 0) && (
        <ProblemSummary blocking={attempted ? blocking : []} warnings={warnings} language={language} />
      )}
      {canWrite && (
        <Group justify="flex-end">
          <Button variant="default" onClick={onSave} loading={save.isPending}>
            {t('reporting.entry.saveDraft')}
          </Button>
          <Button
            onClick={onSubmit}
            loading={submit.isPending}
            disabled={attempted && blocking.length > 0}
            leftSection={<IconSend size={18} aria-hidden />}
          >
            {t('reporting.entry.submit')}
          </Button>
        </Group>
      )}
      <ValueHistoryDrawer
        reportKey={reportKey}
        indicator={historyOf?.code ?? null}
        label={historyOf?.label ?? ''}
        onClose={() => setHistoryOf(null)}
      />
    </Stack>
  );
}

function DateFact({ label, date, hint }: { label: string; date: string; hint: string }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{formatIsoDate(date)}</Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Stack>
  );
}

function IndicatorFields({
  indicator,
  state,
  entry,
  disabled,
  byField,
  language,
  onText,
  onEstimate,
  onHistory,
}: {
  indicator: EntryView['indicators'][number];
  state: EntryState;
  entry: EntryView;
  disabled: boolean;
  byField: Map<string, { message: string; blocking: boolean }>;
  language: Language;
  onText: (c: Cell, text: string) => void;
  onEstimate: (code: string, estimate: boolean) => void;
  onHistory: () => void;
}) {
  const { t } = useTranslation();
  const name = (x: { nameVi: string; nameEn: string }) => (language === 'vi' ? x.nameVi : x.nameEn);
  const submitted = new Map(entry.values.map((v) => [cellKey(v.indicator, v.combo), v]));
  const field = (c: Cell, label: string) => {
    const problem = byField.get(fieldOf(c));
    const text = state.text[cellKey(c.indicator, c.combo)] ?? '';
    const canonical = toCanonical(text, language);
    const shown = /^-?\d+(\.\d+)?$/.test(canonical)
      ? formatNumber(canonical, language, { decimals: 6 })
      : null;
    const prev = submitted.get(cellKey(c.indicator, c.combo))?.submittedValue ?? null;
    const description =
      [
        shown && shown !== text ? shown : null,
        prev !== null && entry.hasDraft
          ? t('reporting.entry.submittedValue', { value: formatNumber(prev, language, { decimals: 6 }) })
          : null,
      ]
        .filter(Boolean)
        .join(' · ') || undefined;
    return (
      <TextInput
        key={cellKey(c.indicator, c.combo)}
        label={label}
        value={text}
        inputMode="decimal"
        disabled={disabled}
        withAsterisk={c.combo === '' && indicator.required}
        onChange={(e) => onText(c, e.currentTarget.value)}
        error={problem?.blocking ? problem.message : undefined}
        description={description}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        styles={
          problem && !problem.blocking
            ? { input: { borderColor: 'var(--mantine-color-yellow-6)' } }
            : undefined
        }
        rightSection={
          problem && !problem.blocking ? (
            <IconAlertTriangle size={16} color="var(--mantine-color-yellow-7)" aria-label={problem.message} />
          ) : null
        }
      />
    );
  };
  const warning = [...byField.entries()].find(
    ([f, p]) =>
      !p.blocking && (f === `values.${indicator.code}` || f.startsWith(`values.${indicator.code}[`)),
  );
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Group gap="xs">
          <Text fw={600}>{name(indicator)}</Text>
          <Badge variant="light" color="gray" tt="none">
            {language === 'vi' ? DISPLAY_UNITS[indicator.unit].vi : DISPLAY_UNITS[indicator.unit].en}
          </Badge>
        </Group>
        <Group gap="md">
          <Checkbox
            label={t('reporting.entry.estimate')}
            checked={state.estimate[indicator.code] ?? false}
            disabled={disabled}
            onChange={(e) => onEstimate(indicator.code, e.currentTarget.checked)}
            title={t('reporting.entry.estimateHint')}
          />
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconHistory size={16} aria-hidden />}
            onClick={onHistory}
          >
            {t('reporting.entry.history')}
          </Button>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        {field({ indicator: indicator.code, combo: '' }, t('reporting.entry.total'))}
        {indicator.disaggregations.flatMap((d) =>
          d.options.map((o) =>
            field({ indicator: indicator.code, combo: `${d.code}:${o.code}` }, `${name(d)}: ${name(o)}`),
          ),
        )}
      </SimpleGrid>
      {warning && (
        <Text size="sm" c="yellow.8">
          {warning[1].message}
        </Text>
      )}
    </Stack>
  );
}

function ProblemSummary({
  blocking,
  warnings,
  language,
}: {
  blocking: EntryProblem[];
  warnings: EntryProblem[];
  language: Language;
}) {
  const { t } = useTranslation();
  if (!blocking.length && !warnings.length) return null;
  return (
    <Alert
      color={blocking.length ? 'red' : 'yellow'}
      title={t('reporting.entry.problems')}
      icon={<IconAlertTriangle aria-hidden />}
    >
      <Stack gap={4}>
        {blocking.length > 0 && (
          <Text size="sm" fw={600}>
            {t('reporting.entry.blocking', { count: blocking.length })}
          </Text>
        )}
        {warnings.length > 0 && (
          <Text size="sm">{t('reporting.entry.warnings', { count: warnings.length })}</Text>
        )}
        {[...blocking, ...warnings].slice(0, 12).map((p) => (
          <Text key={`${p.field}-${p.rule ?? ''}-${p.message}`} size="sm">
            • {pickMessage(p.message, language)}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
