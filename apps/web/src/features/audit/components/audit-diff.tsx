import { Badge, Code, Group, Stack, Switch, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../api';
import { type DiffStatus, diffSnapshots, formatLeaf } from '../json-diff';

const STATUS_COLOR: Record<DiffStatus, string> = {
  added: 'green',
  removed: 'red',
  changed: 'yellow',
  unchanged: 'gray',
};

const ROW_BG: Record<DiffStatus, string | undefined> = {
  added: 'var(--mantine-color-green-light)',
  removed: 'var(--mantine-color-red-light)',
  changed: 'var(--mantine-color-yellow-light)',
  unchanged: undefined,
};

function Value({ value, present }: { value: unknown; present: boolean }) {
  if (!present) return <Text c="dimmed">—</Text>;
  return (
    <Code
      block={false}
      style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', background: 'transparent' }}
    >
      {formatLeaf(value)}
    </Code>
  );
}

/** The fields an audited change touched: before, after, and what happened to each (in words, not colour only). */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const [showUnchanged, setShowUnchanged] = useState(false);
  const rows = diffSnapshots(entry.before, entry.after);
  const visible = showUnchanged ? rows : rows.filter((r) => r.status !== 'unchanged');
  const unchangedCount = rows.length - rows.filter((r) => r.status !== 'unchanged').length;

  return (
    <Stack gap="sm" py="xs">
      <Group gap="lg" wrap="wrap">
        {entry.requestId && (
          <Text size="xs">
            {t('audit.diff.requestId')}: <Code>{entry.requestId}</Code>
          </Text>
        )}
        {entry.ip && (
          <Text size="xs">
            {t('audit.columns.ip')}: <Code>{entry.ip}</Code>
          </Text>
        )}
        {unchangedCount > 0 && (
          <Switch
            size="xs"
            label={t('audit.diff.showUnchanged', { count: unchangedCount })}
            checked={showUnchanged}
            onChange={(e) => setShowUnchanged(e.currentTarget.checked)}
          />
        )}
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('audit.diff.noData')}
        </Text>
      ) : visible.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('audit.diff.noChanges')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table withTableBorder withColumnBorders verticalSpacing={6} fz="sm">
            <VisuallyHidden component="caption">{t('audit.diff.caption')}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w="25%">
                  {t('audit.diff.field')}
                </Table.Th>
                <Table.Th scope="col" w={110}>
                  {t('audit.diff.status')}
                </Table.Th>
                <Table.Th scope="col">{t('audit.diff.before')}</Table.Th>
                <Table.Th scope="col">{t('audit.diff.after')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visible.map((row) => (
                <Table.Tr key={row.path} style={{ background: ROW_BG[row.status] }}>
                  <Table.Th scope="row" fw={500}>
                    <Code style={{ background: 'transparent' }}>{row.path || '(value)'}</Code>
                  </Table.Th>
                  <Table.Td>
                    <Badge size="sm" variant="outline" color={STATUS_COLOR[row.status]} tt="none">
                      {t(`audit.diff.${row.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Value value={row.before} present={row.status !== 'added'} />
                  </Table.Td>
                  <Table.Td>
                    <Value value={row.after} present={row.status !== 'removed'} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
