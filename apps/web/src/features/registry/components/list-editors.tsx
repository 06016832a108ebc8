import { INFRASTRUCTURE_KINDS } from '@heza/shared/registry';
import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PathErrors } from '../../../lib/use-path-form';
import type { ContactRow, InfrastructureRow } from '../form-inputs';

export type { ContactRow, InfrastructureRow, InvestorRow } from '../form-inputs';

interface RowsEditorProps<R> {
  legend: string;
  rows: R[];
  onChange: (rows: R[]) => void;
  empty: () => R;
  addLabel: string;
  removeLabel: (index: number) => string;
  renderRow: (row: R, index: number, set: (patch: Partial<R>) => void) => ReactNode;
  error?: string;
}

/** A repeatable group of fields (contacts, infrastructure, investors): one fieldset, rows added and removed. */
export function RowsEditor<R>({
  legend,
  rows,
  onChange,
  empty,
  addLabel,
  removeLabel,
  renderRow,
  error,
}: RowsEditorProps<R>) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={legend} variant="filled" radius="md">
      <Stack gap="sm">
        {rows.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('registry.common.noRows')}
          </Text>
        )}
        {rows.map((row, index) => (
          // Rows have no identity of their own; the index is what the server's messages refer to.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above.
          <Group key={index} align="flex-start" gap="xs" wrap="nowrap">
            <div style={{ flex: 1, minWidth: 0 }}>
              {renderRow(row, index, (patch) =>
                onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r))),
              )}
            </div>
            <ActionIcon
              variant="subtle"
              color="red"
              mt={26}
              aria-label={removeLabel(index)}
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        {error && (
          <Text size="sm" c="red.8" role="alert">
            {error}
          </Text>
        )}
        <div>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => onChange([...rows, empty()])}
          >
            {addLabel}
          </Button>
        </div>
      </Stack>
    </Fieldset>
  );
}

/** The first message at or below a path ("contacts" picks up "contacts.0" too, for list-wide problems). */
function at(errors: PathErrors, path: string): string | undefined {
  return errors[path];
}

export function ContactsEditor({
  rows,
  onChange,
  errors,
  path = 'contacts',
}: {
  rows: ContactRow[];
  onChange: (rows: ContactRow[]) => void;
  errors: PathErrors;
  path?: string;
}) {
  const { t } = useTranslation();
  return (
    <RowsEditor
      legend={t('registry.contacts.title')}
      rows={rows}
      onChange={onChange}
      empty={(): ContactRow => ({ name: '', role: '', phone: '', email: '' })}
      addLabel={t('registry.contacts.add')}
      removeLabel={(i) => t('registry.contacts.remove', { n: i + 1 })}
      error={at(errors, path)}
      renderRow={(row, i, set) => (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <TextInput
            label={t('registry.contacts.name')}
            required
            value={row.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={at(errors, `${path}.${i}.name`)}
          />
          <TextInput
            label={t('registry.contacts.role')}
            value={row.role}
            onChange={(e) => set({ role: e.currentTarget.value })}
            error={at(errors, `${path}.${i}.role`)}
          />
          <TextInput
            label={t('registry.contacts.phone')}
            type="tel"
            value={row.phone}
            onChange={(e) => set({ phone: e.currentTarget.value })}
            error={at(errors, `${path}.${i}.phone`)}
          />
          <TextInput
            label={t('registry.contacts.email')}
            type="email"
            value={row.email}
            onChange={(e) => set({ email: e.currentTarget.value })}
            error={at(errors, `${path}.${i}.email`)}
          />
        </SimpleGrid>
      )}
    />
  );
}

export function InfrastructureEditor({
  rows,
  onChange,
  errors,
}: {
  rows: InfrastructureRow[];
  onChange: (rows: InfrastructureRow[]) => void;
  errors: PathErrors;
}) {
  const { t } = useTranslation();
  return (
    <RowsEditor
      legend={t('registry.infrastructure.title')}
      rows={rows}
      onChange={onChange}
      empty={(): InfrastructureRow => ({ kind: 'port', name: '', distanceKm: '' })}
      addLabel={t('registry.infrastructure.add')}
      removeLabel={(i) => t('registry.infrastructure.remove', { n: i + 1 })}
      error={at(errors, 'infrastructure')}
      renderRow={(row, i, set) => (
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <Select
            label={t('registry.infrastructure.kind')}
            data={INFRASTRUCTURE_KINDS.map((k) => ({
              value: k,
              label: t(`registry.enums.infrastructureKind.${k}`),
            }))}
            value={row.kind}
            onChange={(v) => v && set({ kind: v as InfrastructureRow['kind'] })}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            error={at(errors, `infrastructure.${i}.kind`)}
          />
          <TextInput
            label={t('registry.infrastructure.name')}
            required
            value={row.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={at(errors, `infrastructure.${i}.name`)}
          />
          <TextInput
            label={t('registry.infrastructure.distance')}
            inputMode="decimal"
            value={row.distanceKm}
            onChange={(e) => set({ distanceKm: e.currentTarget.value })}
            error={at(errors, `infrastructure.${i}.distanceKm`)}
          />
        </SimpleGrid>
      )}
    />
  );
}
