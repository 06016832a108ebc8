import {
  ONLINE_LEVELS,
  type ProcedureStep,
  ProcedureVersionInput,
  type ProcedureView,
  STEP_ROLES,
  SUPPLEMENT_CLOCKS,
} from '@heza/shared/procedures';
import { DEPARTMENTS } from '@heza/shared/roles';
import {
  ActionIcon,
  Button,
  Checkbox,
  Divider,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { currentLanguage } from '../../../i18n';
import { todayIso } from '../../../lib/format-number';
import { departmentLabel } from '../../../lib/labels';
import { useCreateVersion } from '../api';
import { apiIssuesByPath, issuesByPath } from '../lib/issues';
import { type Draft, draftFrom } from '../lib/version-draft';

const num = (v: string | number) => (typeof v === 'number' ? v : Number.parseInt(v, 10) || 0);

/**
 * Adds a procedure or a new version of one (POST /procedures/catalogue): everything a version holds, the
 * documents with originals and copies, the steps with unit, role and share of the time limit, the fees.
 * Checked with the shared schema first (the steps' days must add up to the time limit).
 */
export function VersionFormModal({
  opened,
  onClose,
  base,
}: {
  opened: boolean;
  onClose: () => void;
  base: ProcedureView | null;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="90rem"
      title={
        base ? t('procedures.version.titleNew', { code: base.code }) : t('procedures.catalogue.newProcedure')
      }
    >
      {opened && <VersionForm base={base} onClose={onClose} />}
    </Modal>
  );
}

/** The form itself, mounted each time the dialog opens (a fresh draft from the version in force). */
function VersionForm({ onClose, base }: { onClose: () => void; base: ProcedureView | null }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const create = useCreateVersion();
  const [draft, setDraft] = useState<Draft>(() => draftFrom(base, todayIso()));
  const [errors, setErrors] = useState<Record<string, string>>({});

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [key]: '' }));
  };
  const setItem = <L extends 'documents' | 'steps' | 'fees'>(
    list: L,
    i: number,
    patch: Partial<Draft[L][number]>,
  ) =>
    setDraft((d) => ({
      ...d,
      [list]: (d[list] as Draft[L][number][]).map((x, j) => (j === i ? { ...x, ...patch } : x)),
    }));
  const remove = (list: 'documents' | 'steps' | 'fees', i: number) =>
    setDraft((d) => ({ ...d, [list]: (d[list] as unknown[]).filter((_, j) => j !== i) }));
  const err = (path: string) => errors[path] || undefined;
  const stepDays = draft.steps.reduce((s, x) => s + x.days, 0);

  const submit = () => {
    const parsed = ProcedureVersionInput.safeParse({
      ...draft,
      cutoff: draft.cutoff ? draft.cutoff : null,
      fees: draft.fees.map((f) => ({
        ...f,
        amountVnd: f.amountVnd ? f.amountVnd : null,
        noteVi: f.noteVi || null,
        noteEn: f.noteEn || null,
      })),
    });
    if (!parsed.success) {
      setErrors(issuesByPath(parsed.error, language, () => t('procedures.version.invalidValue')));
      return;
    }
    create.mutate(parsed.data, {
      onSuccess: (v) => {
        notifications.show({
          color: 'green',
          message: t('procedures.version.saved', { code: v.code, version: v.version }),
        });
        onClose();
        navigate(`/procedures/catalogue/${encodeURIComponent(v.code)}`);
      },
      onError: (e) => setErrors(apiIssuesByPath(e)),
    });
  };
  const listErrors = Object.entries(errors).filter(([, m]) => m);

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <FormErrorAlert error={create.error} />
        {listErrors.length > 0 && !create.error && (
          <Text c="red" size="sm" role="alert">
            {t('procedures.version.fixErrors', { count: listErrors.length })}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('procedures.fields.code')}
            value={draft.code}
            onChange={(e) => set('code', e.currentTarget.value)}
            readOnly={!!base}
            error={err('code')}
            required
          />
          <TextInput
            type="date"
            label={t('procedures.fields.effectiveFrom')}
            value={draft.effectiveFrom}
            onChange={(e) => set('effectiveFrom', e.currentTarget.value)}
            error={err('effectiveFrom')}
            required
          />
          <Select
            label={t('procedures.fields.leadUnit')}
            data={DEPARTMENTS.map((d) => ({ value: d, label: departmentLabel(t, d) ?? d }))}
            value={draft.leadUnit}
            onChange={(v) => v && set('leadUnit', v as Draft['leadUnit'])}
            allowDeselect={false}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea
            label={t('procedures.fields.nameVi')}
            value={draft.nameVi}
            onChange={(e) => set('nameVi', e.currentTarget.value)}
            error={err('nameVi')}
            autosize
            required
          />
          <Textarea
            label={t('procedures.fields.nameEn')}
            value={draft.nameEn}
            onChange={(e) => set('nameEn', e.currentTarget.value)}
            error={err('nameEn')}
            autosize
            required
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('procedures.fields.fieldCode')}
            value={draft.fieldCode}
            onChange={(e) => set('fieldCode', e.currentTarget.value)}
            error={err('fieldCode')}
            required
          />
          <TextInput
            label={t('procedures.fields.fieldVi')}
            value={draft.fieldVi}
            onChange={(e) => set('fieldVi', e.currentTarget.value)}
            error={err('fieldVi')}
            required
          />
          <TextInput
            label={t('procedures.fields.fieldEn')}
            value={draft.fieldEn}
            onChange={(e) => set('fieldEn', e.currentTarget.value)}
            error={err('fieldEn')}
            required
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <NumberInput
            label={t('procedures.fields.timeLimitDays')}
            value={draft.timeLimitDays}
            onChange={(v) => set('timeLimitDays', num(v))}
            min={0}
            max={365}
            allowDecimal={false}
            error={err('timeLimitDays')}
            required
          />
          <TextInput
            label={t('procedures.fields.cutoff')}
            description={t('procedures.version.cutoffHelp')}
            value={draft.cutoff ?? ''}
            onChange={(e) => set('cutoff', e.currentTarget.value)}
            error={err('cutoff')}
            placeholder="15:00"
          />
          <Select
            label={t('procedures.fields.onlineLevel')}
            data={ONLINE_LEVELS.map((l) => ({ value: l, label: t(`procedures.onlineLevel.${l}`) }))}
            value={draft.onlineLevel}
            onChange={(v) => v && set('onlineLevel', v as Draft['onlineLevel'])}
            allowDeselect={false}
          />
          <Select
            label={t('procedures.fields.supplementClock')}
            data={SUPPLEMENT_CLOCKS.map((c) => ({ value: c, label: t(`procedures.clock.${c}`) }))}
            value={draft.supplementClock}
            onChange={(v) => v && set('supplementClock', v as Draft['supplementClock'])}
            allowDeselect={false}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('procedures.fields.resultVi')}
            value={draft.resultVi}
            onChange={(e) => set('resultVi', e.currentTarget.value)}
            error={err('resultVi')}
            required
          />
          <TextInput
            label={t('procedures.fields.resultEn')}
            value={draft.resultEn}
            onChange={(e) => set('resultEn', e.currentTarget.value)}
            error={err('resultEn')}
            required
          />
        </SimpleGrid>
        <Textarea
          label={t('procedures.fields.legalBasis')}
          value={draft.legalBasis}
          onChange={(e) => set('legalBasis', e.currentTarget.value)}
          error={err('legalBasis')}
          autosize
          required
        />
        <Textarea
          label={t('procedures.fields.note')}
          value={draft.note ?? ''}
          onChange={(e) => set('note', e.currentTarget.value)}
          autosize
        />

        <Divider />
        <Group justify="space-between">
          <Title order={3} size="h5">
            {t('procedures.detail.documents')}
          </Title>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() =>
              setDraft((d) => ({
                ...d,
                documents: [
                  ...d.documents,
                  { key: '', nameVi: '', nameEn: '', originals: 1, copies: 0, required: true },
                ],
              }))
            }
          >
            {t('procedures.version.addDocument')}
          </Button>
        </Group>
        {err('documents') && (
          <Text c="red" size="sm">
            {err('documents')}
          </Text>
        )}
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('procedures.fields.key')}</Table.Th>
              <Table.Th>{t('procedures.fields.nameVi')}</Table.Th>
              <Table.Th>{t('procedures.fields.nameEn')}</Table.Th>
              <Table.Th>{t('procedures.fields.originals')}</Table.Th>
              <Table.Th>{t('procedures.fields.copies')}</Table.Th>
              <Table.Th>{t('procedures.fields.required')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {draft.documents.map((d, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; keys may be blank.
              <Table.Tr key={i}>
                <Table.Td>
                  <TextInput
                    aria-label={t('procedures.version.rowField', {
                      field: t('procedures.fields.key'),
                      row: i + 1,
                    })}
                    value={d.key}
                    onChange={(e) => setItem('documents', i, { key: e.currentTarget.value })}
                    error={err(`documents.${i}.key`)}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('procedures.version.rowField', {
                      field: t('procedures.fields.nameVi'),
                      row: i + 1,
                    })}
                    value={d.nameVi}
                    onChange={(e) => setItem('documents', i, { nameVi: e.currentTarget.value })}
                    error={err(`documents.${i}.nameVi`)}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('procedures.version.rowField', {
                      field: t('procedures.fields.nameEn'),
                      row: i + 1,
                    })}
                    value={d.nameEn}
                    onChange={(e) => setItem('documents', i, { nameEn: e.currentTarget.value })}
                    error={err(`documents.${i}.nameEn`)}
                  />
                </Table.Td>
                <Table.Td w={90}>
                  <NumberInput
                    aria-label={t('procedures.version.rowField', {
                      field: t('procedures.fields.originals'),
                      row: i + 1,
                    })}
                    value={d.originals}
                    onChange={(v) => setItem('documents', i, { originals: num(v) })}
                    min={0}
                    max={20}
                    allowDecimal={false}
                  />
                </Table.Td>
                <Table.Td w={90}>
                  <NumberInput
                    aria-label={t('procedures.version.rowField', {
                      field: t('procedures.fields.copies'),
                      row: i + 1,
                    })}
                    value={d.copies}
                    onChange={(v) => setItem('documents', i, { copies: num(v) })}
                    min={0}
                    max={20}
                    allowDecimal={false}
                  />
                </Table.Td>
                <Table.Td>
                  <Checkbox
                    aria-label={t('procedures.version.rowField', {
                      field: t('procedures.fields.required'),
                      row: i + 1,
                    })}
                    checked={d.required}
                    onChange={(e) => setItem('documents', i, { required: e.currentTarget.checked })}
                  />
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => remove('documents', i)}
                    aria-label={t('procedures.version.removeRow', { row: i + 1 })}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>

        <Divider />
        <Group justify="space-between">
          <Title order={3} size="h5">
            {t('procedures.detail.steps')}{' '}
            <Text span size="sm" c={stepDays === draft.timeLimitDays ? 'dimmed' : 'red'}>
              ({t('procedures.version.stepDays', { sum: stepDays, limit: draft.timeLimitDays })})
            </Text>
          </Title>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() =>
              setDraft((d) => ({
                ...d,
                steps: [
                  ...d.steps,
                  { key: '', nameVi: '', nameEn: '', unit: d.leadUnit, role: 'staff', days: 0 },
                ],
              }))
            }
          >
            {t('procedures.version.addStep')}
          </Button>
        </Group>
        {err('steps') && (
          <Text c="red" size="sm" role="alert">
            {err('steps')}
          </Text>
        )}
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('procedures.fields.key')}</Table.Th>
              <Table.Th>{t('procedures.fields.nameVi')}</Table.Th>
              <Table.Th>{t('procedures.fields.nameEn')}</Table.Th>
              <Table.Th>{t('procedures.fields.unit')}</Table.Th>
              <Table.Th>{t('procedures.fields.role')}</Table.Th>
              <Table.Th>{t('procedures.fields.days')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {draft.steps.map((s, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; keys may be blank.
              <Table.Tr key={i}>
                <Table.Td>
                  <TextInput
                    aria-label={t('procedures.version.stepField', {
                      field: t('procedures.fields.key'),
                      row: i + 1,
                    })}
                    value={s.key}
                    onChange={(e) => setItem('steps', i, { key: e.currentTarget.value })}
                    error={err(`steps.${i}.key`)}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('procedures.version.stepField', {
                      field: t('procedures.fields.nameVi'),
                      row: i + 1,
                    })}
                    value={s.nameVi}
                    onChange={(e) => setItem('steps', i, { nameVi: e.currentTarget.value })}
                    error={err(`steps.${i}.nameVi`)}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('procedures.version.stepField', {
                      field: t('procedures.fields.nameEn'),
                      row: i + 1,
                    })}
                    value={s.nameEn}
                    onChange={(e) => setItem('steps', i, { nameEn: e.currentTarget.value })}
                    error={err(`steps.${i}.nameEn`)}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('procedures.version.stepField', {
                      field: t('procedures.fields.unit'),
                      row: i + 1,
                    })}
                    data={DEPARTMENTS.map((d) => ({ value: d, label: departmentLabel(t, d) ?? d }))}
                    value={s.unit}
                    onChange={(v) => v && setItem('steps', i, { unit: v as ProcedureStep['unit'] })}
                    allowDeselect={false}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('procedures.version.stepField', {
                      field: t('procedures.fields.role'),
                      row: i + 1,
                    })}
                    data={STEP_ROLES.map((r) => ({ value: r, label: t(`procedures.stepRole.${r}`) }))}
                    value={s.role}
                    onChange={(v) => v && setItem('steps', i, { role: v as ProcedureStep['role'] })}
                    allowDeselect={false}
                  />
                </Table.Td>
                <Table.Td w={90}>
                  <NumberInput
                    aria-label={t('procedures.version.stepField', {
                      field: t('procedures.fields.days'),
                      row: i + 1,
                    })}
                    value={s.days}
                    onChange={(v) => setItem('steps', i, { days: num(v) })}
                    min={0}
                    max={365}
                    allowDecimal={false}
                  />
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => remove('steps', i)}
                    aria-label={t('procedures.version.removeStep', { row: i + 1 })}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>

        <Divider />
        <Group justify="space-between">
          <Title order={3} size="h5">
            {t('procedures.detail.fees')}
          </Title>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() =>
              setDraft((d) => ({
                ...d,
                fees: [...d.fees, { nameVi: '', nameEn: '', amountVnd: null, noteVi: null, noteEn: null }],
              }))
            }
          >
            {t('procedures.version.addFee')}
          </Button>
        </Group>
        {draft.fees.map((f, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place.
          <Group key={i} align="flex-end" gap="xs" wrap="wrap">
            <TextInput
              label={t('procedures.version.feeField', { field: t('procedures.fields.nameVi'), row: i + 1 })}
              value={f.nameVi}
              onChange={(e) => setItem('fees', i, { nameVi: e.currentTarget.value })}
              error={err(`fees.${i}.nameVi`)}
            />
            <TextInput
              label={t('procedures.version.feeField', { field: t('procedures.fields.nameEn'), row: i + 1 })}
              value={f.nameEn}
              onChange={(e) => setItem('fees', i, { nameEn: e.currentTarget.value })}
              error={err(`fees.${i}.nameEn`)}
            />
            <TextInput
              label={t('procedures.version.feeField', {
                field: t('procedures.fields.amountVnd'),
                row: i + 1,
              })}
              value={f.amountVnd ?? ''}
              onChange={(e) =>
                setItem('fees', i, { amountVnd: e.currentTarget.value.replace(/\D/g, '') || null })
              }
              error={err(`fees.${i}.amountVnd`)}
              inputMode="numeric"
              w={160}
            />
            <TextInput
              label={t('procedures.version.feeField', { field: t('procedures.fields.note'), row: i + 1 })}
              value={f.noteVi ?? ''}
              onChange={(e) => setItem('fees', i, { noteVi: e.currentTarget.value })}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              onClick={() => remove('fees', i)}
              aria-label={t('procedures.version.removeFee', { row: i + 1 })}
              mb={4}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onClose}>
            {t('procedures.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('procedures.version.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
