import type { FeedbackCategoryView } from '@heza/shared/feedback';
import { FeedbackCategoryInput } from '@heza/shared/feedback';
import { DEPARTMENTS } from '@heza/shared/roles';
import {
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { fieldErrorMap } from '../../../lib/api-client';
import { departmentLabel } from '../../../lib/labels';
import { useCategories, useUpdateCategory } from '../api';
import { schemaErrors } from '../lib/schema-errors';

const CODE = /^[a-z_]{1,40}$/;

/** Category administration: the unit each category is routed to and its response time in working days. */
export function CategoriesModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const categories = useCategories();
  const [editing, setEditing] = useState<FeedbackCategoryView | 'new' | null>(null);
  return (
    <Modal opened={opened} onClose={onClose} title={t('feedback.categories.title')} size="xl">
      {categories.isError && <QueryError error={categories.error} onRetry={() => categories.refetch()} />}
      {editing ? (
        <CategoryForm category={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('feedback.categories.help')}
          </Text>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('feedback.categories.code')}</Table.Th>
                <Table.Th scope="col">{t('feedback.categories.name')}</Table.Th>
                <Table.Th scope="col">{t('feedback.fields.unit')}</Table.Th>
                <Table.Th scope="col">{t('feedback.categories.responseDays')}</Table.Th>
                <Table.Th scope="col">{t('feedback.categories.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(categories.data ?? []).map((c) => (
                <Table.Tr key={c.code}>
                  <Table.Td ff="monospace">{c.code}</Table.Td>
                  <Table.Td>{currentLanguage() === 'vi' ? c.name.vi : c.name.en}</Table.Td>
                  <Table.Td>{departmentLabel(t, c.unit)}</Table.Td>
                  <Table.Td>{c.responseDays}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => setEditing(c)}
                      aria-label={t('feedback.categories.editOne', { code: c.code })}
                    >
                      {t('feedback.categories.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed">
            {t('feedback.categories.inactiveNote')}
          </Text>
          <Group justify="flex-end">
            <Button onClick={() => setEditing('new')}>{t('feedback.categories.add')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function CategoryForm({ category, onDone }: { category: FeedbackCategoryView | null; onDone: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const save = useUpdateCategory();
  const [code, setCode] = useState(category?.code ?? '');
  const [nameVi, setNameVi] = useState(category?.name.vi ?? '');
  const [nameEn, setNameEn] = useState(category?.name.en ?? '');
  const [unit, setUnit] = useState<string>(category?.unit ?? 'office');
  const [responseDays, setResponseDays] = useState<number | string>(category?.responseDays ?? 10);
  const [active, setActive] = useState(category?.active ?? true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = fieldErrorMap(save.error);
  const err = (k: string) => errors[k] ?? server[k];

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const input = { nameVi, nameEn, unit, responseDays: Number(responseDays), active };
        const next: Record<string, string> = {};
        if (!CODE.test(code)) next.code = t('feedback.categories.codeInvalid');
        const parsed = FeedbackCategoryInput.safeParse(input);
        if (!parsed.success)
          Object.assign(
            next,
            schemaErrors(parsed.error, language, (f) =>
              f === 'responseDays' ? t('feedback.categories.daysInvalid') : t('feedback.form.invalid'),
            ),
          );
        setErrors(next);
        if (Object.keys(next).length > 0 || !parsed.success) return;
        save.mutate(
          { code, input: parsed.data },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('feedback.categories.saved') });
              onDone();
            },
          },
        );
      }}
    >
      <Stack gap="sm">
        <Title order={3} size="h5">
          {category
            ? t('feedback.categories.editOne', { code: category.code })
            : t('feedback.categories.add')}
        </Title>
        <FormErrorAlert error={save.error} />
        <TextInput
          label={t('feedback.categories.code')}
          description={t('feedback.categories.codeHelp')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          disabled={!!category}
          error={err('code')}
          required
        />
        <TextInput
          label={t('feedback.categories.nameVi')}
          value={nameVi}
          onChange={(e) => setNameVi(e.currentTarget.value)}
          error={err('nameVi')}
          required
        />
        <TextInput
          label={t('feedback.categories.nameEn')}
          value={nameEn}
          onChange={(e) => setNameEn(e.currentTarget.value)}
          error={err('nameEn')}
          required
        />
        <Select
          label={t('feedback.fields.unit')}
          data={DEPARTMENTS.map((d) => ({ value: d, label: departmentLabel(t, d) ?? d }))}
          value={unit}
          onChange={(v) => v && setUnit(v)}
          allowDeselect={false}
          error={err('unit')}
        />
        <NumberInput
          label={t('feedback.categories.responseDays')}
          description={t('feedback.categories.responseDaysHelp')}
          value={responseDays}
          onChange={setResponseDays}
          min={1}
          max={60}
          allowDecimal={false}
          error={err('responseDays')}
        />
        <Switch
          label={t('feedback.categories.active')}
          checked={active}
          onChange={(e) => setActive(e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
