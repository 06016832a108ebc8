import { ActionIcon, Group, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconHistory, IconPencil } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ManagedUser } from '../../../lib/api-types';
import { formatDateTime } from '../../../lib/format';
import { departmentLabel } from '../../../lib/labels';
import { UserStatusBadge } from './user-status-badge';

interface UsersTableProps {
  users: ManagedUser[];
  canEdit: boolean;
  canSeeAudit: boolean;
  onEdit: (user: ManagedUser) => void;
}

function unitOf(user: ManagedUser, t: TFunction): string | null {
  if (user.role === 'enterprise') return user.enterprise?.name ?? null;
  return departmentLabel(t, user.department);
}

export function UsersTable({ users, canEdit, canSeeAudit, onEdit }: UsersTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <VisuallyHidden component="caption">{t('users.tableCaption')}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" miw={200}>
              {t('users.columns.name')}
            </Table.Th>
            <Table.Th scope="col">{t('users.columns.role')}</Table.Th>
            <Table.Th scope="col">{t('users.columns.unit')}</Table.Th>
            <Table.Th scope="col">{t('users.columns.status')}</Table.Th>
            <Table.Th scope="col">{t('users.columns.lastLogin')}</Table.Th>
            {(canEdit || canSeeAudit) && (
              <Table.Th scope="col">
                <VisuallyHidden>{t('users.columns.actions')}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm" fw={600}>
                    {user.fullName}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {user.email}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`roles.${user.role}`)}</Table.Td>
              <Table.Td>
                <Text size="sm">{unitOf(user, t) ?? '—'}</Text>
                {user.role === 'staff' && user.zoneScope === 'listed' && (
                  <Text size="xs" c="dimmed">
                    {user.zones.map((z) => z.name).join(', ')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <UserStatusBadge user={user} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('users.neverLoggedIn')}
                </Text>
              </Table.Td>
              {(canEdit || canSeeAudit) && (
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    {canSeeAudit && (
                      <Tooltip label={t('users.viewAudit', { name: user.fullName })} withArrow>
                        <ActionIcon
                          component={Link}
                          to={`/admin/audit?entityType=user&entityId=${encodeURIComponent(user.id)}`}
                          variant="subtle"
                          color="gray"
                          aria-label={t('users.viewAudit', { name: user.fullName })}
                        >
                          <IconHistory size={18} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    )}
                    {canEdit && (
                      <Tooltip label={t('users.edit', { name: user.fullName })} withArrow>
                        <ActionIcon
                          variant="subtle"
                          onClick={() => onEdit(user)}
                          aria-label={t('users.edit', { name: user.fullName })}
                        >
                          <IconPencil size={18} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
