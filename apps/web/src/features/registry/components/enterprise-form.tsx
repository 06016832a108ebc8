import {
  ENTERPRISE_STATUSES,
  type EnterpriseStatus,
  type EnterpriseView,
  type Ownership,
} from '@heza/shared/registry';
import { parseTaxCode } from '@heza/shared/tax-code';
import { Radio, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { onSubmit } from '../../../lib/use-form-state';
import { type PathErrors, usePathForm } from '../../../lib/use-path-form';
import { useCreateEnterprise, useUpdateEnterprise } from '../enterprises-api';
import { type EnterpriseFormValues, toEnterpriseInput } from '../form-inputs';
import { FormFooter, pathIn, ServerErrorAlert, showServerErrors } from './form-bits';
import { ContactsEditor } from './list-editors';
import { CountryMultiSelect, ZoneMultiSelect } from './pickers';

const FIELDS = [
  'taxCode',
  'nameVi',
  'nameEn',
  'ownership',
  'investorCountries',
  'zoneIds',
  'address',
  'status',
  'contacts',
] as const;

function initialValues(e: EnterpriseView | undefined): EnterpriseFormValues {
  return {
    taxCode: e?.taxCode ?? '',
    nameVi: e?.nameVi ?? '',
    nameEn: e?.nameEn ?? '',
    ownership: e?.ownership ?? 'domestic',
    investorCountries: e?.investorCountries ?? [],
    zoneIds: e?.zones.map((z) => z.id) ?? [],
    address: e?.address ?? '',
    status: e?.status ?? 'active',
    contacts: (e?.contacts ?? []).map((c) => ({
      name: c.name,
      role: c.role ?? '',
      phone: c.phone ?? '',
      email: c.email ?? '',
    })),
  };
}

interface EnterpriseFormProps {
  enterprise?: EnterpriseView;
  onDone: (saved: EnterpriseView) => void;
  onCancel: () => void;
}

/** Create or edit an enterprise's profile; the tax code is its identity and is fixed once created. */
export function EnterpriseForm({ enterprise, onDone, onCancel }: EnterpriseFormProps) {
  const { t } = useTranslation();
  const isEdit = !!enterprise;
  const form = usePathForm<EnterpriseFormValues>(initialValues(enterprise));
  const { values, errors, setValue } = form;
  const create = useCreateEnterprise();
  const update = useUpdateEnterprise(enterprise?.id ?? '');
  const mutation = isEdit ? update : create;
  const shows = pathIn(FIELDS);

  const submit = () => {
    const problems: PathErrors = {};
    if (!isEdit) {
      if (!values.taxCode.trim()) problems.taxCode = t('registry.validation.required');
      else if (!parseTaxCode(values.taxCode).ok) problems.taxCode = t('registry.validation.taxCode');
    }
    if (!values.nameVi.trim()) problems.nameVi = t('registry.validation.nameRequired');
    values.contacts.forEach((c, i) => {
      if (!c.name.trim()) problems[`contacts.${i}.name`] = t('registry.validation.required');
    });
    if (Object.keys(problems).length > 0) {
      mutation.reset();
      form.showErrors(problems);
      return;
    }
    const input = toEnterpriseInput(values);
    const onSuccess = (saved: EnterpriseView) => {
      notifications.show({
        color: 'green',
        message: t(isEdit ? 'registry.enterpriseForm.updated' : 'registry.enterpriseForm.created', {
          name: saved.nameVi,
          taxCode: saved.taxCode,
        }),
      });
      onDone(saved);
    };
    const onError = (error: unknown) => showServerErrors(error, form.showErrors, shows);
    if (isEdit) {
      const { taxCode: _fixed, ...patch } = input;
      update.mutate(patch, { onSuccess, onError });
    } else {
      create.mutate(input, { onSuccess, onError });
    }
  };

  return (
    <form ref={form.formRef} onSubmit={onSubmit(submit)} noValidate>
      <Stack gap="md">
        <ServerErrorAlert error={mutation.error} shows={shows} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('registry.enterprises.taxCode')}
            name="taxCode"
            required={!isEdit}
            readOnly={isEdit}
            inputMode="numeric"
            autoComplete="off"
            description={
              isEdit ? t('registry.enterpriseForm.taxCodeFixed') : t('registry.enterpriseForm.taxCodeHint')
            }
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            value={values.taxCode}
            onChange={(e) => setValue('taxCode', e.currentTarget.value)}
            error={errors.taxCode}
            data-autofocus={!isEdit || undefined}
          />
          <Select
            label={t('registry.enterprises.status')}
            data={ENTERPRISE_STATUSES.map((s) => ({
              value: s,
              label: t(`registry.enums.enterpriseStatus.${s}`),
            }))}
            value={values.status}
            onChange={(v) => v && setValue('status', v as EnterpriseStatus)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            error={errors.status}
          />
          <TextInput
            label={t('registry.enterpriseForm.nameVi')}
            name="nameVi"
            required
            value={values.nameVi}
            onChange={(e) => setValue('nameVi', e.currentTarget.value)}
            error={errors.nameVi}
            data-autofocus={isEdit || undefined}
          />
          <TextInput
            label={t('registry.enterpriseForm.nameEn')}
            name="nameEn"
            value={values.nameEn}
            onChange={(e) => setValue('nameEn', e.currentTarget.value)}
            error={errors.nameEn}
          />
        </SimpleGrid>
        <Radio.Group
          label={t('registry.enterprises.ownership')}
          value={values.ownership}
          onChange={(v) => setValue('ownership', v as Ownership)}
          error={errors.ownership}
          required
        >
          <Stack gap="xs" mt={6}>
            <Radio value="domestic" label={t('registry.enums.ownership.domestic')} />
            <Radio value="fdi" label={t('registry.enums.ownership.fdi')} />
          </Stack>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <CountryMultiSelect
            label={t('registry.enterprises.investorCountries')}
            description={t('registry.enterpriseForm.countriesHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            value={values.investorCountries}
            onChange={(v) => setValue('investorCountries', v)}
            error={
              errors.investorCountries ??
              Object.entries(errors).find(([k]) => k.startsWith('investorCountries.'))?.[1]
            }
            comboboxProps={{ withinPortal: true }}
          />
          <ZoneMultiSelect
            label={t('registry.enterprises.zones')}
            description={t('registry.enterpriseForm.zonesHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            value={values.zoneIds}
            onChange={(v) => setValue('zoneIds', v)}
            error={errors.zoneIds ?? Object.entries(errors).find(([k]) => k.startsWith('zoneIds.'))?.[1]}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <TextInput
          label={t('registry.enterpriseForm.address')}
          value={values.address}
          onChange={(e) => setValue('address', e.currentTarget.value)}
          error={errors.address}
        />
        <ContactsEditor
          rows={values.contacts}
          onChange={(rows) => setValue('contacts', rows)}
          errors={errors}
        />
        <FormFooter
          onCancel={onCancel}
          pending={mutation.isPending}
          submitLabel={isEdit ? undefined : t('registry.enterpriseForm.createSubmit')}
        />
      </Stack>
    </form>
  );
}
