import '@mantine/dates/styles.css';
import { DateInput, type DateInputProps, DatesProvider } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';
import { parseDateText } from '../../../lib/format-number';

type DateFieldProps = Omit<DateInputProps, 'value' | 'onChange'> & {
  /** 'YYYY-MM-DD' or '' */
  value: string;
  onChange: (value: string) => void;
};

/**
 * A calendar date typed as dd/mm/yyyy (or picked from the calendar), held as 'YYYY-MM-DD'. The format is said
 * in the description so it is read out with the label.
 */
export function DateField({ value, onChange, description, ...props }: DateFieldProps) {
  const { t } = useTranslation();
  return (
    <DatesProvider settings={{ locale: currentLanguage(), firstDayOfWeek: 1 }}>
      <DateInput
        valueFormat="DD/MM/YYYY"
        dateParser={(text) => parseDateText(text)}
        value={value || null}
        onChange={(next) => onChange(next ?? '')}
        placeholder={t('registry.common.datePlaceholder')}
        description={description ?? t('registry.common.dateHint')}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        leftSection={<IconCalendar size={16} aria-hidden />}
        aria-invalid={props.error ? true : undefined}
        popoverProps={{ withinPortal: true }}
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
        {...props}
      />
    </DatesProvider>
  );
}
