import { LEDGER_KINDS, type LedgerEntryView, type LedgerKind } from '@heza/shared/registry';
import { Alert, Fieldset, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';
import { decimalToInput } from '../../../lib/decimal';
import { formatIsoDate, formatNumber } from '../../../lib/format-number';
import { onSubmit } from '../../../lib/use-form-state';
import { type PathErrors, usePathForm } from '../../../lib/use-path-form';
import {
  emptyLedgerValues,
  hasBefore,
  LEDGER_FIELDS,
  type LedgerFormValues,
  type MONEY_FIELDS,
  toLedgerInput,
} from '../form-inputs';
import { useAppendLedgerEntry } from '../projects-api';
import { DateField } from './date-field';
import { FormFooter, pathIn, ServerErrorAlert, showServerErrors } from './form-bits';

interface LedgerFieldsProps {
  values: LedgerFormValues;
  set: <K extends keyof LedgerFormValues>(key: K, value: LedgerFormValues[K]) => void;
  errors: PathErrors;
  /** Prefix of the server's paths for these fields ("firstEntry." inside the project form). */
  prefix?: string;
  currency: string;
  kinds?: readonly LedgerKind[];
  /** Entries a correction may refer to. */
  entries?: LedgerEntryView[];
}

/** The fields of one certificate ledger entry; which amounts are asked depends on the kind. */
export function LedgerFields({
  values,
  set,
  errors,
  prefix = '',
  currency,
  kinds = LEDGER_KINDS,
  entries = [],
}: LedgerFieldsProps) {
  const { t } = useTranslation();
  const err = (key: keyof LedgerFormValues) => errors[`${prefix}${key}`];
  const isDeal = values.kind === 'share_purchase';
  const amount = (key: (typeof MONEY_FIELDS)[number], label: string, unit: string, description?: string) => (
    <TextInput
      label={label}
      inputMode="decimal"
      autoComplete="off"
      description={description ?? t('registry.common.decimalHint')}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      rightSection={
        <Text size="xs" pr={4}>
          {unit}
        </Text>
      }
      rightSectionWidth={48}
      value={values[key]}
      onChange={(e) => set(key, e.currentTarget.value)}
      error={err(key)}
    />
  );
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('registry.ledger.kind')}
          required
          data={kinds.map((k) => ({ value: k, label: t(`registry.enums.ledgerKind.${k}`) }))}
          value={values.kind || null}
          onChange={(v) => set('kind', (v ?? '') as LedgerKind | '')}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          error={err('kind')}
          aria-invalid={err('kind') ? true : undefined}
        />
        <DateField
          label={t('registry.ledger.certificateDate')}
          required
          value={values.certificateDate}
          onChange={(v) => set('certificateDate', v)}
          error={err('certificateDate')}
        />
        <TextInput
          label={t('registry.ledger.certificateNo')}
          required
          autoComplete="off"
          value={values.certificateNo}
          onChange={(e) => set('certificateNo', e.currentTarget.value)}
          error={err('certificateNo')}
        />
        <TextInput
          label={t('registry.ledger.amendmentNo')}
          description={t('registry.ledgerForm.amendmentHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          inputMode="numeric"
          value={values.amendmentNo}
          onChange={(e) => set('amendmentNo', e.currentTarget.value)}
          error={err('amendmentNo')}
        />
      </SimpleGrid>
      {values.kind === 'correction' && (
        <Select
          label={t('registry.ledgerForm.corrects')}
          data={entries.map((e) => ({
            value: e.id,
            label: t('registry.ledgerForm.correctsOption', {
              seq: e.seq,
              kind: t(`registry.enums.ledgerKind.${e.kind}`),
              no: e.certificateNo,
              date: formatIsoDate(e.certificateDate),
            }),
          }))}
          value={values.correctsEntryId || null}
          onChange={(v) => set('correctsEntryId', v ?? '')}
          comboboxProps={{ withinPortal: true }}
          error={err('correctsEntryId')}
        />
      )}
      {isDeal ? (
        <Fieldset legend={t('registry.ledgerForm.deal')} variant="filled">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {amount('dealValue', t('registry.ledger.dealValue'), currency)}
            {amount('dealValueUsd', t('registry.ledgerForm.inUsd'), 'USD', t('registry.ledgerForm.optional'))}
            {amount('dealValueVnd', t('registry.ledgerForm.inVnd'), 'VND', t('registry.ledgerForm.optional'))}
          </SimpleGrid>
        </Fieldset>
      ) : (
        <Fieldset legend={t('registry.ledgerForm.capital', { currency })} variant="filled">
          <Text size="xs" c="dimmed" mb="xs">
            {t('registry.ledgerForm.capitalHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: hasBefore(values.kind) ? 3 : 2 }} spacing="sm">
            {hasBefore(values.kind) &&
              amount(
                'capitalBefore',
                t('registry.ledger.before'),
                currency,
                t('registry.ledgerForm.beforeHint'),
              )}
            {amount('capitalChange', t('registry.ledger.change'), currency)}
            {amount('capitalAfter', t('registry.ledger.after'), currency)}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="sm">
            {amount(
              'changeUsd',
              t('registry.ledgerForm.changeUsd'),
              'USD',
              t('registry.ledgerForm.convertHint'),
            )}
            {amount(
              'changeVnd',
              t('registry.ledgerForm.changeVnd'),
              'VND',
              t('registry.ledgerForm.convertHint'),
            )}
          </SimpleGrid>
        </Fieldset>
      )}
      <Textarea
        label={t('registry.ledger.reason')}
        autosize
        minRows={2}
        value={values.reason}
        onChange={(e) => set('reason', e.currentTarget.value)}
        error={err('reason')}
      />
    </Stack>
  );
}

interface LedgerEntryFormProps {
  projectId: string;
  currency: string;
  /** The ledger's current capital (the "before" of the next entry). */
  capital: string;
  entries: LedgerEntryView[];
  onDone: () => void;
  onCancel: () => void;
}

/** Appends one entry to a project's certificate ledger (entries are never edited; a correction is a new one). */
export function LedgerEntryForm({
  projectId,
  currency,
  capital,
  entries,
  onDone,
  onCancel,
}: LedgerEntryFormProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const last = entries[entries.length - 1];
  const form = usePathForm<LedgerFormValues>({
    ...emptyLedgerValues(entries.length === 0 ? 'new' : 'adjustment'),
    certificateNo: last?.certificateNo ?? '',
    amendmentNo: last ? String(last.amendmentNo + 1) : '',
    capitalBefore: decimalToInput(capital, language),
  });
  const mutation = useAppendLedgerEntry(projectId);
  const shows = pathIn(LEDGER_FIELDS);

  const submit = () => {
    const { input, problems } = toLedgerInput(form.values, language, {
      required: t('registry.validation.required'),
      choose: t('registry.validation.choose'),
      number: t('registry.validation.number'),
      date: t('registry.validation.date'),
    });
    if (Object.keys(problems).length > 0) {
      mutation.reset();
      form.showErrors(problems);
      return;
    }
    mutation.mutate(input, {
      onSuccess: (entry) => {
        notifications.show({
          color: 'green',
          message: t('registry.ledgerForm.saved', {
            seq: entry.seq,
            kind: t(`registry.enums.ledgerKind.${entry.kind}`),
          }),
        });
        onDone();
      },
      onError: (error) => showServerErrors(error, form.showErrors, shows),
    });
  };

  return (
    <form ref={form.formRef} onSubmit={onSubmit(submit)} noValidate>
      <Stack gap="md">
        <ServerErrorAlert error={mutation.error} shows={shows} />
        <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />}>
          {t('registry.ledgerForm.intro', {
            capital: `${formatNumber(capital, language)} ${currency}`,
          })}
        </Alert>
        <LedgerFields
          values={form.values}
          set={form.setValue}
          errors={form.errors}
          currency={currency}
          entries={entries}
        />
        <Textarea
          label={t('registry.common.note')}
          autosize
          minRows={1}
          value={form.values.note}
          onChange={(e) => form.setValue('note', e.currentTarget.value)}
          error={form.errors.note}
        />
        <FormFooter
          onCancel={onCancel}
          pending={mutation.isPending}
          submitLabel={t('registry.ledgerForm.submit')}
        />
      </Stack>
    </form>
  );
}
