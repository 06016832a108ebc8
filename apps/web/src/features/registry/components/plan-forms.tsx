import {
  EXCHANGE_RATE_KINDS,
  PLAN_INDICATORS,
  type PlanIndicator,
  type PlanInput,
  type PlanView,
} from '@heza/shared/registry';
import { SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';
import { decimalToInput, parseDecimalInput } from '../../../lib/decimal';
import { todayIso } from '../../../lib/format-number';
import { onSubmit } from '../../../lib/use-form-state';
import { type PathErrors, usePathForm } from '../../../lib/use-path-form';
import { useCreateExchangeRate, useCreatePlan } from '../plans-api';
import { DateField } from './date-field';
import { FormFooter, pathIn, ServerErrorAlert, showServerErrors } from './form-bits';

export const PLAN_INDICATOR_KEYS = Object.keys(PLAN_INDICATORS) as PlanIndicator[];

const PLAN_FIELDS = [
  'indicator',
  'yearFrom',
  'yearTo',
  'value',
  'rangeLow',
  'rangeHigh',
  'decisionNo',
  'decisionDate',
  'decisionIssuer',
  'effectiveFrom',
  'source',
  'note',
] as const;

interface FormProps {
  onDone: () => void;
  onCancel: () => void;
}

/** Records a plan or target, or a revision of one (a new record in force from a later date). */
export function PlanForm({ revising, onDone, onCancel }: FormProps & { revising?: PlanView }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const form = usePathForm({
    indicator: (revising?.indicator ?? '') as PlanIndicator | '',
    yearFrom: revising ? String(revising.yearFrom) : String(new Date().getFullYear()),
    yearTo: revising && revising.yearTo !== revising.yearFrom ? String(revising.yearTo) : '',
    mode: (revising?.rangeLow ? 'range' : 'value') as 'value' | 'range',
    value: decimalToInput(revising?.value, language),
    rangeLow: decimalToInput(revising?.rangeLow, language),
    rangeHigh: decimalToInput(revising?.rangeHigh, language),
    decisionNo: '',
    decisionDate: '',
    decisionIssuer: '',
    effectiveFrom: todayIso(),
    source: '',
    note: '',
  });
  const { values, errors, setValue } = form;
  const mutation = useCreatePlan();
  const shows = pathIn(PLAN_FIELDS);
  const unit = values.indicator ? t(`registry.enums.unit.${PLAN_INDICATORS[values.indicator]}`) : '';

  const submit = () => {
    const problems: PathErrors = {};
    const number = (key: 'value' | 'rangeLow' | 'rangeHigh', required: boolean) => {
      if (!values[key].trim()) {
        if (required) problems[key] = t('registry.validation.required');
        return null;
      }
      const parsed = parseDecimalInput(values[key], language);
      if (parsed === null) problems[key] = t('registry.validation.number');
      return parsed;
    };
    const year = (key: 'yearFrom' | 'yearTo', required: boolean) => {
      const text = values[key].trim();
      if (!text) {
        if (required) problems[key] = t('registry.validation.required');
        return null;
      }
      if (!/^\d{4}$/.test(text)) problems[key] = t('registry.validation.number');
      return Number(text);
    };
    if (!values.indicator) problems.indicator = t('registry.validation.choose');
    const yearFrom = year('yearFrom', true);
    const yearTo = year('yearTo', false);
    const isRange = values.mode === 'range';
    const value = isRange ? null : number('value', true);
    const rangeLow = isRange ? number('rangeLow', true) : null;
    const rangeHigh = isRange ? number('rangeHigh', true) : null;
    if (!values.effectiveFrom) problems.effectiveFrom = t('registry.validation.date');
    if (Object.keys(problems).length > 0) {
      mutation.reset();
      form.showErrors(problems);
      return;
    }
    const input: PlanInput = {
      indicator: values.indicator as PlanIndicator,
      yearFrom: yearFrom ?? 0,
      yearTo,
      value,
      rangeLow,
      rangeHigh,
      decisionNo: values.decisionNo.trim() || null,
      decisionDate: values.decisionDate || null,
      decisionIssuer: values.decisionIssuer.trim() || null,
      effectiveFrom: values.effectiveFrom,
      source: values.source.trim() || null,
      note: values.note.trim() || null,
    };
    mutation.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('registry.planForm.saved') });
        onDone();
      },
      onError: (error) => showServerErrors(error, form.showErrors, shows),
    });
  };

  const amount = (key: 'value' | 'rangeLow' | 'rangeHigh', label: string) => (
    <TextInput
      label={label}
      required
      inputMode="decimal"
      description={t('registry.common.decimalHint')}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      rightSection={unit ? <Text size="xs">{unit}</Text> : undefined}
      rightSectionWidth={unit ? 80 : undefined}
      value={values[key]}
      onChange={(e) => setValue(key, e.currentTarget.value)}
      error={errors[key]}
    />
  );

  return (
    <form ref={form.formRef} onSubmit={onSubmit(submit)} noValidate>
      <Stack gap="md">
        <ServerErrorAlert error={mutation.error} shows={shows} />
        {revising && (
          <Text size="sm" c="dimmed">
            {t('registry.planForm.revisingHint')}
          </Text>
        )}
        <Select
          label={t('registry.plans.indicator')}
          required
          data={PLAN_INDICATOR_KEYS.map((k) => ({ value: k, label: t(`registry.enums.planIndicator.${k}`) }))}
          value={values.indicator || null}
          onChange={(v) => setValue('indicator', (v ?? '') as PlanIndicator | '')}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          error={errors.indicator}
          aria-invalid={errors.indicator ? true : undefined}
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('registry.plans.yearFrom')}
            required
            inputMode="numeric"
            maxLength={4}
            value={values.yearFrom}
            onChange={(e) => setValue('yearFrom', e.currentTarget.value)}
            error={errors.yearFrom}
          />
          <TextInput
            label={t('registry.plans.yearTo')}
            description={t('registry.planForm.yearToHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            inputMode="numeric"
            maxLength={4}
            value={values.yearTo}
            onChange={(e) => setValue('yearTo', e.currentTarget.value)}
            error={errors.yearTo}
          />
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="plan-mode-label">
            {t('registry.planForm.mode')}
          </Text>
          <SegmentedControl
            aria-labelledby="plan-mode-label"
            value={values.mode}
            onChange={(v) => setValue('mode', v as 'value' | 'range')}
            data={[
              { value: 'value', label: t('registry.planForm.modeValue') },
              { value: 'range', label: t('registry.planForm.modeRange') },
            ]}
          />
        </Stack>
        {values.mode === 'value' ? (
          amount('value', t('registry.plans.value'))
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {amount('rangeLow', t('registry.plans.rangeLow'))}
            {amount('rangeHigh', t('registry.plans.rangeHigh'))}
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('registry.common.decisionNo')}
            placeholder="4868/QĐ-UBND"
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
            placeholder={t('registry.planForm.issuerPlaceholder')}
            value={values.decisionIssuer}
            onChange={(e) => setValue('decisionIssuer', e.currentTarget.value)}
            error={errors.decisionIssuer}
          />
          <DateField
            label={t('registry.plans.effectiveFrom')}
            required
            value={values.effectiveFrom}
            onChange={(v) => setValue('effectiveFrom', v)}
            error={errors.effectiveFrom}
          />
        </SimpleGrid>
        <TextInput
          label={t('registry.common.source')}
          value={values.source}
          onChange={(e) => setValue('source', e.currentTarget.value)}
          error={errors.source}
        />
        <Textarea
          label={t('registry.common.note')}
          autosize
          minRows={1}
          value={values.note}
          onChange={(e) => setValue('note', e.currentTarget.value)}
          error={errors.note}
        />
        <FormFooter
          onCancel={onCancel}
          pending={mutation.isPending}
          submitLabel={t('registry.planForm.submit')}
        />
      </Stack>
    </form>
  );
}

const RATE_FIELDS = [
  'currency',
  'kind',
  'validFrom',
  'validTo',
  'vndPerUnit',
  'source',
  'decisionNo',
] as const;
type RateKind = (typeof EXCHANGE_RATE_KINDS)[number];

/** Records an exchange rate (VND per unit) valid over a date range. */
export function ExchangeRateForm({ onDone, onCancel }: FormProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const year = new Date().getFullYear();
  const form = usePathForm({
    currency: 'USD',
    kind: 'yearly_average' as RateKind,
    validFrom: `${year}-01-01`,
    validTo: `${year}-12-31`,
    vndPerUnit: '',
    source: '',
    decisionNo: '',
  });
  const { values, errors, setValue } = form;
  const mutation = useCreateExchangeRate();
  const shows = pathIn(RATE_FIELDS);

  const submit = () => {
    const problems: PathErrors = {};
    if (!/^[A-Za-z]{3}$/.test(values.currency.trim()))
      problems.currency = t('registry.rateForm.currencyInvalid');
    if (!values.validFrom) problems.validFrom = t('registry.validation.date');
    if (!values.validTo) problems.validTo = t('registry.validation.date');
    const rate = parseDecimalInput(values.vndPerUnit, language);
    if (!values.vndPerUnit.trim()) problems.vndPerUnit = t('registry.validation.required');
    else if (rate === null) problems.vndPerUnit = t('registry.validation.number');
    if (Object.keys(problems).length > 0) {
      mutation.reset();
      form.showErrors(problems);
      return;
    }
    mutation.mutate(
      {
        currency: values.currency.trim().toUpperCase(),
        kind: values.kind,
        validFrom: values.validFrom,
        validTo: values.validTo,
        vndPerUnit: rate ?? '0',
        source: values.source.trim() || null,
        decisionNo: values.decisionNo.trim() || null,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('registry.rateForm.saved') });
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
          <TextInput
            label={t('registry.rates.currency')}
            required
            maxLength={3}
            value={values.currency}
            onChange={(e) => setValue('currency', e.currentTarget.value.toUpperCase())}
            error={errors.currency}
            data-autofocus
          />
          <Select
            label={t('registry.rates.kind')}
            data={EXCHANGE_RATE_KINDS.map((k) => ({ value: k, label: t(`registry.enums.rateKind.${k}`) }))}
            value={values.kind}
            onChange={(v) => v && setValue('kind', v as RateKind)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            error={errors.kind}
          />
          <DateField
            label={t('registry.rates.validFrom')}
            required
            value={values.validFrom}
            onChange={(v) => setValue('validFrom', v)}
            error={errors.validFrom}
          />
          <DateField
            label={t('registry.rates.validTo')}
            required
            value={values.validTo}
            onChange={(v) => setValue('validTo', v)}
            error={errors.validTo}
          />
          <TextInput
            label={t('registry.rates.vndPerUnit')}
            required
            inputMode="decimal"
            description={t('registry.common.decimalHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            rightSection={<Text size="xs">VND</Text>}
            value={values.vndPerUnit}
            onChange={(e) => setValue('vndPerUnit', e.currentTarget.value)}
            error={errors.vndPerUnit}
          />
          <TextInput
            label={t('registry.common.decisionNo')}
            value={values.decisionNo}
            onChange={(e) => setValue('decisionNo', e.currentTarget.value)}
            error={errors.decisionNo}
          />
        </SimpleGrid>
        <TextInput
          label={t('registry.common.source')}
          value={values.source}
          onChange={(e) => setValue('source', e.currentTarget.value)}
          error={errors.source}
        />
        <FormFooter
          onCancel={onCancel}
          pending={mutation.isPending}
          submitLabel={t('registry.rateForm.submit')}
        />
      </Stack>
    </form>
  );
}
