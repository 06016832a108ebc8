import { Button, Card, EmptyState, Group, LoadingOverlay, Modal, Select, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconSearch, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { Pager } from '../../../components/pager';
import { QueryError } from '../../../components/query-error';
import { type ManagedUser, ROLES, type Role } from '../../../lib/api-types';
import { hasPermission, PERMISSIONS } from '../../../lib/permissions';
import { useCurrentUser } from '../../auth/current-user';
import { useUsers } from '../api';
import { UserForm } from '../components/user-form';
import { UsersTable } from '../components/users-table';

const PAGE_SIZE = 20;

function isRole(value: string | null): value is Role {
  return !!value && (ROLES as readonly string[]).includes(value);
}

/** /admin/users — accounts of staff, leaders and enterprises. Filters live in the URL (shareable, back button). */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canEdit = hasPermission(me, PERMISSIONS.userWrite);
  const canSeeAudit = hasPermission(me, PERMISSIONS.auditRead);
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;

  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const roleParam = params.get('role');
  const role: Role | '' = isRole(roleParam) ? roleParam : '';
  const page = Math.max(1, Number(params.get('page')) || 1);

  const [search, setSearch] = useState(q);
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const [editing, setEditing] = useState<ManagedUser | 'new' | null>(null);

  const update = (next: Partial<{ q: string; role: string; page: number }>) => {
    setParams(
      (current) => {
        const merged = new URLSearchParams(current);
        for (const [key, value] of Object.entries(next)) {
          if (value === '' || value === undefined || (key === 'page' && value === 1)) merged.delete(key);
          else merged.set(key, String(value));
        }
        return merged;
      },
      { replace: true },
    );
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: only react to the debounced text.
  useEffect(() => {
    if (debouncedSearch !== q) update({ q: debouncedSearch, page: 1 });
  }, [debouncedSearch]);

  // Back/forward or a link changed the URL: show its search text.
  // biome-ignore lint/correctness/useExhaustiveDependencies: react to URL changes only.
  useEffect(() => {
    if (q !== debouncedSearch) setSearch(q);
  }, [q]);

  const users = useUsers({ q, role, page, pageSize: PAGE_SIZE });
  const filtered = q !== '' || role !== '';

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          canEdit && (
            <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => setEditing('new')}>
              {t('users.create')}
            </Button>
          )
        }
      />

      <Group
        component="form"
        role="search"
        aria-label={t('users.filtersLabel')}
        onSubmit={(e) => e.preventDefault()}
        gap="sm"
        mb="md"
        align="flex-end"
        wrap="wrap"
      >
        <TextInput
          label={t('users.searchLabel')}
          placeholder={t('users.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          type="search"
          style={{ flex: '1 1 16rem' }}
        />
        <Select
          label={t('users.roleFilter')}
          data={[
            { value: '', label: t('users.allRoles') },
            ...ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) })),
          ]}
          value={role}
          onChange={(value) => update({ role: value ?? '', page: 1 })}
          allowDeselect={false}
          style={{ flex: '0 1 14rem' }}
        />
      </Group>

      {users.isError && !users.data ? (
        <QueryError error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <Card withBorder radius="md" padding={0} pos="relative">
          <LoadingOverlay visible={users.isFetching && !users.isPending} overlayProps={{ blur: 1 }} />
          {users.isPending ? (
            <LoadingOverlay visible />
          ) : users.data && users.data.items.length > 0 ? (
            <UsersTable
              users={users.data.items}
              canEdit={canEdit}
              canSeeAudit={canSeeAudit}
              onEdit={(user) => setEditing(user)}
            />
          ) : (
            <EmptyState
              py="xl"
              icon={<IconUsers size={26} aria-hidden />}
              withIndicatorBackground
              title={filtered ? t('users.emptyFiltered') : t('users.empty')}
            />
          )}
        </Card>
      )}
      {users.data && (
        <Pager
          page={users.data.page}
          pageSize={users.data.pageSize}
          total={users.data.total}
          onChange={(next) => update({ page: next })}
        />
      )}

      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('users.form.createTitle') : t('users.form.editTitle')}
        size="lg"
        fullScreen={isMobile}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing !== null && (
          <UserForm
            key={editing === 'new' ? 'new' : editing.id}
            user={editing === 'new' ? undefined : editing}
            onDone={() => setEditing(null)}
            onCancel={() => setEditing(null)}
          />
        )}
      </Modal>
    </>
  );
}
