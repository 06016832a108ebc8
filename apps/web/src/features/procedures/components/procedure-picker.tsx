import type { ProcedureSummary } from '@heza/shared/procedures';
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';
import { useCatalogue } from '../api';

/** A searchable choice of a procedure in force (optionally only those that can be filed online). */
export function ProcedurePicker({
  value,
  onChange,
  onlineOnly,
  error,
}: {
  value: string | null;
  onChange: (code: string | null) => void;
  onlineOnly?: boolean;
  error?: string;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const catalogue = useCatalogue();
  const usable = (p: ProcedureSummary) => !onlineOnly || p.onlineLevel !== 'none';
  return (
    <Select
      label={t('procedures.fields.procedure')}
      placeholder={t('procedures.pickProcedure')}
      data={(catalogue.data ?? []).filter(usable).map((p) => ({
        value: p.code,
        label: `${p.code} — ${language === 'vi' ? p.name.vi : p.name.en}`,
      }))}
      value={value}
      onChange={onChange}
      searchable
      required
      error={error}
      nothingFoundMessage={t('procedures.catalogue.empty')}
      disabled={catalogue.isPending}
    />
  );
}
