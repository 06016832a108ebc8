import { ActionIcon, Code, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import type { AuditEntry } from '../api';
import { isKnownEntityType } from '../entity-types';
import { AuditDiff } from './audit-diff';

const COLUMN_COUNT = 6;

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());

  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" highlightOnHover>
        <VisuallyHidden component="caption">{t('audit.tableCaption')}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={48}>
              <VisuallyHidden>{t('audit.columns.details')}</VisuallyHidden>
            </Table.Th>
            <Table.Th scope="col">{t('audit.columns.at')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.actor')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.entity')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.ip')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => {
            const open = expanded.has(entry.id);
            const detailId = `audit-detail-${entry.id}`;
            const typeLabel = isKnownEntityType(entry.entityType)
              ? t(`audit.entityTypes.${entry.entityType}`)
              : entry.entityType;
            return (
              <Fragment key={entry.id}>
                <Table.Tr>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      onClick={() => toggle(entry.id)}
                      aria-expanded={open}
                      aria-controls={open ? detailId : undefined}
                      aria-label={open ? t('audit.hideDetails') : t('audit.showDetails')}
                    >
                      {open ? (
                        <IconChevronDown size={18} aria-hidden />
                      ) : (
                        <IconChevronRight size={18} aria-hidden />
                      )}
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
                  <Table.Td>
                    {entry.actor?.name ?? (
                      <Text size="sm" c="dimmed">
                        {entry.actorLabel ?? t('audit.system')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Code>{entry.action}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{typeLabel}</Text>
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {entry.entityId ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {entry.ip ?? '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
                {open && (
                  <Table.Tr id={detailId}>
                    <Table.Td colSpan={COLUMN_COUNT} bg="var(--mantine-color-gray-0)">
                      <AuditDiff entry={entry} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
