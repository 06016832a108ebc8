import {
  AGGREGATIONS,
  DISPLAY_UNIT_KEYS,
  DISPLAY_UNITS,
  INDICATOR_UNITS,
  type IndicatorView,
} from '@heza/shared/reporting';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Fieldset,
  Group,
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
import { IconArrowLeft, IconListDetails } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../../components/page-header';
import { QueryError } from '../../../../components/query-error';
import { currentLanguage } from '../../../../i18n';
import { hasPermission, PERMISSIONS } from '../../../../lib/permissions';
import { onSubmit } from '../../../../lib/use-form-state';
import { type PathErrors, usePathForm } from '../../../../lib/use-path-form';
import { useCurrentUser } from '../../../auth/current-user';
import { pathIn, ServerErrorAlert, showServerErrors } from '../../../registry/components/form-bits';
import { useIndicators } from '../../api';
import { useCreateIndicator, useDisaggregations, useUpdateIndicator } from '../api';
import { ExpressionCheckView } from '../components/expression-check';
import {
  changedFields,
  checkExpression,
  type IndicatorFormValues,
  indicatorInput,
  indicatorValues,
  knownIndicators,
  validateIndicator,
} from '../logic';
import { useProblemMessages } from '../use-problem-messages';

const FIELDS = [
  'code',
  'source',
  'nameVi',
  'nameEn',
  'nameZh',
  'nameKo',
  'nameJa',
  'descriptionVi',
  'descriptionEn',
  'unit',
  'displayUnit',
  'valueType',
  'decimals',
  'allowNegative',
  'aggregation',
  'weightIndicator',
  'formula',
  'disaggregations',
  'sortOrder',
  'active',
] as const;

/** /reporting/indicators/new and /reporting/indicators/:code — one indicator of the catalogue. */
export function IndicatorEditPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  const indicators = useIndicators();
  const isNew = code === undefined;
  if (indicators.isError) return <QueryError error={indicators.error} onRetry={() => indicators.refetch()} />;
  if (!indicators.data) return <LoadingOverlay visible />;
  const indicator = isNew ? undefined : indicators.data.items.find((i) => i.code === code);
  if (!isNew && !indicator)
    return (
      <Alert color="orange" title={t('reportingAdmin.indicators.notFoundTitle')}>
        <Text size="sm">{t('reportingAdmin.indicators.notFound', { code })}</Text>
        <Anchor component={Link} to="/reporting/indicators" size="sm">
          {t('reportingAdmin.indicators.back')}
        </Anchor>
      </Alert>
    );
  return (
    <IndicatorEditor key={indicator?.code ?? 'new'} indicator={indicator} catalogue={indicators.data.items} />
  );
}

function IndicatorEditor({
  indicator,
  catalogue,
}: {
  indicator?: IndicatorView;
  catalogue: IndicatorView[];
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const canWrite = hasPermission(user, PERMISSIONS.indicatorWrite);
  const isNew = !indicator;
  const initial = useMemo(() => indicatorValues(indicator), [indicator]);
  const form = usePathForm<IndicatorFormValues>(initial);
  const { values, errors, setValue } = form;
  const disaggregations = useDisaggregations();
  const create = useCreateIndicator();
  const update = useUpdateIndicator(indicator?.code ?? '');
  const mutation = isNew ? create : update;
  const messages = useProblemMessages();
  const known = useMemo(() => knownIndicators(catalogue), [catalogue]);
  const shows = pathIn(FIELDS);
  const computed = values.source === 'computed';
  const registry = indicator?.source === 'registry';
  const formulaCheck = checkExpression(values.formula, known, {
    allowComputed: false,
    self: values.code.trim(),
  });
  const name = (x: { nameVi: string; nameEn: string }) => (language === 'vi' ? x.nameVi : x.nameEn);

  const submit = () => {
    const problems = messages(validateIndicator(values, known, isNew));
    if (Object.keys(problems).length > 0) {
      mutation.reset();
      form.showErrors(problems);
      return;
    }
    const input = indicatorInput(values);
    const onError = (error: unknown) =>
      showServerErrors(error, form.showErrors as (e: PathErrors) => void, shows);
    const onSuccess = (saved: IndicatorView) => {
      notifications.show({
        color: 'green',
        message: t(isNew ? 'reportingAdmin.indicators.created' : 'reportingAdmin.indicators.updated', {
          name: saved.nameVi,
        }),
      });
      navigate('/reporting/indicators');
    };
    if (isNew) {
      create.mutate(input, { onSuccess, onError });
      return;
    }
    const { code: _c, source: _s, ...next } = input;
    const { code: _c0, source: _s0, ...before } = indicatorInput(initial);
    const patch = changedFields(before, next);
    if (Object.keys(patch).length === 0) {
      notifications.show({ color: 'gray', message: t('reportingAdmin.common.noChanges') });
      return;
    }
    update.mutate(patch, { onSuccess, onError });
  };

  const unitOptions = INDICATOR_UNITS.map((u) => ({ value: u, label: t(`reportingAdmin.enums.unit.${u}`) }));
  const displayOptions = DISPLAY_UNIT_KEYS.filter((k) => DISPLAY_UNITS[k].base === values.unit).map((k) => ({
    value: k,
    label: DISPLAY_UNITS[k][language] || t('reportingAdmin.enums.unit.count'),
  }));
  const aggregationOptions = AGGREGATIONS.filter((a) => (computed ? a === 'formula' : a !== 'formula')).map(
    (a) => ({
      value: a,
      label: t(`reportingAdmin.enums.aggregation.${a}`),
    }),
  );
  const weightOptions = catalogue
    .filter((i) => i.source === 'reported' && i.code !== values.code)
    .map((i) => ({ value: i.code, label: `${name(i)} (${i.code})` }));

  const setDisaggregation = (code: string, attached: boolean, required: boolean) => {
    const others = values.disaggregations.filter((d) => d.code !== code);
    setValue('disaggregations', attached ? [...others, { code, required }] : others);
  };

  return (
    <Stack gap="lg" maw={1100}>
      <PageHeader
        title={
          isNew
            ? t('reportingAdmin.indicators.newTitle')
            : t('reportingAdmin.indicators.editTitle', { name: indicator.nameVi })
        }
        description={t('reportingAdmin.indicators.editDescription')}
        icon={<IconListDetails size={28} aria-hidden />}
        actions={
          <Button
            component={Link}
            to="/reporting/indicators"
            variant="default"
            leftSection={<IconArrowLeft size={18} aria-hidden />}
          >
            {t('reportingAdmin.indicators.back')}
          </Button>
        }
      />
      {!canWrite && (
        <Alert color="gray" variant="light">
          {t('reportingAdmin.common.readOnly')}
        </Alert>
      )}
      {registry && (
        <Alert color="blue" variant="light">
          {t('reportingAdmin.indicators.registryNote')}
        </Alert>
      )}
      {indicator?.isSystem && !registry && (
        <Alert color="blue" variant="light">
          {t('reportingAdmin.indicators.systemNote')}
        </Alert>
      )}
      <form
        ref={form.formRef}
        onSubmit={onSubmit(submit)}
        noValidate
        aria-label={t('reportingAdmin.indicators.formLabel')}
      >
        <Fieldset variant="unstyled" disabled={!canWrite} p={0}>
          <Stack gap="md">
            <Card withBorder padding="lg" component="section" aria-labelledby="ind-identity">
              <Title id="ind-identity" order={2} size="h4" mb="sm">
                {t('reportingAdmin.indicators.identity')}
              </Title>
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                <TextInput
                  label={t('reportingAdmin.indicators.code')}
                  description={t('reportingAdmin.indicators.codeHint')}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  withAsterisk={isNew}
                  value={values.code}
                  disabled={!isNew || !canWrite}
                  onChange={(e) => setValue('code', e.currentTarget.value)}
                  error={errors.code}
                  aria-invalid={errors.code ? true : undefined}
                  ff="monospace"
                />
                <Stack gap={4}>
                  <Text size="sm" fw={500} id="ind-source-label">
                    {t('reportingAdmin.indicators.source')}
                  </Text>
                  {isNew ? (
                    <SegmentedControl
                      aria-labelledby="ind-source-label"
                      value={values.source}
                      disabled={!canWrite}
                      onChange={(v) => {
                        const source = v as 'reported' | 'computed';
                        setValue('source', source);
                        setValue('aggregation', source === 'computed' ? 'formula' : 'sum');
                      }}
                      data={(['reported', 'computed'] as const).map((s) => ({
                        value: s,
                        label: t(`reportingAdmin.enums.source.${s}`),
                      }))}
                    />
                  ) : (
                    <Badge variant="light" size="lg" tt="none" aria-labelledby="ind-source-label">
                      {t(`reportingAdmin.enums.source.${indicator.source}`)}
                    </Badge>
                  )}
                  <Text size="xs" c="dimmed">
                    {t(`reportingAdmin.indicators.sourceHint.${values.source}`)}
                  </Text>
                </Stack>
                <TextInput
                  label={t('reportingAdmin.indicators.nameVi')}
                  withAsterisk
                  value={values.nameVi}
                  onChange={(e) => setValue('nameVi', e.currentTarget.value)}
                  error={errors.nameVi}
                  aria-invalid={errors.nameVi ? true : undefined}
                />
                <TextInput
                  label={t('reportingAdmin.indicators.nameEn')}
                  withAsterisk
                  value={values.nameEn}
                  onChange={(e) => setValue('nameEn', e.currentTarget.value)}
                  error={errors.nameEn}
                  aria-invalid={errors.nameEn ? true : undefined}
                />
                <TextInput
                  label={t('reportingAdmin.indicators.nameZh')}
                  lang="zh"
                  value={values.nameZh}
                  onChange={(e) => setValue('nameZh', e.currentTarget.value)}
                  error={errors.nameZh}
                  aria-invalid={errors.nameZh ? true : undefined}
                />
                <TextInput
                  label={t('reportingAdmin.indicators.nameKo')}
                  lang="ko"
                  value={values.nameKo}
                  onChange={(e) => setValue('nameKo', e.currentTarget.value)}
                  error={errors.nameKo}
                  aria-invalid={errors.nameKo ? true : undefined}
                />
                <TextInput
                  label={t('reportingAdmin.indicators.nameJa')}
                  lang="ja"
                  value={values.nameJa}
                  onChange={(e) => setValue('nameJa', e.currentTarget.value)}
                  error={errors.nameJa}
                  aria-invalid={errors.nameJa ? true : undefined}
                />
                <NumberInput
                  label={t('reportingAdmin.indicators.sortOrder')}
                  description={t('reportingAdmin.indicators.sortOrderHint')}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  min={0}
                  max={100000}
                  allowDecimal={false}
                  value={values.sortOrder}
                  onChange={(v) => setValue('sortOrder', v)}
                  error={errors.sortOrder}
                  aria-invalid={errors.sortOrder ? true : undefined}
                />
                <Textarea
                  label={t('reportingAdmin.indicators.descriptionVi')}
                  autosize
                  minRows={2}
                  value={values.descriptionVi}
                  onChange={(e) => setValue('descriptionVi', e.currentTarget.value)}
                  error={errors.descriptionVi}
                  aria-invalid={errors.descriptionVi ? true : undefined}
                />
                <Textarea
                  label={t('reportingAdmin.indicators.descriptionEn')}
                  autosize
                  minRows={2}
                  value={values.descriptionEn}
                  onChange={(e) => setValue('descriptionEn', e.currentTarget.value)}
                  error={errors.descriptionEn}
                  aria-invalid={errors.descriptionEn ? true : undefined}
                />
              </SimpleGrid>
            </Card>

            <Card withBorder padding="lg" component="section" aria-labelledby="ind-values">
              <Title id="ind-values" order={2} size="h4" mb="xs">
                {t('reportingAdmin.indicators.valuesTitle')}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {t('reportingAdmin.indicators.meaningNote')}
              </Text>
              <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
                <Select
                  label={t('reportingAdmin.indicators.unit')}
                  description={t('reportingAdmin.indicators.unitHint')}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  withAsterisk
                  data={unitOptions}
                  value={values.unit}
                  allowDeselect={false}
                  onChange={(v) => {
                    if (!v) return;
                    setValue('unit', v as IndicatorFormValues['unit']);
                    setValue('displayUnit', v as IndicatorFormValues['displayUnit']);
                    if (v === 'persons' || v === 'count') setValue('valueType', 'integer');
                  }}
                  error={errors.unit}
                  aria-invalid={errors.unit ? true : undefined}
                />
                <Select
                  label={t('reportingAdmin.indicators.displayUnit')}
                  description={t('reportingAdmin.indicators.displayUnitHint')}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  data={displayOptions}
                  value={values.displayUnit}
                  allowDeselect={false}
                  onChange={(v) => v && setValue('displayUnit', v as IndicatorFormValues['displayUnit'])}
                  error={errors.displayUnit}
                  aria-invalid={errors.displayUnit ? true : undefined}
                />
                <Select
                  label={t('reportingAdmin.indicators.valueType')}
                  data={(['decimal', 'integer'] as const).map((v) => ({
                    value: v,
                    label: t(`reportingAdmin.enums.valueType.${v}`),
                  }))}
                  value={values.valueType}
                  allowDeselect={false}
                  onChange={(v) => {
                    if (!v) return;
                    setValue('valueType', v as 'decimal' | 'integer');
                    if (v === 'integer') setValue('decimals', 0);
                  }}
                  error={errors.valueType}
                  aria-invalid={errors.valueType ? true : undefined}
                />
                <NumberInput
                  label={t('reportingAdmin.indicators.decimals')}
                  description={t('reportingAdmin.indicators.decimalsHint')}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  min={0}
                  max={6}
                  allowDecimal={false}
                  value={values.decimals}
                  onChange={(v) => setValue('decimals', v)}
                  error={errors.decimals}
                  aria-invalid={errors.decimals ? true : undefined}
                />
                <Switch
                  mt="lg"
                  label={t('reportingAdmin.indicators.allowNegative')}
                  description={t('reportingAdmin.indicators.allowNegativeHint')}
                  checked={values.allowNegative}
                  onChange={(e) => setValue('allowNegative', e.currentTarget.checked)}
                />
                <Switch
                  mt="lg"
                  label={t('reportingAdmin.indicators.active')}
                  description={t('reportingAdmin.indicators.activeHint')}
                  checked={values.active}
                  onChange={(e) => setValue('active', e.currentTarget.checked)}
                />
              </SimpleGrid>
            </Card>

            <Card withBorder padding="lg" component="section" aria-labelledby="ind-aggregation">
              <Title id="ind-aggregation" order={2} size="h4" mb="xs">
                {t('reportingAdmin.indicators.aggregationTitle')}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {t('reportingAdmin.indicators.aggregationHint')}
              </Text>
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                <Select
                  label={t('reportingAdmin.indicators.aggregation')}
                  description={t(`reportingAdmin.indicators.aggregationOf.${values.aggregation}`)}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  withAsterisk
                  data={aggregationOptions}
                  value={values.aggregation}
                  allowDeselect={false}
                  disabled={computed || !canWrite}
                  onChange={(v) => v && setValue('aggregation', v as IndicatorFormValues['aggregation'])}
                  error={errors.aggregation}
                  aria-invalid={errors.aggregation ? true : undefined}
                />
                {values.aggregation === 'weighted_average' && (
                  <Select
                    label={t('reportingAdmin.indicators.weightIndicator')}
                    description={t('reportingAdmin.indicators.weightHint')}
                    inputWrapperOrder={['label', 'input', 'description', 'error']}
                    withAsterisk
                    searchable
                    data={weightOptions}
                    value={values.weightIndicator || null}
                    onChange={(v) => setValue('weightIndicator', v ?? '')}
                    error={errors.weightIndicator}
                    aria-invalid={errors.weightIndicator ? true : undefined}
                  />
                )}
              </SimpleGrid>
              {computed && (
                <Stack gap="xs" mt="md">
                  <TextInput
                    label={t('reportingAdmin.indicators.formula')}
                    description={t('reportingAdmin.indicators.formulaHint')}
                    inputWrapperOrder={['label', 'input', 'description', 'error']}
                    withAsterisk
                    ff="monospace"
                    value={values.formula}
                    onChange={(e) => setValue('formula', e.currentTarget.value)}
                    error={errors.formula}
                    aria-invalid={errors.formula ? true : undefined}
                    aria-describedby="formula-check"
                  />
                  <ExpressionCheckView check={formulaCheck} id="formula-check" />
                </Stack>
              )}
            </Card>

            {!computed && (
              <Card withBorder padding="lg" component="section" aria-labelledby="ind-disaggregations">
                <Title id="ind-disaggregations" order={2} size="h4" mb="xs">
                  {t('reportingAdmin.indicators.disaggregations')}
                </Title>
                <Text size="sm" c="dimmed" mb="sm">
                  {t('reportingAdmin.indicators.disaggregationsHint')}
                </Text>
                {disaggregations.isError && <QueryError error={disaggregations.error} />}
                {errors.disaggregations && (
                  <Text size="sm" c="red.8" role="alert">
                    {errors.disaggregations}
                  </Text>
                )}
                {disaggregations.data && (
                  <Table verticalSpacing="xs">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('reportingAdmin.indicators.disaggregation')}</Table.Th>
                        <Table.Th scope="col">{t('reportingAdmin.indicators.options')}</Table.Th>
                        <Table.Th scope="col">{t('reportingAdmin.indicators.attach')}</Table.Th>
                        <Table.Th scope="col">{t('reportingAdmin.indicators.requiredBreakdown')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {disaggregations.data.items.map((d) => {
                        const attached = values.disaggregations.find((x) => x.code === d.code);
                        return (
                          <Table.Tr key={d.code}>
                            <Table.Td>{name(d)}</Table.Td>
                            <Table.Td>
                              <Text size="sm">{d.options.map(name).join(', ')}</Text>
                            </Table.Td>
                            <Table.Td>
                              <Checkbox
                                aria-label={t('reportingAdmin.indicators.attachLabel', { name: name(d) })}
                                checked={!!attached}
                                onChange={(e) => setDisaggregation(d.code, e.currentTarget.checked, false)}
                              />
                            </Table.Td>
                            <Table.Td>
                              <Checkbox
                                aria-label={t('reportingAdmin.indicators.requiredLabel', { name: name(d) })}
                                checked={!!attached?.required}
                                disabled={!attached || !canWrite}
                                onChange={(e) => setDisaggregation(d.code, true, e.currentTarget.checked)}
                              />
                            </Table.Td>
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  </Table>
                )}
              </Card>
            )}

            <ServerErrorAlert error={mutation.error} shows={shows} />
            {canWrite && (
              <Group justify="flex-end" gap="sm">
                <Button component={Link} to="/reporting/indicators" variant="default">
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={mutation.isPending}>
                  {isNew ? t('reportingAdmin.indicators.create') : t('common.save')}
                </Button>
              </Group>
            )}
          </Stack>
        </Fieldset>
      </form>
    </Stack>
  );
}
