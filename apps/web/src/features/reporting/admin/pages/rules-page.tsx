import type { FormView, RuleView } from '@heza/shared/reporting';
import { RULE_OPERATORS, RULE_SEVERITIES } from '@heza/shared/reporting-rules';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  LoadingOverlay,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMathFunction, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../../components/page-header';
import { QueryError } from '../../../../components/query-error';
import { currentLanguage } from '../../../../i18n';
import { hasPermission, PERMISSIONS } from '../../../../lib/permissions';
import { onSubmit } from '../../../../lib/use-form-state';
import { type PathErrors, usePathForm } from '../../../../lib/use-path-form';
import { useCurrentUser } from '../../../auth/current-user';
import { pathIn, ServerErrorAlert, showServerErrors } from '../../../registry/components/form-bits';
import { useForms, useIndicators } from '../../api';
import { toCanonical } from '../../entry-values';
import { useDeleteRule, useSaveRule } from '../api';
import { ExpressionCheckView } from '../components/expression-check';
import {
  checkExpression,
  type KnownIndicator,
  knownIndicators,
  type RuleFormValues,
  ruleInput,
  ruleText,
  ruleValues,
  tryRule,
  validateRule,
} from '../logic';
import { useProblemMessages } from '../use-problem-messages';

const FIELDS = [
  'code',
  'leftExpr',
  'operator',
  'rightExpr',
  'ratioMin',
  'ratioMax',
  'severity',
  'messageVi',
  'messageEn',
  'position',
  'active',
] as const;

/** /reporting/rules — the validation rules of a form: list, add, edit, delete, and try one on sample values. */
export function RulesPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const user = useCurrentUser();
  const canWrite = hasPermission(user, PERMISSIONS.reportFormWrite);
  const forms = useForms();
  const indicators = useIndicators();
  const [params, setParams] = useSearchParams();
  const form =
    forms.data?.items.find((f) => f.id === params.get('form')) ?? forms.data?.items.find((f) => f.active);
  const [editing, setEditing] = useState<RuleView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<RuleView | null>(null);
  const remove = useDeleteRule();
  const onForm = useMemo(() => {
    const codes = new Set(form?.indicators.map((i) => i.code) ?? []);
    return knownIndicators((indicators.data?.items ?? []).filter((i) => codes.has(i.code)));
  }, [form, indicators.data]);
  const rules = [...(form?.rules ?? [])].sort(
    (a, b) => a.position - b.position || a.code.localeCompare(b.code),
  );

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('reportingAdmin.rules.title')}
        description={t('reportingAdmin.rules.description')}
        icon={<IconMathFunction size={28} aria-hidden />}
        actions={
          canWrite && form ? (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing('new')}>
              {t('reportingAdmin.rules.add')}
            </Button>
          ) : null
        }
      />
      {forms.isError && <QueryError error={forms.error} onRetry={() => forms.refetch()} />}
      {(forms.isPending || indicators.isPending) && <LoadingOverlay visible />}
      <Card withBorder>
        <Select
          maw={560}
          label={t('reportingAdmin.rules.form')}
          data={(forms.data?.items ?? []).map((f) => ({ value: f.id, label: `${f.code} — ${f.nameVi}` }))}
          value={form?.id ?? null}
          allowDeselect={false}
          onChange={(v) => v && setParams({ form: v }, { replace: true })}
        />
        {form && (
          <Text size="xs" c="dimmed" mt={6}>
            {t('reportingAdmin.rules.operandsOnForm', {
              codes: form.indicators.map((i) => i.code).join(', '),
            })}
          </Text>
        )}
      </Card>
      {!canWrite && (
        <Text size="sm" c="dimmed">
          {t('reportingAdmin.common.readOnly')}
        </Text>
      )}
      <ServerErrorAlert error={remove.error} shows={() => false} />
      {form && rules.length === 0 && <Text c="dimmed">{t('reportingAdmin.rules.empty')}</Text>}
      {form && rules.length > 0 && (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={960}>
            <Table striped verticalSpacing="xs">
              <VisuallyHidden component="caption">
                {t('reportingAdmin.rules.caption', { code: form.code })}
              </VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('reportingAdmin.rules.code')}</Table.Th>
                  <Table.Th scope="col">{t('reportingAdmin.rules.expression')}</Table.Th>
                  <Table.Th scope="col">{t('reportingAdmin.rules.severity')}</Table.Th>
                  <Table.Th scope="col">{t('reportingAdmin.rules.message')}</Table.Th>
                  <Table.Th scope="col">{t('reportingAdmin.common.status')}</Table.Th>
                  {canWrite && (
                    <Table.Th scope="col">
                      <VisuallyHidden>{t('reportingAdmin.common.actions')}</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rules.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" ff="monospace">
                        {r.code}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {ruleText(r)}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Badge variant="light" color={r.severity === 'blocking' ? 'red' : 'yellow'}>
                        {t(`reportingAdmin.enums.severity.${r.severity}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{language === 'vi' ? r.messageVi : r.messageEn}</Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Badge variant="outline" color={r.active ? 'teal' : 'gray'}>
                        {t(r.active ? 'reportingAdmin.common.active' : 'reportingAdmin.common.inactive')}
                      </Badge>
                    </Table.Td>
                    {canWrite && (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            aria-label={t('reportingAdmin.rules.editLabel', { code: r.code })}
                            onClick={() => setEditing(r)}
                          >
                            {t('reportingAdmin.common.edit')}
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="red"
                            aria-label={t('reportingAdmin.rules.deleteLabel', { code: r.code })}
                            onClick={() => setDeleting(r)}
                          >
                            {t('reportingAdmin.common.delete')}
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
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        size="xl"
        title={
          editing === 'new'
            ? t('reportingAdmin.rules.newTitle', { code: form?.code ?? '' })
            : t('reportingAdmin.rules.editTitle', { code: editing?.code ?? '' })
        }
      >
        {editing !== null && form && (
          <RuleForm
            form={form}
            rule={editing === 'new' ? undefined : editing}
            onForm={onForm}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('reportingAdmin.rules.deleteTitle')}
      >
        {deleting && (
          <Stack gap="md">
            <Text size="sm">{t('reportingAdmin.rules.deleteConfirm', { code: deleting.code })}</Text>
            <Text size="sm" ff="monospace">
              {ruleText(deleting)}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDeleting(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                loading={remove.isPending}
                onClick={() =>
                  remove.mutate(deleting.id, {
                    onSuccess: () => {
                      notifications.show({
                        color: 'green',
                        message: t('reportingAdmin.rules.deleted', { code: deleting.code }),
                      });
                      setDeleting(null);
                    },
                    onError: () => setDeleting(null),
                  })
                }
              >
                {t('reportingAdmin.common.delete')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

function RuleForm({
  form: f,
  rule,
  onForm,
  onDone,
}: {
  form: FormView;
  rule?: RuleView;
  onForm: KnownIndicator[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const isNew = !rule;
  const form = usePathForm<RuleFormValues>(ruleValues(rule));
  const { values, errors, setValue } = form;
  const save = useSaveRule(f.id);
  const messages = useProblemMessages();
  const shows = pathIn(FIELDS);
  const left = checkExpression(values.leftExpr, onForm);
  const right = checkExpression(values.rightExpr, onForm);
  const ratio = values.operator === 'ratio_between';

  const submit = () => {
    const problems = messages(
      validateRule(
        values,
        onForm,
        f.rules.map((r) => r.code),
        isNew,
      ),
    );
    if (Object.keys(problems).length) {
      save.reset();
      form.showErrors(problems);
      return;
    }
    const { code, ...rest } = ruleInput(values);
    save.mutate(
      { id: rule?.id, body: isNew ? { code, ...rest } : rest },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'green',
            message: t(isNew ? 'reportingAdmin.rules.created' : 'reportingAdmin.rules.updated', {
              code: saved.code,
            }),
          });
          onDone();
        },
        onError: (error) => showServerErrors(error, form.showErrors as (e: PathErrors) => void, shows),
      },
    );
  };

  return (
    <form
      ref={form.formRef}
      onSubmit={onSubmit(submit)}
      noValidate
      aria-label={t('reportingAdmin.rules.formLabel')}
    >
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('reportingAdmin.rules.code')}
            withAsterisk={isNew}
            disabled={!isNew}
            ff="monospace"
            value={values.code}
            onChange={(e) => setValue('code', e.currentTarget.value)}
            error={errors.code}
            aria-invalid={errors.code ? true : undefined}
          />
          <Select
            label={t('reportingAdmin.rules.severity')}
            withAsterisk
            data={RULE_SEVERITIES.map((s) => ({ value: s, label: t(`reportingAdmin.enums.severity.${s}`) }))}
            value={values.severity}
            allowDeselect={false}
            onChange={(v) => v && setValue('severity', v as RuleFormValues['severity'])}
            description={t(`reportingAdmin.rules.severityHint.${values.severity}`)}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            comboboxProps={{ withinPortal: true }}
          />
          <NumberInput
            label={t('reportingAdmin.rules.position')}
            min={0}
            max={10000}
            allowDecimal={false}
            value={values.position}
            onChange={(v) => setValue('position', v)}
            error={errors.position}
            aria-invalid={errors.position ? true : undefined}
          />
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {t('reportingAdmin.rules.expressionHint')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Stack gap={4}>
            <TextInput
              label={t('reportingAdmin.rules.leftExpr')}
              withAsterisk
              ff="monospace"
              value={values.leftExpr}
              onChange={(e) => setValue('leftExpr', e.currentTarget.value)}
              error={errors.leftExpr}
              aria-invalid={errors.leftExpr ? true : undefined}
              aria-describedby="left-check"
            />
            <ExpressionCheckView check={left} id="left-check" />
          </Stack>
          <Select
            label={t('reportingAdmin.rules.operator')}
            withAsterisk
            data={RULE_OPERATORS.map((o) => ({ value: o, label: t(`reportingAdmin.enums.operator.${o}`) }))}
            value={values.operator}
            allowDeselect={false}
            onChange={(v) => v && setValue('operator', v as RuleFormValues['operator'])}
            comboboxProps={{ withinPortal: true }}
          />
          <Stack gap={4}>
            <TextInput
              label={t('reportingAdmin.rules.rightExpr')}
              withAsterisk
              ff="monospace"
              value={values.rightExpr}
              onChange={(e) => setValue('rightExpr', e.currentTarget.value)}
              error={errors.rightExpr}
              aria-invalid={errors.rightExpr ? true : undefined}
              aria-describedby="right-check"
            />
            <ExpressionCheckView check={right} id="right-check" />
          </Stack>
        </SimpleGrid>
        {ratio && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('reportingAdmin.rules.ratioMin')}
              description={t('reportingAdmin.rules.ratioHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              inputMode="decimal"
              value={values.ratioMin}
              onChange={(e) => setValue('ratioMin', e.currentTarget.value)}
              error={errors.ratioMin}
              aria-invalid={errors.ratioMin ? true : undefined}
            />
            <TextInput
              label={t('reportingAdmin.rules.ratioMax')}
              inputMode="decimal"
              value={values.ratioMax}
              onChange={(e) => setValue('ratioMax', e.currentTarget.value)}
              error={errors.ratioMax}
              aria-invalid={errors.ratioMax ? true : undefined}
            />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea
            label={t('reportingAdmin.rules.messageVi')}
            description={t('reportingAdmin.rules.messageViHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            withAsterisk
            autosize
            minRows={2}
            value={values.messageVi}
            onChange={(e) => setValue('messageVi', e.currentTarget.value)}
            error={errors.messageVi}
            aria-invalid={errors.messageVi ? true : undefined}
          />
          <Textarea
            label={t('reportingAdmin.rules.messageEn')}
            withAsterisk
            autosize
            minRows={2}
            value={values.messageEn}
            onChange={(e) => setValue('messageEn', e.currentTarget.value)}
            error={errors.messageEn}
            aria-invalid={errors.messageEn ? true : undefined}
          />
        </SimpleGrid>
        <Switch
          label={t('reportingAdmin.rules.active')}
          checked={values.active}
          onChange={(e) => setValue('active', e.currentTarget.checked)}
        />
        <TryRule values={values} left={left} right={right} />
        <ServerErrorAlert error={save.error} shows={shows} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {isNew ? t('reportingAdmin.rules.create') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Sample values for every operand, and what the rule would say about them (the entry form's own code). */
function TryRule({
  values,
  left,
  right,
}: {
  values: RuleFormValues;
  left: ReturnType<typeof checkExpression>;
  right: ReturnType<typeof checkExpression>;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [samples, setSamples] = useState<Record<string, string>>({});
  const operands = [
    ...(left.state === 'checked' ? left.operands : []),
    ...(right.state === 'checked' ? right.operands : []),
  ].filter((o, i, all) => all.findIndex((x) => x.text === o.text) === i);
  const parses = left.state === 'checked' && right.state === 'checked';
  const canonical = Object.fromEntries(
    operands.map((o) => [o.text, toCanonical(samples[o.text] ?? '', language)]),
  );
  const result = parses
    ? tryRule(
        {
          ...values,
          ratioMin: values.ratioMin.trim() ? values.ratioMin.trim().replace(',', '.') : null,
          ratioMax: values.ratioMax.trim() ? values.ratioMax.trim().replace(',', '.') : null,
        },
        canonical,
      )
    : null;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="try-rule">
      <Title id="try-rule" order={3} size="h5" mb={4}>
        {t('reportingAdmin.rules.tryTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('reportingAdmin.rules.tryHint')}
      </Text>
      {!parses && <Text size="sm">{t('reportingAdmin.rules.tryNeedsExpressions')}</Text>}
      {parses && operands.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 3 }} mb="sm">
          {operands.map((o) => (
            <TextInput
              key={o.text}
              label={t('reportingAdmin.rules.sampleOf', { operand: o.text })}
              inputMode="decimal"
              value={samples[o.text] ?? ''}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setSamples((s) => ({ ...s, [o.text]: v }));
              }}
            />
          ))}
        </SimpleGrid>
      )}
      {result && (
        <div aria-live="polite">
          {result.kind === 'invalid' && (
            <Alert color="red" variant="light">
              {t('reportingAdmin.rules.tryInvalid', { operand: result.operand })}
            </Alert>
          )}
          {result.kind === 'syntax' && (
            <Alert color="red" variant="light">
              {t('reportingAdmin.expression.syntaxShort')}
            </Alert>
          )}
          {result.kind === 'outcome' && result.outcome.passed === null && (
            <Alert color="gray" variant="light">
              {t('reportingAdmin.rules.trySkipped')}
            </Alert>
          )}
          {result.kind === 'outcome' && result.outcome.passed === true && (
            <Alert color="teal" variant="light">
              {t('reportingAdmin.rules.tryPassed', {
                left: result.outcome.left,
                right: result.outcome.right,
              })}
            </Alert>
          )}
          {result.kind === 'outcome' && result.outcome.passed === false && (
            <Alert color={values.severity === 'blocking' ? 'red' : 'yellow'} variant="light">
              <Text size="sm" fw={600}>
                {t(
                  values.severity === 'blocking'
                    ? 'reportingAdmin.rules.tryFailedBlocking'
                    : 'reportingAdmin.rules.tryFailedWarning',
                  { left: result.outcome.left, right: result.outcome.right },
                )}
              </Text>
              <Text size="sm">{language === 'vi' ? values.messageVi : values.messageEn}</Text>
            </Alert>
          )}
        </div>
      )}
    </Card>
  );
}
