import { Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Option } from '../../../lib/api-types';
import { useUsers } from '../../users/api';

interface ActorSelectProps {
  value: string;
  onChange: (actorId: string) => void;
  /** Name of the current value when already known (from the listed entries). */
  knownActor?: Option;
  /** Without permission to list users, fall back to typing an id. */
  canSearchUsers: boolean;
}

/** "Người thực hiện" filter: a user picker searching /api/users by name or e-mail. */
export function ActorSelect({ value, onChange, knownActor, canSearchUsers }: ActorSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 250);
  const [picked, setPicked] = useState<Option | undefined>(knownActor);
  const current = picked?.id === value ? picked : knownActor?.id === value ? knownActor : undefined;
  const users = useUsers({
    q: current && query === current.name ? '' : query,
    role: '',
    page: 1,
    pageSize: 20,
  });

  const data = useMemo(() => {
    const items: Option[] = (users.data?.items ?? []).map((u) => ({ id: u.id, name: u.fullName }));
    if (value && !items.some((i) => i.id === value)) items.unshift(current ?? { id: value, name: value });
    return items.map((i) => ({ value: i.id, label: i.name }));
  }, [users.data, value, current]);

  if (!canSearchUsers) {
    return (
      <TextInput
        label={t('audit.filters.actor')}
        placeholder={t('audit.filters.actorIdPlaceholder')}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value.trim())}
      />
    );
  }

  return (
    <Select
      label={t('audit.filters.actor')}
      placeholder={t('audit.filters.actorPlaceholder')}
      searchable
      clearable
      data={data}
      value={value || null}
      onChange={(id) => {
        const user = users.data?.items.find((u) => u.id === id);
        if (user) setPicked({ id: user.id, name: user.fullName });
        onChange(id ?? '');
      }}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={users.isFetching ? t('app.loading') : t('common.nothingFound')}
    />
  );
}
