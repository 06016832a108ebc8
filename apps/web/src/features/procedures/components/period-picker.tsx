import {
  nextPeriod,
  type PeriodType,
  periodId,
  periodOf,
  previousPeriod,
  tryParsePeriod,
} from '@heza/shared/periods';
import { ActionIcon, Button, Group, TextInput } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../lib/format-number';

const QUICK: { type: PeriodType; key: 'month' | 'quarter' | 'year' }[] = [
  { type: 'month', key: 'month' },
  { type: 'quarter', key: 'quarter' },
  { type: 'year', key: 'year' },
];

/** A period id typed in ('2026Q3', '2026M11', '2026', '2026YTD11'), with previous/next and quick picks. */
export function PeriodPicker({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const period = tryParsePeriod(value);
  const apply = () => onChange(text.trim().toUpperCase());
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <TextInput
        label={t('procedures.period.label')}
        description={t('procedures.period.help')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            apply();
          }
        }}
        error={!period ? t('procedures.period.invalid') : undefined}
        w={240}
        leftSectionPointerEvents="all"
        rightSectionPointerEvents="all"
        leftSection={
          <ActionIcon
            variant="subtle"
            disabled={!period}
            onClick={() => period && onChange(periodId(previousPeriod(period)))}
            aria-label={t('procedures.period.previous')}
          >
            <IconChevronLeft size={16} aria-hidden />
          </ActionIcon>
        }
        rightSection={
          <ActionIcon
            variant="subtle"
            disabled={!period}
            onClick={() => period && onChange(periodId(nextPeriod(period)))}
            aria-label={t('procedures.period.next')}
          >
            <IconChevronRight size={16} aria-hidden />
          </ActionIcon>
        }
      />
      {QUICK.map((q) => (
        <Button
          key={q.key}
          variant="subtle"
          size="sm"
          onClick={() => onChange(periodId(periodOf(q.type, todayIso())))}
        >
          {t(`procedures.period.this.${q.key}`)}
        </Button>
      ))}
    </Group>
  );
}

/** The default period of the statistics pages: this quarter. */
export function defaultPeriod(): string {
  return periodId(periodOf('quarter', todayIso()));
}
