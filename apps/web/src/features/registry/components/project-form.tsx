import type { InvestmentType, ProjectDetail, ProjectInput, ProjectUpdateInput } from '@heza/shared/registry';
import { Radio, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';
import { decimalToInput, parseDecimalInput } from '../../../lib/decimal';
import { onSubmit } from '../../../lib/use-form-state';
import { type PathErrors, usePathForm } from '../../../lib/use-path-form';
import type { EnterpriseOption } from '../api';
import { emptyLedgerValues, type LedgerFormValues, toLedgerInput, vsicCodeOf } from '../form-inputs';
import { useCreateProject, useUpdateProject, useVsic } from '../projects-api';
import { FormFooter, pathIn, ServerErrorAlert, showServerErrors } from './form-bits';
import { LedgerFields } from './ledger-fields';
import { type InvestorRow, RowsEditor } from './list-editors';
import { CountrySelect, EnterpriseSelect, VsicAutocomplete, ZoneSelect } from './pickers';

export interface ProjectFormValues {
  projectCode: string;
  nameVi: string;
  nameEn: string;
  enterpriseId: string;
  zoneId: string;
  investmentType: InvestmentType | '';
  countryCode: string;
  investors: InvestorRow[];
  vsic: string;
  objectives: string;
  landAreaHa: string;
  currency: string;
  withFirstEntry: boolean;
  firstEntry: LedgerFormValues;
}

const FIELDS = [
  'projectCode',
  'nameVi',
  'nameEn',
  'enterpriseId',
  'zoneId',
  'investmentType',
  'countryCode',
  'investors',
  'vsicCode',
  'objectives',
  'landAreaHa',
  'currency',
  'firstEntry',
] as const;

interface ProjectFormProps {
  project?: ProjectDetail;
  /** The enterprise when the form is opened from its page. */
  enterprise?: EnterpriseOption;
  onDone: (saved: ProjectDetail) => void;
  onCancel: () => void;
}

/** Registers an investment project (optionally with its first certificate) or edits its profile. */
export function ProjectForm({ project, enterprise, onDone, onCancel }: ProjectFormProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const isEdit = !!project;
  const vsic = useVsic();
  const vsicName = (code: string) => {
    const item = vsic.data?.find((v) => v.code === code);
    return item ? `${code} — ${language === 'vi' ? item.vi : item.en}` : code;
  };
  const form = usePathForm<ProjectFormValues>({
    projectCode: project?.projectCode ?? '',
    nameVi: project?.nameVi ?? '',
    nameEn: project?.nameEn ?? '',
    enterpriseId: project?.enterprise.id ?? enterprise?.id ?? '',
    zoneId: project?.zone.id ?? '',
    investmentType: project?.investmentType ?? '',
    countryCode: project?.countryCode ?? '',
    investors: project?.investors.map((i) => ({ name: i.name, country: i.country, kind: i.kind })) ?? [],
    vsic: project ? (project.vsicName ? `${project.vsicCode} — ${project.vsicName}` : project.vsicCode) : '',
    objectives: project?.objectives ?? '',
    landAreaHa: decimalToInput(project?.landAreaHa, language),
    currency: project?.currency ?? '',
    withFirstEntry: !isEdit,
    firstEntry: emptyLedgerValues('new'),
  });
  const { values, errors, setValue } = form;
  const create = useCreateProject();
  const update = useUpdateProject(project?.id ?? '');
  const mutation = isEdit ? update : create;
  const shows = pathIn(FIELDS);
  const defaultCurrency = values.investmentType === 'ddi' ? 'VND' : 'USD';
  const currency = values.currency.trim().toUpperCase() || defaultCurrency;

  const setEntry = <K extends keyof LedgerFormValues>(key: K, value: LedgerFormValues[K]) => {
    form.setValues((current) => ({ ...current, firstEntry: { ...current.firstEntry, [key]: value } }));
    form.clearError(`firstEntry.${key}`);
  };

  const submit = () => {
    const problems: PathErrors = {};
    const messages = {
      required: t('registry.validation.required'),
      choose: t('registry.validation.choose'),
      number: t('registry.validation.number'),
      date: t('registry.validation.date'),
    };
    if (!isEdit && !values.projectCode.trim()) problems.projectCode = messages.required;
    if (!values.nameVi.trim()) problems.nameVi = t('registry.validation.nameRequired');
    if (!values.enterpriseId) problems.enterpriseId = messages.choose;
    if (!values.zoneId) problems.zoneId = messages.choose;
    if (!values.investmentType) problems.investmentType = messages.choose;
    const vsicCode = vsicCodeOf(values.vsic);
    if (!vsicCode) problems.vsicCode = messages.required;
    let landAreaHa: string | null = null;
    if (values.landAreaHa.trim()) {
      landAreaHa = parseDecimalInput(values.landAreaHa, language);
      if (landAreaHa === null) problems.landAreaHa = messages.number;
    }
    values.investors.forEach((inv, i) => {
      if (!inv.name.trim()) problems[`investors.${i}.name`] = messages.required;
      if (!inv.country) problems[`investors.${i}.country`] = messages.choose;
    });
    const investors = values.investors.map((i) => ({
      name: i.name.trim(),
      country: i.country,
      kind: i.kind,
    }));
    const first =
      !isEdit && values.withFirstEntry
        ? toLedgerInput(values.firstEntry, language, messages, 'firstEntry.')
        : null;
    if (first) Object.assign(problems, first.problems);
    if (Object.keys(problems).length > 0) {
      mutation.reset();
      form.showErrors(problems);
      return;
    }
    const onSuccess = (saved: ProjectDetail) => {
      notifications.show({
        color: 'green',
        message: t(isEdit ? 'registry.projectForm.updated' : 'registry.projectForm.created', {
          code: saved.projectCode,
        }),
      });
      onDone(saved);
    };
    const onError = (error: unknown) => showServerErrors(error, form.showErrors, shows);
    if (isEdit) {
      const patch: ProjectUpdateInput = {
        nameVi: values.nameVi.trim(),
        nameEn: values.nameEn.trim() || null,
        zoneId: values.zoneId,
        investors,
        vsicCode,
        objectives: values.objectives.trim() || null,
        landAreaHa,
      };
      if (values.countryCode) patch.countryCode = values.countryCode;
      update.mutate(patch, { onSuccess, onError });
    } else {
      const input: ProjectInput = {
        projectCode: values.projectCode.trim(),
        nameVi: values.nameVi.trim(),
        nameEn: values.nameEn.trim() || null,
        enterpriseId: values.enterpriseId,
        zoneId: values.zoneId,
        investmentType: values.investmentType as InvestmentType,
        countryCode: values.countryCode || null,
        investors,
        vsicCode,
        objectives: values.objectives.trim() || null,
        landAreaHa,
        currency: values.currency.trim() || null,
        firstEntry: first?.input ?? null,
      };
      create.mutate(input, { onSuccess, onError });
    }
  };

  return (
    <form ref={form.formRef} onSubmit={onSubmit(submit)} noValidate>
      <Stack gap="md">
        <ServerErrorAlert error={mutation.error} shows={shows} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('registry.projects.projectCode')}
            required={!isEdit}
            readOnly={isEdit}
            autoComplete="off"
            description={isEdit ? t('registry.projectForm.codeFixed') : t('registry.projectForm.codeHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            value={values.projectCode}
            onChange={(e) => setValue('projectCode', e.currentTarget.value)}
            error={errors.projectCode}
            data-autofocus={!isEdit || undefined}
          />
          <Radio.Group
            label={t('registry.projects.columns.type')}
            required
            value={values.investmentType}
            onChange={(v) => setValue('investmentType', v as InvestmentType)}
            error={errors.investmentType}
            description={isEdit ? t('registry.projectForm.typeFixed') : undefined}
          >
            <Stack gap="xs" mt={6}>
              <Radio value="fdi" label={t('registry.enums.investmentType.fdi')} disabled={isEdit} />
              <Radio value="ddi" label={t('registry.enums.investmentType.ddi')} disabled={isEdit} />
            </Stack>
          </Radio.Group>
          <TextInput
            label={t('registry.projectForm.nameVi')}
            required
            value={values.nameVi}
            onChange={(e) => setValue('nameVi', e.currentTarget.value)}
            error={errors.nameVi}
            data-autofocus={isEdit || undefined}
          />
          <TextInput
            label={t('registry.projectForm.nameEn')}
            value={values.nameEn}
            onChange={(e) => setValue('nameEn', e.currentTarget.value)}
            error={errors.nameEn}
          />
          {isEdit ? (
            <TextInput
              label={t('registry.projects.columns.enterprise')}
              readOnly
              value={`${project.enterprise.name} — ${project.enterprise.taxCode}`}
            />
          ) : (
            <EnterpriseSelect
              label={t('registry.projects.columns.enterprise')}
              placeholder={t('registry.common.enterpriseSearch')}
              required
              value={values.enterpriseId}
              onChange={(v) => setValue('enterpriseId', v)}
              known={enterprise ?? null}
              error={errors.enterpriseId}
            />
          )}
          <ZoneSelect
            label={t('registry.projects.columns.zone')}
            required
            value={values.zoneId}
            onChange={(v) => setValue('zoneId', v)}
            error={errors.zoneId}
          />
          <VsicAutocomplete
            label={t('registry.projects.columns.sector')}
            description={t('registry.projectForm.vsicHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            required
            value={values.vsic}
            onChange={(v) => setValue('vsic', v)}
            onBlur={() => {
              const code = vsicCodeOf(values.vsic);
              if (code && code === values.vsic.trim().toUpperCase()) setValue('vsic', vsicName(code));
            }}
            error={errors.vsicCode}
          />
          <CountrySelect
            label={t('registry.projectForm.country')}
            description={t('registry.projectForm.countryHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            clearable
            value={values.countryCode}
            onChange={(v) => setValue('countryCode', v)}
            error={errors.countryCode}
          />
          <TextInput
            label={t('registry.projectForm.landArea')}
            inputMode="decimal"
            description={t('registry.common.decimalHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            rightSection={<Text size="xs">ha</Text>}
            value={values.landAreaHa}
            onChange={(e) => setValue('landAreaHa', e.currentTarget.value)}
            error={errors.landAreaHa}
          />
          <TextInput
            label={t('registry.projectForm.currency')}
            description={t('registry.projectForm.currencyHint', { currency: defaultCurrency })}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            placeholder={defaultCurrency}
            maxLength={3}
            readOnly={isEdit}
            value={values.currency}
            onChange={(e) => setValue('currency', e.currentTarget.value.toUpperCase())}
            error={errors.currency}
          />
        </SimpleGrid>
        <Textarea
          label={t('registry.projectForm.objectives')}
          autosize
          minRows={2}
          value={values.objectives}
          onChange={(e) => setValue('objectives', e.currentTarget.value)}
          error={errors.objectives}
        />
        <RowsEditor
          legend={t('registry.projectForm.investors')}
          rows={values.investors}
          onChange={(rows) => setValue('investors', rows)}
          empty={(): InvestorRow => ({ name: '', country: '', kind: 'organisation' })}
          addLabel={t('registry.projectForm.addInvestor')}
          removeLabel={(i) => t('registry.projectForm.removeInvestor', { n: i + 1 })}
          error={errors.investors}
          renderRow={(row, i, set) => (
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
              <TextInput
                label={t('registry.projectForm.investorName')}
                required
                value={row.name}
                onChange={(e) => set({ name: e.currentTarget.value })}
                error={errors[`investors.${i}.name`]}
              />
              <CountrySelect
                label={t('registry.projectForm.investorCountry')}
                required
                value={row.country}
                onChange={(v) => set({ country: v })}
                error={errors[`investors.${i}.country`]}
              />
              <Select
                label={t('registry.projectForm.investorKind')}
                data={(['organisation', 'individual'] as const).map((k) => ({
                  value: k,
                  label: t(`registry.enums.investorKind.${k}`),
                }))}
                value={row.kind}
                onChange={(v) => v && set({ kind: v as InvestorRow['kind'] })}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
              />
            </SimpleGrid>
          )}
        />
        {!isEdit && (
          <>
            <Switch
              label={t('registry.projectForm.withFirstEntry')}
              description={t('registry.projectForm.withFirstEntryHint')}
              checked={values.withFirstEntry}
              onChange={(e) => setValue('withFirstEntry', e.currentTarget.checked)}
            />
            {values.withFirstEntry && (
              <LedgerFields
                values={values.firstEntry}
                set={setEntry}
                errors={errors}
                prefix="firstEntry."
                currency={currency}
                kinds={['new', 'transfer_in']}
              />
            )}
          </>
        )}
        <FormFooter
          onCancel={onCancel}
          pending={mutation.isPending}
          submitLabel={isEdit ? undefined : t('registry.projectForm.createSubmit')}
        />
      </Stack>
    </form>
  );
}
