import { ZONE_STATUSES, type ZoneEventView, type ZoneStatus } from '@heza/shared/registry';
import { Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';
import { parseDecimalInput } from '../../../lib/decimal';
import { formatIsoDate, todayIso } from '../../../lib/format-number';
import { onSubmit } from '../../../lib/use-form-state';
import { type PathErrors, usePathForm } from '../../../lib/use-path-form';
import { useRecordZoneArea, useRecordZoneEvent, useVoidZoneEvent } from '../zones-api';
import { DateField } from './date-field';
import { FormFooter, pathIn, ServerErrorAlert, showServerErrors } from './form-bits';

interface RecordFormProps {
  zoneId: string;
  onDone: () => void;
  onCancel: () => void;
}

const EVENT_FIELDS = ['status', 'eventDate', 'decisionNo', 'decisionDate', 'decisionIssuer', 'note'] as const;

/** Records a lifecycle event with the document that decided it. */
export function ZoneEventForm({ zoneId, onDone, onCancel }: RecordFormProps) {
  const { t } = useTranslation();
  const form = usePathForm({
    status: '' as ZoneStatus | '',
    eventDate: todayIso(),
    decisionNo: '',
    decisionDate: '',
    decisionIssuer: '',
    note: '',
  });
  const { values, errors, setValue } = form;
  const mutation = useRecordZoneEvent(zoneId);
  const shows = pathIn(EVENT_FIELDS);

  const submit = () => {
    const problems: PathErrors = {};
    if (!values.status) problems.status = t('registry.validation.choose');
    if (!values.eventDate) problems.eventDate = t('registry.validation.date');
    if (Object.keys(problems).length > 0) {
      mutation.reset();
      form.showErrors(problems);
      return;
    }
    const blank = (s: string) => s.trim() || null;
    mutation.mutate(
      {
        status: values.status as ZoneStatus,
        eventDate: values.eventDate,
        decisionNo: blank(values.decisionNo),
        decisionDate: values.decisionDate || null,
        decisionIssuer: blank(values.decisionIssuer),
        note: blank(values.note),
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('registry.eventForm.saved') });
          onDone();
        },
        onError: (error) => showServerErrors(error, form.showErrors, shows),
      },
    );
  };

  return (
    <form ref={form.formRef} onSubmit={onSubmit(submit)} noValidate>
      <Stack gap="md">
        <ServerErrorAlert error={mutation.error} shows={shows} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('registry.eventForm.status')}
            required
            data={ZONE_STATUSES.map((s) => ({ value: s, label: t(`registry.enums.zoneStatus.${s}`) }))}
            value={values.status || null}
            onChange={(v) => setValue('status', (v ?? '') as ZoneStatus | '')}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            error={errors.status}
            aria-invalid={errors.status ? true : undefined}
            data-autofocus
          />
          <DateField
            label={t('registry.eventForm.eventDate')}
            required
            value={values.eventDate}
            onChange={(v) => setValue('eventDate', v)}
            error={errors.eventDate}
          />
          <TextInput
            label={t('registry.common.decisionNo')}
            placeholder="1511/QĐ-TTg"
            value={values.decisionNo}
            onChange={(e) => setValue('decisionNo', e.currentTarget.value)}
            error={errors.decisionNo}
          />
          <DateField
            label={t('registry.common.decisionDate')}
            value={values.decisionDate}
            onChange={(v) => setValue('decisionDate', v)}
            error={errors.decisionDate}
            clearable
          />
          <TextInput
            label={t('registry.common.decisionIssuer')}
            placeholder={t('registry.common.decisionIssuerPlaceholder')}
            value={values.decisionIssuer}
            onChange={(e) => setValue('decisionIssuer', e.currentTarget.value)}
            error={errors.decisionIssuer}
          />
        </SimpleGrid>
        <Textarea
          label={t('registry.common.note')}
          autosize
          minRows={2}
          value={values.note}
          onChange={(e) => setValue('note', e.currentTarget.value)}
          error={errors.note}
        />
        <FormFooter
          onCancel={onCancel}
          pending={mutation.isPending}
          submitLabel={t('registry.eventForm.submit')}
        />
      </Stack>
    </form>
  );
}

const AREA_FIELDS = [
  'asOf',
  'totalAreaHa',
  'industrialLandHa',
  'leasableHa',
  'leasedHa',
  'source',
  'note',
] as const;
type AreaNumberField = 'totalAreaHa' | 'industrialLandHa' | 'leasableHa' | 'leasedHa';

/** Records the zone's areas in force from a date (a correction is a newer record, never an edit). */
export function ZoneAreaForm({ zoneId, onDone, onCancel }: RecordFormProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const form = usePathForm({
    asOf: todayIso(),
    totalAreaHa: '',
    industrialLandHa: '',
    leasableHa: '',
    leasedHa: '',
    source: '',
    note: '',
  });
  const { values, errors, setValue } = form;
  const mutation = useRecordZoneArea(zoneId);
  const shows = pathIn(AREA_FIELDS);

  const submit = () => {
    const problems: PathErrors = {};
    const numbers: Partial<Record<AreaNumberField, string | null>> = {};
    for (const key of ['totalAreaHa', 'industrialLandHa', 'leasableHa', 'leasedHa'] as const) {
      const text = values[key];
      if (!text.trim()) {
        numbers[key] = null;
        if (key === 'totalAreaHa') problems[key] = t('registry.validation.required');
        continue;
      }
      const parsed = parseDecimalInput(text, language);
      if (parsed === null) problems[key] = t('registry.validation.number');
      numbers[key] = parsed;
    }
    if (!values.asOf) problems.asOf = t('registry.validation.date');
    if (Object.keys(problems).length > 0) {
      mutation.reset();
      form.showErrors(problems);
      return;
    }
    mutation.mutate(
      {
        asOf: values.asOf,
        totalAreaHa: numbers.totalAreaHa ?? '0',
        industrialLandHa: numbers.industrialLandHa,
        leasableHa: numbers.leasableHa,
        leasedHa: numbers.leasedHa,
        source: values.source.trim() || null,
        note: values.note.trim() || null,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('registry.areaForm.saved') });
          onDone();
        },
        onError: (error) => showServerErrors(error, form.showErrors, shows),
      },
    );
  };

  const numberField = (key: AreaNumberField, required = false) => (
    <TextInput
      label={t(`registry.areas.${key}`)}
      description={t('registry.common.decimalHint')}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      required={required}
      inputMode="decimal"
      rightSection={<Text size="xs">ha</Text>}
      value={values[key]}
      onChange={(e) => setValue(key, e.currentTarget.value)}
      error={errors[key]}
    />
  );

  return (
    <form ref={form.formRef} onSubmit={onSubmit(submit)} noValidate>
      <Stack gap="md">
        <ServerErrorAlert error={mutation.error} shows={shows} />
        <Text size="sm" c="dimmed">
          {t('registry.areaForm.intro')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DateField
            label={t('registry.areas.asOf')}
            required
            value={values.asOf}
            onChange={(v) => setValue('asOf', v)}
            error={errors.asOf}
            data-autofocus
          />
          {numberField('totalAreaHa', true)}
          {numberField('industrialLandHa')}
          {numberField('leasableHa')}
          {numberField('leasedHa')}
          <TextInput
            label={t('registry.common.source')}
            value={values.source}
            onChange={(e) => setValue('source', e.currentTarget.value)}
            error={errors.source}
          />
        </SimpleGrid>
        <Textarea
          label={t('registry.common.note')}
          autosize
          minRows={2}
          value={values.note}
          onChange={(e) => setValue('note', e.currentTarget.value)}
          error={errors.note}
        />
        <FormFooter
          onCancel={onCancel}
          pending={mutation.isPending}
          submitLabel={t('registry.areaForm.submit')}
        />
      </Stack>
    </form>
  );
}

/** Voids a wrong event: it stays in the history, struck through, with the reason. */
export function VoidEventForm({
  zoneId,
  event,
  onDone,
  onCancel,
}: RecordFormProps & { event: ZoneEventView }) {
  const { t } = useTranslation();
  const form = usePathForm({ reason: '' });
  const { values, errors, setValue } = form;
  const mutation = useVoidZoneEvent(zoneId);
  const shows = pathIn(['reason']);

  const submit = () => {
    if (values.reason.trim().length < 3) {
      mutation.reset();
      form.showErrors({ reason: t('registry.voidForm.reasonRequired') });
      return;
    }
    mutation.mutate(
      { eventId: event.id, input: { reason: values.reason.trim() } },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('registry.voidForm.done') });
          onDone();
        },
        onError: (error) => showServerErrors(error, form.showErrors, shows),
      },
    );
  };

  return (
    <form ref={form.formRef} onSubmit={onSubmit(submit)} noValidate>
      <Stack gap="md">
        <ServerErrorAlert error={mutation.error} shows={shows} />
        <Text size="sm">
          {t('registry.voidForm.intro', {
            status: t(`registry.enums.zoneStatus.${event.status}`),
            date: formatIsoDate(event.eventDate),
          })}
        </Text>
        <Textarea
          label={t('registry.voidForm.reason')}
          required
          autosize
          minRows={2}
          value={values.reason}
          onChange={(e) => setValue('reason', e.currentTarget.value)}
          error={errors.reason}
          data-autofocus
        />
        <FormFooter
          onCancel={onCancel}
          pending={mutation.isPending}
          submitLabel={t('registry.voidForm.submit')}
        />
      </Stack>
    </form>
  );
}
