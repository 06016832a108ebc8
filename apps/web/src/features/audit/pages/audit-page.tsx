import '@mantine/dates/styles.css';
import {
  Autocomplete,
  Button,
  Card,
  EmptyState,
  Group,
  LoadingOverlay,
  SimpleGrid,
  TextInput,
} from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCalendar, IconFilterOff, IconHistory } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { Pager } from '../../../components/pager';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { hasPermission, PERMISSIONS } from '../../../lib/permissions';
import { useCurrentUser } from '../../auth/current-user';
import { type AuditFilters, useAuditEntries } from '../api';
import { ActorSelect } from '../components/actor-select';
import { AuditTable } from '../components/audit-table';
import { KNOWN_ENTITY_TYPES } from '../entity-types';

const PAGE_SIZE = 25;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
type FilterKey = 'entityType' | 'entityId' | 'actorId' | 'action' | 'from' | 'to' | 'page';

/** /admin/audit — who changed what and when, with before/after of every change. Filters live in the URL. */
export function AuditPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const language = currentLanguage();
  const [params, setParams] = useSearchParams();

  const read = (key: FilterKey) => params.get(key) ?? '';
  const entityType = read('entityType');
  const entityId = read('entityId');
  const actorId = read('actorId');
  const action = read('action');
  const from = DATE.test(read('from')) ? read('from') : '';
  const to = DATE.test(read('to')) ? read('to') : '';
  const page = Math.max(1, Number(read('page')) || 1);

  const update = (next: Partial<Record<FilterKey, string | number>>) => {
    setParams(
      (current) => {
        const merged = new URLSearchParams(current);
        for (const [key, value] of Object.entries(next)) {
          if (value === '' || value === undefined || (key === 'page' && value === 1)) merged.delete(key);
          else merged.set(key, String(value));
        }
        if (!('page' in next)) merged.delete('page');
        return merged;
      },
      { replace: true },
    );
  };

  // Free-text filters are applied shortly after typing stops.
  const [typeText, setTypeText] = useState(entityType);
  const [idText, setIdText] = useState(entityId);
  const [actionText, setActionText] = useState(action);
  const [debouncedType] = useDebouncedValue(typeText.trim(), 350);
  const [debouncedId] = useDebouncedValue(idText.trim(), 350);
  const [debouncedAction] = useDebouncedValue(actionText.trim(), 350);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only react to the debounced text.
  useEffect(() => {
    if (debouncedType !== entityType || debouncedId !== entityId || debouncedAction !== action) {
      update({ entityType: debouncedType, entityId: debouncedId, action: debouncedAction });
    }
  }, [debouncedType, debouncedId, debouncedAction]);
  // Keep the inputs in step when the URL changes from outside (link from the users page, back button).
  // biome-ignore lint/correctness/useExhaustiveDependencies: react to URL changes only.
  useEffect(() => {
    if (entityType !== debouncedType) setTypeText(entityType);
  }, [entityType]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: react to URL changes only.
  useEffect(() => {
    if (entityId !== debouncedId) setIdText(entityId);
  }, [entityId]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: react to URL changes only.
  useEffect(() => {
    if (action !== debouncedAction) setActionText(action);
  }, [action]);

  // A range being picked (first day chosen) lives here until it is complete.
  const [range, setRange] = useState<[string | null, string | null]>([from || null, to || null]);
  useEffect(() => setRange([from || null, to || null]), [from, to]);

  const filters: AuditFilters = {
    entityType,
    entityId,
    actorId,
    action,
    from,
    to,
    page,
    pageSize: PAGE_SIZE,
  };
  const entries = useAuditEntries(filters);
  const anyFilter = !!(entityType || entityId || actorId || action || from || to);

  const knownActor = useMemo(() => {
    const actor = entries.data?.items.find((e) => e.actor?.id === actorId)?.actor;
    return actor ? { id: actor.id, name: actor.name } : undefined;
  }, [entries.data, actorId]);

  const clearAll = () => {
    setTypeText('');
    setIdText('');
    setActionText('');
    setRange([null, null]);
    setParams(new URLSearchParams(), { replace: true });
  };

  return (
    <DatesProvider settings={{ locale: language, firstDayOfWeek: 1 }}>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />

      <Card
        withBorder
        radius="md"
        padding="md"
        mb="md"
        component="form"
        role="search"
        aria-label={t('audit.filters.label')}
        onSubmit={(e) => e.preventDefault()}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <Autocomplete
            label={t('audit.filters.entityType')}
            placeholder={t('audit.filters.entityTypePlaceholder')}
            data={[...KNOWN_ENTITY_TYPES]}
            value={typeText}
            onChange={setTypeText}
            clearable
          />
          <TextInput
            label={t('audit.filters.entityId')}
            value={idText}
            onChange={(e) => setIdText(e.currentTarget.value)}
          />
          <TextInput
            label={t('audit.filters.action')}
            placeholder={t('audit.filters.actionPlaceholder')}
            value={actionText}
            onChange={(e) => setActionText(e.currentTarget.value)}
          />
          <ActorSelect
            value={actorId}
            onChange={(id) => update({ actorId: id })}
            knownActor={knownActor}
            canSearchUsers={hasPermission(me, PERMISSIONS.userRead)}
          />
          <DatePickerInput
            type="range"
            label={t('audit.filters.dateRange')}
            placeholder={t('audit.filters.datePlaceholder')}
            valueFormat="DD/MM/YYYY"
            value={range}
            onChange={([start, end]) => {
              setRange([start, end]);
              // Apply once the range is complete, or when it is cleared.
              if ((start && end) || (!start && !end)) update({ from: start ?? '', to: end ?? '' });
            }}
            clearable
            allowSingleDateInRange
            leftSection={<IconCalendar size={16} aria-hidden />}
            maxDate={new Date()}
            ariaLabels={{
              previousMonth: t('dates.previousMonth'),
              nextMonth: t('dates.nextMonth'),
              previousYear: t('dates.previousYear'),
              nextYear: t('dates.nextYear'),
              previousDecade: t('dates.previousDecade'),
              nextDecade: t('dates.nextDecade'),
              monthLevelControl: t('dates.monthLevel'),
              yearLevelControl: t('dates.yearLevel'),
            }}
          />
        </SimpleGrid>
        {anyFilter && (
          <Group justify="flex-end" mt="sm">
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconFilterOff size={16} aria-hidden />}
              onClick={clearAll}
            >
              {t('audit.filters.clear')}
            </Button>
          </Group>
        )}
      </Card>

      {entries.isError && !entries.data ? (
        <QueryError error={entries.error} onRetry={() => void entries.refetch()} />
      ) : (
        <Card withBorder radius="md" padding={0} pos="relative" mih={120}>
          <LoadingOverlay visible={entries.isFetching} overlayProps={{ blur: 1 }} />
          {entries.data && entries.data.items.length > 0 ? (
            <AuditTable entries={entries.data.items} />
          ) : entries.data ? (
            <EmptyState
              py="xl"
              icon={<IconHistory size={26} aria-hidden />}
              withIndicatorBackground
              title={anyFilter ? t('audit.emptyFiltered') : t('audit.empty')}
            />
          ) : null}
        </Card>
      )}
      {entries.data && (
        <Pager
          page={entries.data.page}
          pageSize={entries.data.pageSize}
          total={entries.data.total}
          onChange={(next) => update({ page: next })}
        />
      )}
    </DatesProvider>
  );
}
