import { periodLabel, tryParsePeriod } from '@heza/shared/periods';
import { FORM_PERIOD_TYPES, type FormPeriodType, type FormView } from '@heza/shared/reporting';
import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Fieldset,
  Group,
  List,
  LoadingOverlay,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowLeft, IconArrowUp, IconForms, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../../components/page-header';
import { QueryError } from '../../../../components/query-error';
import { currentLanguage } from '../../../../i18n';
import { formatIsoDate, todayIso } from '../../../../lib/format-number';
import { hasPermission, PERMISSIONS } from '../../../../lib/permissions';
import { onSubmit } from '../../../../lib/use-form-state';
import { type PathErrors, usePathForm } from '../../../../lib/use-path-form';
import { useCurrentUser } from '../../../auth/current-user';
import { pathIn, ServerErrorAlert, showServerErrors } from '../../../registry/components/form-bits';
import { EnterpriseSelect, ZoneMultiSelect } from '../../../registry/components/pickers';
import { useForms, useIndicators } from '../../api';
import { useCreateForm, useEnterpriseNames, useFormDetail, useUpdateForm } from '../api';
import { UnlocksSection } from '../components/unlocks-section';
import {
  changedFields,
  type FormFormValues,
  formInput,
  formValues,
  move,
  scheduleExample,
  validateForm,
} from '../logic';
import { useProblemMessages } from '../use-problem-messages';

const FIELDS = [
  'code',
  'nameVi',
  'nameEn',
  'descriptionVi',
  'periodType',
  'dueAfterDays',
  'lockAfterDays',
  'firstPeriod',
  'lastPeriod',
  'targetMode',
  'targetZoneIds',
  'targetInvestmentType',
  'enterpriseIds',
  'remindBeforeDays',
  'remindAfterDays',
  'indicators',
  'active',
] as const;

/** /reporting/forms/new and /reporting/forms/:id — one reporting form, and its unlock exceptions. */
export function FormEditPage() {
  const { id } = useParams();
  const form = useFormDetail(id ?? '');
  if (id === undefined) return <FormEditor />;
  if (form.isError) return <QueryError error={form.error} onRetry={() => form.refetch()} />;
  if (!form.data) return <LoadingOverlay visible />;
  return <FormEditor key={form.data.id} form={form.data} />;
}

function FormEditor({ form: saved }: { form?: FormView }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const canWrite = hasPermission(user, PERMISSIONS.reportFormWrite);
  const canUnlock = hasPermission(user, PERMISSIONS.reportUnlock);
  const isNew = !saved;
  const today = todayIso();
  const initial = useMemo(() => formValues(saved, today), [saved, today]);
  const form = usePathForm<FormFormValues>(initial);
  const { values, errors, setValue } = form;
  const indicators = useIndicators();
  const forms = useForms();
  const create = useCreateForm();
  const update = useUpdateForm(saved?.id ?? '');
  const mutation = isNew ? create : update;
  const messages = useProblemMessages();
  const shows = pathIn(FIELDS);
  const names = useEnterpriseNames(values.enterpriseIds);
  const [picked, setPicked] = useState('');
  const name = (x: { nameVi: string; nameEn: string }) => (language === 'vi' ? x.nameVi : x.nameEn);

  const catalogue = new Map((indicators.data?.items ?? []).map((i) => [i.code, i]));
  // One indicator, one active form: those collected by another active form cannot be added.
  const takenBy = new Map<string, string>();
  for (const f of forms.data?.items ?? [])
    if (f.active && f.id !== saved?.id) for (const i of f.indicators) takenBy.set(i.code, f.code);
  const addable = (indicators.data?.items ?? [])
    .filter((i) => i.source === 'reported' && i.active && !values.indicators.some((x) => x.code === i.code))
    .map((i) => ({
      value: i.code,
      label: takenBy.has(i.code)
        ? `${name(i)} (${t('reportingAdmin.forms.takenBy', { form: takenBy.get(i.code) })})`
        : `${name(i)} (${i.code})`,
      disabled: takenBy.has(i.code),
    }));

  const dueDays = Number(values.dueAfterDays);
  const lockDays = Number(values.lockAfterDays);
  // The example only for days the form would accept (the lock day's own message explains the rest).
  const example =
    values.dueAfterDays !== '' &&
    values.lockAfterDays !== '' &&
    Number.isInteger(dueDays) &&
    Number.isInteger(lockDays) &&
    dueDays >= 0 &&
    lockDays >= dueDays
      ? scheduleExample(values.periodType, dueDays, lockDays, today)
      : null;

  const submit = () => {
    const problems = messages(validateForm(values, isNew));
    if (Object.keys(problems).length > 0) {
      mutation.reset();
      form.showErrors(problems);
      return;
    }
    const input = formInput(values);
    const onError = (error: unknown) =>
      showServerErrors(error, form.showErrors as (e: PathErrors) => void, shows);
    const onSuccess = (f: FormView) => {
      notifications.show({
        color: 'green',
        message: t(isNew ? 'reportingAdmin.forms.created' : 'reportingAdmin.forms.updated', { code: f.code }),
      });
      if (isNew) navigate(`/reporting/forms/${f.id}`);
    };
    if (isNew) {
      create.mutate(input, { onSuccess, onError });
      return;
    }
    const { code: _c, periodType: _p, ...next } = input;
    const { code: _c0, periodType: _p0, ...before } = formInput(initial);
    const patch = changedFields(before, next);
    if (Object.keys(patch).length === 0) {
      notifications.show({ color: 'gray', message: t('reportingAdmin.common.noChanges') });
      return;
    }
    update.mutate(patch, { onSuccess, onError });
  };

  const periodHint = (text: string) => {
    const p = tryParsePeriod(text.trim());
    return p && p.type === values.periodType
      ? periodLabel(p, language)
      : t(`reportingAdmin.forms.periodFormat.${values.periodType}`);
  };

  return (
    <Stack gap="lg" maw={1100}>
      <PageHeader
        title={
          isNew
            ? t('reportingAdmin.forms.newTitle')
            : t('reportingAdmin.forms.editTitle', { code: saved.code })
        }
        description={saved ? name(saved) : t('reportingAdmin.forms.newDescription')}
        icon={<IconForms size={28} aria-hidden />}
        actions={
          <Button
            component={Link}
            to="/reporting/forms"
            variant="default"
            leftSection={<IconArrowLeft size={18} aria-hidden />}
          >
            {t('reportingAdmin.forms.back')}
          </Button>
        }
      />
      {!canWrite && (
        <Alert color="gray" variant="light">
          {t('reportingAdmin.common.readOnly')}
        </Alert>
      )}
      <form
        ref={form.formRef}
        onSubmit={onSubmit(submit)}
        noValidate
        aria-label={t('reportingAdmin.forms.formLabel')}
      >
        <Fieldset variant="unstyled" disabled={!canWrite} p={0}>
          <Stack gap="md">
            <Card withBorder padding="lg" component="section" aria-labelledby="form-identity">
              <Title id="form-identity" order={2} size="h4" mb="sm">
                {t('reportingAdmin.forms.identity')}
              </Title>
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                <TextInput
                  label={t('reportingAdmin.forms.code')}
                  description={t('reportingAdmin.forms.codeHint')}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  withAsterisk={isNew}
                  disabled={!isNew || !canWrite}
                  ff="monospace"
                  value={values.code}
                  onChange={(e) => setValue('code', e.currentTarget.value)}
                  error={errors.code}
                  aria-invalid={errors.code ? true : undefined}
                />
                <Select
                  label={t('reportingAdmin.forms.periodType')}
                  description={isNew ? undefined : t('reportingAdmin.forms.periodTypeFixed')}
                  withAsterisk
                  disabled={!isNew || !canWrite}
                  data={FORM_PERIOD_TYPES.map((p) => ({
                    value: p,
                    label: t(`reportingAdmin.enums.periodType.${p}`),
                  }))}
                  value={values.periodType}
                  allowDeselect={false}
                  onChange={(v) => v && setValue('periodType', v as FormPeriodType)}
                  error={errors.periodType}
                />
                <TextInput
                  label={t('reportingAdmin.forms.nameVi')}
                  withAsterisk
                  value={values.nameVi}
                  onChange={(e) => setValue('nameVi', e.currentTarget.value)}
                  error={errors.nameVi}
                  aria-invalid={errors.nameVi ? true : undefined}
                />
                <TextInput
                  label={t('reportingAdmin.forms.nameEn')}
                  withAsterisk
                  value={values.nameEn}
                  onChange={(e) => setValue('nameEn', e.currentTarget.value)}
                  error={errors.nameEn}
                  aria-invalid={errors.nameEn ? true : undefined}
                />
                <TextInput
                  label={t('reportingAdmin.forms.firstPeriod')}
                  description={periodHint(values.firstPeriod)}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  withAsterisk
                  ff="monospace"
                  value={values.firstPeriod}
                  onChange={(e) => setValue('firstPeriod', e.currentTarget.value)}
                  error={errors.firstPeriod}
                  aria-invalid={errors.firstPeriod ? true : undefined}
                />
                <TextInput
                  label={t('reportingAdmin.forms.lastPeriod')}
                  description={
                    values.lastPeriod.trim()
                      ? periodHint(values.lastPeriod)
                      : t('reportingAdmin.forms.lastPeriodHint')
                  }
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  ff="monospace"
                  value={values.lastPeriod}
                  onChange={(e) => setValue('lastPeriod', e.currentTarget.value)}
                  error={errors.lastPeriod}
                  aria-invalid={errors.lastPeriod ? true : undefined}
                />
                <Textarea
                  label={t('reportingAdmin.forms.descriptionVi')}
                  autosize
                  minRows={2}
                  value={values.descriptionVi}
                  onChange={(e) => setValue('descriptionVi', e.currentTarget.value)}
                  error={errors.descriptionVi}
                />
                <Switch
                  mt="lg"
                  label={t('reportingAdmin.forms.active')}
                  description={t('reportingAdmin.forms.activeHint')}
                  checked={values.active}
                  onChange={(e) => setValue('active', e.currentTarget.checked)}
                />
              </SimpleGrid>
            </Card>

            <Card withBorder padding="lg" component="section" aria-labelledby="form-indicators">
              <Title id="form-indicators" order={2} size="h4" mb="xs">
                {t('reportingAdmin.forms.indicators')}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {t('reportingAdmin.forms.indicatorsHint')}
              </Text>
              {errors.indicators && (
                <Text size="sm" c="red.8" role="alert" mb="xs">
                  {errors.indicators}
                </Text>
              )}
              {values.indicators.length > 0 && (
                <Table.ScrollContainer minWidth={720}>
                  <Table verticalSpacing="xs">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col" w={50}>
                          #
                        </Table.Th>
                        <Table.Th scope="col">{t('reportingAdmin.forms.indicator')}</Table.Th>
                        <Table.Th scope="col">{t('reportingAdmin.forms.section')}</Table.Th>
                        <Table.Th scope="col">{t('reportingAdmin.forms.required')}</Table.Th>
                        <Table.Th scope="col">{t('reportingAdmin.forms.order')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {values.indicators.map((row, index) => {
                        const ind = catalogue.get(row.code);
                        const label = ind ? name(ind) : row.code;
                        const rowError = errors[`indicators.${index}.code`] ?? errors[`indicators.${index}`];
                        const setRow = (patch: Partial<typeof row>) =>
                          setValue(
                            'indicators',
                            values.indicators.map((r, i) => (i === index ? { ...r, ...patch } : r)),
                          );
                        return (
                          <Table.Tr key={row.code}>
                            <Table.Td>{index + 1}</Table.Td>
                            <Table.Td>
                              <Text size="sm" fw={500}>
                                {label}
                              </Text>
                              <Text size="xs" c="dimmed" ff="monospace">
                                {row.code}
                              </Text>
                              {rowError && (
                                <Text size="xs" c="red.8">
                                  {rowError}
                                </Text>
                              )}
                            </Table.Td>
                            <Table.Td>
                              <TextInput
                                size="xs"
                                aria-label={t('reportingAdmin.forms.sectionOf', { name: label })}
                                placeholder={t('reportingAdmin.forms.sectionPlaceholder')}
                                value={row.sectionVi}
                                onChange={(e) => setRow({ sectionVi: e.currentTarget.value })}
                              />
                            </Table.Td>
                            <Table.Td>
                              <Checkbox
                                aria-label={t('reportingAdmin.forms.requiredOf', { name: label })}
                                checked={row.required}
                                onChange={(e) => setRow({ required: e.currentTarget.checked })}
                              />
                            </Table.Td>
                            <Table.Td>
                              <Group gap={4} wrap="nowrap">
                                <ActionIcon
                                  variant="subtle"
                                  aria-label={t('reportingAdmin.forms.moveUp', { name: label })}
                                  disabled={index === 0 || !canWrite}
                                  onClick={() => setValue('indicators', move(values.indicators, index, -1))}
                                >
                                  <IconArrowUp size={16} aria-hidden />
                                </ActionIcon>
                                <ActionIcon
                                  variant="subtle"
                                  aria-label={t('reportingAdmin.forms.moveDown', { name: label })}
                                  disabled={index === values.indicators.length - 1 || !canWrite}
                                  onClick={() => setValue('indicators', move(values.indicators, index, 1))}
                                >
                                  <IconArrowDown size={16} aria-hidden />
                                </ActionIcon>
                                <ActionIcon
                                  variant="subtle"
                                  color="red"
                                  aria-label={t('reportingAdmin.forms.removeIndicator', { name: label })}
                                  disabled={!canWrite}
                                  onClick={() =>
                                    setValue(
                                      'indicators',
                                      values.indicators.filter((_, i) => i !== index),
                                    )
                                  }
                                >
                                  <IconTrash size={16} aria-hidden />
                                </ActionIcon>
                              </Group>
                            </Table.Td>
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
              {canWrite && (
                <Select
                  mt="sm"
                  maw={480}
                  label={t('reportingAdmin.forms.addIndicator')}
                  placeholder={t('reportingAdmin.forms.addIndicatorPlaceholder')}
                  searchable
                  data={addable}
                  value={null}
                  onChange={(code) => {
                    if (!code) return;
                    setValue('indicators', [...values.indicators, { code, required: true, sectionVi: '' }]);
                  }}
                  nothingFoundMessage={t('common.nothingFound')}
                />
              )}
            </Card>

            <Card withBorder padding="lg" component="section" aria-labelledby="form-target">
              <Title id="form-target" order={2} size="h4" mb="sm">
                {t('reportingAdmin.forms.target')}
              </Title>
              <Stack gap="sm">
                <SegmentedControl
                  aria-label={t('reportingAdmin.forms.target')}
                  value={values.targetMode}
                  onChange={(v) => setValue('targetMode', v as 'filter' | 'listed')}
                  data={[
                    { value: 'filter', label: t('reportingAdmin.forms.targetModeFilter') },
                    { value: 'listed', label: t('reportingAdmin.forms.targetModeListed') },
                  ]}
                />
                {values.targetMode === 'filter' ? (
                  <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                    <ZoneMultiSelect
                      label={t('reportingAdmin.forms.zones')}
                      description={t('reportingAdmin.forms.zonesHint')}
                      inputWrapperOrder={['label', 'input', 'description', 'error']}
                      value={values.targetZoneIds}
                      onChange={(v) => setValue('targetZoneIds', v)}
                      error={errors.targetZoneIds}
                    />
                    <Select
                      label={t('reportingAdmin.forms.investmentType')}
                      data={[
                        { value: '', label: t('reportingAdmin.forms.investmentAll') },
                        { value: 'fdi', label: t('reportingAdmin.enums.investmentType.fdi') },
                        { value: 'ddi', label: t('reportingAdmin.enums.investmentType.ddi') },
                      ]}
                      value={values.targetInvestmentType}
                      allowDeselect={false}
                      onChange={(v) =>
                        setValue('targetInvestmentType', (v ?? '') as FormFormValues['targetInvestmentType'])
                      }
                      error={errors.targetInvestmentType}
                    />
                  </SimpleGrid>
                ) : (
                  <Stack gap="xs">
                    {canWrite && (
                      <Group align="flex-end">
                        <EnterpriseSelect
                          label={t('reportingAdmin.forms.addEnterprise')}
                          value={picked}
                          onChange={setPicked}
                          style={{ flex: '1 1 22rem' }}
                          error={errors.enterpriseIds}
                        />
                        <Button
                          variant="light"
                          disabled={!picked || values.enterpriseIds.includes(picked)}
                          onClick={() => {
                            setValue('enterpriseIds', [...values.enterpriseIds, picked]);
                            setPicked('');
                          }}
                        >
                          {t('reportingAdmin.forms.addToList')}
                        </Button>
                      </Group>
                    )}
                    {!canWrite && errors.enterpriseIds && <Text c="red.8">{errors.enterpriseIds}</Text>}
                    {values.enterpriseIds.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {t('reportingAdmin.forms.noEnterprises')}
                      </Text>
                    ) : (
                      <List size="sm" spacing={4} aria-label={t('reportingAdmin.forms.listedEnterprises')}>
                        {values.enterpriseIds.map((id) => (
                          <List.Item key={id}>
                            <Group gap="xs">
                              <Text size="sm">{names.get(id) ?? id}</Text>
                              {canWrite && (
                                <Anchor
                                  component="button"
                                  type="button"
                                  size="sm"
                                  c="red"
                                  onClick={() =>
                                    setValue(
                                      'enterpriseIds',
                                      values.enterpriseIds.filter((x) => x !== id),
                                    )
                                  }
                                >
                                  {t('reportingAdmin.common.remove')}
                                </Anchor>
                              )}
                            </Group>
                          </List.Item>
                        ))}
                      </List>
                    )}
                  </Stack>
                )}
              </Stack>
            </Card>

            <Card withBorder padding="lg" component="section" aria-labelledby="form-schedule">
              <Title id="form-schedule" order={2} size="h4" mb="xs">
                {t('reportingAdmin.forms.schedule')}
              </Title>
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                <NumberInput
                  label={t('reportingAdmin.forms.dueAfterDays')}
                  description={t('reportingAdmin.forms.dueHint')}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  withAsterisk
                  min={0}
                  max={366}
                  allowDecimal={false}
                  value={values.dueAfterDays}
                  onChange={(v) => setValue('dueAfterDays', v)}
                  error={errors.dueAfterDays}
                  aria-invalid={errors.dueAfterDays ? true : undefined}
                />
                <NumberInput
                  label={t('reportingAdmin.forms.lockAfterDays')}
                  description={t('reportingAdmin.forms.lockHint')}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  withAsterisk
                  min={0}
                  max={731}
                  allowDecimal={false}
                  value={values.lockAfterDays}
                  onChange={(v) => setValue('lockAfterDays', v)}
                  error={errors.lockAfterDays}
                  aria-invalid={errors.lockAfterDays ? true : undefined}
                />
              </SimpleGrid>
              {example && (
                <Alert
                  color="blue"
                  variant="light"
                  mt="md"
                  title={t('reportingAdmin.forms.exampleTitle')}
                  aria-live="polite"
                >
                  <Stack gap={4}>
                    {[example.previous, example.current].map((e) => (
                      <Text size="sm" key={e.periodEnd}>
                        {t('reportingAdmin.forms.example', {
                          period: periodLabel(e.period, language),
                          end: formatIsoDate(e.periodEnd),
                          due: formatIsoDate(e.dueDate),
                          lock: formatIsoDate(e.lockDate),
                        })}
                      </Text>
                    ))}
                    <Text size="xs" c="dimmed">
                      {t('reportingAdmin.forms.exampleNote')}
                    </Text>
                  </Stack>
                </Alert>
              )}
              <Title order={3} size="h5" mt="md" mb="xs">
                {t('reportingAdmin.forms.reminders')}
              </Title>
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                <TextInput
                  label={t('reportingAdmin.forms.remindBeforeDays')}
                  description={t('reportingAdmin.forms.remindBeforeHint')}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  value={values.remindBeforeDays}
                  onChange={(e) => setValue('remindBeforeDays', e.currentTarget.value)}
                  error={errors.remindBeforeDays}
                  aria-invalid={errors.remindBeforeDays ? true : undefined}
                />
                <TextInput
                  label={t('reportingAdmin.forms.remindAfterDays')}
                  description={t('reportingAdmin.forms.remindAfterHint')}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  value={values.remindAfterDays}
                  onChange={(e) => setValue('remindAfterDays', e.currentTarget.value)}
                  error={errors.remindAfterDays}
                  aria-invalid={errors.remindAfterDays ? true : undefined}
                />
              </SimpleGrid>
            </Card>

            <ServerErrorAlert error={mutation.error} shows={shows} />
            {canWrite && (
              <Group justify="flex-end" gap="sm">
                <Button component={Link} to="/reporting/forms" variant="default">
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={mutation.isPending}>
                  {isNew ? t('reportingAdmin.forms.create') : t('common.save')}
                </Button>
              </Group>
            )}
          </Stack>
        </Fieldset>
      </form>
      {saved && (
        <Group gap="sm">
          <Anchor component={Link} to={`/reporting/rules?form=${saved.id}`}>
            {t('reportingAdmin.forms.rulesLink', { count: saved.rules.length })}
          </Anchor>
        </Group>
      )}
      {saved && canUnlock && <UnlocksSection form={saved} />}
    </Stack>
  );
}
