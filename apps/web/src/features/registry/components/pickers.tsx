import {
  Autocomplete,
  type AutocompleteProps,
  MultiSelect,
  type MultiSelectProps,
  Select,
  type SelectProps,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';
import { countryOptions } from '../../../lib/countries';
import { type EnterpriseOption, useEnterpriseOptions, useZoneOptions } from '../api';
import { useVsic } from '../projects-api';

type PickerProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string;
  onChange: (value: string) => void;
};

const common = {
  comboboxProps: { withinPortal: true },
  searchable: true,
} as const;

/** A zone the user may read (staff: their zones and the parks inside them). */
export function ZoneSelect({ value, onChange, ...props }: PickerProps) {
  const { t } = useTranslation();
  const zones = useZoneOptions();
  const data = useMemo(() => (zones.data ?? []).map((z) => ({ value: z.id, label: z.name })), [zones.data]);
  return (
    <Select
      {...common}
      data={data}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      nothingFoundMessage={zones.isPending ? t('app.loading') : t('common.nothingFound')}
      aria-invalid={props.error ? true : undefined}
      {...props}
    />
  );
}

export function ZoneMultiSelect({
  value,
  onChange,
  ...props
}: Omit<MultiSelectProps, 'data' | 'value' | 'onChange'> & {
  value: string[];
  onChange: (v: string[]) => void;
}) {
  const { t } = useTranslation();
  const zones = useZoneOptions();
  const data = useMemo(() => (zones.data ?? []).map((z) => ({ value: z.id, label: z.name })), [zones.data]);
  return (
    <MultiSelect
      {...common}
      data={data}
      value={value}
      onChange={onChange}
      clearable
      hidePickedOptions
      nothingFoundMessage={zones.isPending ? t('app.loading') : t('common.nothingFound')}
      {...props}
    />
  );
}

function enterpriseLabel(e: Pick<EnterpriseOption, 'name' | 'taxCode'>): string {
  return e.taxCode ? `${e.name} — ${e.taxCode}` : e.name;
}

/** An enterprise found by name or tax code (the server searches without diacritics). */
export function EnterpriseSelect({
  value,
  onChange,
  known,
  ...props
}: PickerProps & { known?: EnterpriseOption | null }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, 250);
  const [picked, setPicked] = useState<EnterpriseOption | null>(known ?? null);
  const pickedLabel = picked ? enterpriseLabel(picked) : '';
  const options = useEnterpriseOptions(query === pickedLabel ? '' : query.trim());
  const data = useMemo(() => {
    const items = (options.data ?? []).filter((e) => e.id !== picked?.id);
    if (picked) items.unshift(picked);
    return items.map((e) => ({ value: e.id, label: enterpriseLabel(e) }));
  }, [options.data, picked]);
  return (
    <Select
      {...common}
      clearable
      data={data}
      value={value || null}
      onChange={(next) => {
        onChange(next ?? '');
        const found = options.data?.find((e) => e.id === next);
        if (found) setPicked(found);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      nothingFoundMessage={options.isFetching ? t('app.loading') : t('common.nothingFound')}
      aria-invalid={props.error ? true : undefined}
      {...props}
    />
  );
}

export function CountrySelect({ value, onChange, ...props }: PickerProps) {
  const language = currentLanguage();
  const data = useMemo(() => countryOptions(language), [language]);
  return (
    <Select
      {...common}
      data={data}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      aria-invalid={props.error ? true : undefined}
      {...props}
    />
  );
}

export function CountryMultiSelect({
  value,
  onChange,
  ...props
}: Omit<MultiSelectProps, 'data' | 'value' | 'onChange'> & {
  value: string[];
  onChange: (v: string[]) => void;
}) {
  const language = currentLanguage();
  const data = useMemo(() => countryOptions(language), [language]);
  return (
    <MultiSelect
      {...common}
      data={data}
      value={value}
      onChange={onChange}
      clearable
      hidePickedOptions
      {...props}
    />
  );
}

/** A VSIC 2018 sector: divisions (2 digits) and the classes (4 digits) the registry ships. */
export function VsicSelect({ value, onChange, ...props }: PickerProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const vsic = useVsic();
  const data = useMemo(
    () =>
      (vsic.data ?? [])
        .filter((v) => v.level >= 2)
        .map((v) => ({ value: v.code, label: `${v.code} — ${language === 'vi' ? v.vi : v.en}` })),
    [vsic.data, language],
  );
  return (
    <Select
      {...common}
      data={data}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      nothingFoundMessage={vsic.isPending ? t('app.loading') : t('common.nothingFound')}
      aria-invalid={props.error ? true : undefined}
      limit={200}
      {...props}
    />
  );
}

/**
 * A VSIC code typed or picked from the shipped list. Free text on purpose: the list of 4-digit classes is
 * partial, and the server says when a code is not in VSIC 2018.
 */
export function VsicAutocomplete({
  value,
  onChange,
  ...props
}: Omit<AutocompleteProps, 'data' | 'value' | 'onChange'> & {
  value: string;
  onChange: (v: string) => void;
}) {
  const language = currentLanguage();
  const vsic = useVsic();
  const data = useMemo(
    () =>
      (vsic.data ?? [])
        .filter((v) => v.level >= 2)
        .map((v) => `${v.code} — ${language === 'vi' ? v.vi : v.en}`),
    [vsic.data, language],
  );
  return (
    <Autocomplete
      data={data}
      value={value}
      onChange={onChange}
      limit={50}
      comboboxProps={{ withinPortal: true }}
      aria-invalid={props.error ? true : undefined}
      {...props}
    />
  );
}
