import { Card, SimpleGrid, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';
import type { DayCell, DayKind, MonthGrid } from '../lib/working-days';
import classes from './year-grid.module.css';

/** Colours of the day kinds (shared by the grid and the legend). */
export const KIND_CLASS: Record<DayKind, string> = {
  working: classes.working!,
  weekend: classes.weekend!,
  holiday: classes.holiday!,
  official_holiday: classes.officialHoliday!,
  official_day_off: classes.officialDayOff!,
  official_working_day: classes.officialWorkingDay!,
};

/** Monday-first column headers. */
const COLUMNS = [1, 2, 3, 4, 5, 6, 0] as const;

export function Legend() {
  const { t } = useTranslation();
  return (
    <ul className={classes.legend} aria-label={t('calendar.legend.title')}>
      {(Object.keys(KIND_CLASS) as DayKind[]).map((k) => (
        <li key={k}>
          <span className={`${classes.swatch} ${KIND_CLASS[k]}`} aria-hidden />
          {t(`calendar.kind.${k}`)}
        </li>
      ))}
    </ul>
  );
}

/** Twelve month tables; a day is a button for those who may edit the official table. */
export function YearGrid({ months, onPick }: { months: MonthGrid[]; onPick?: (cell: DayCell) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const label = (c: DayCell) =>
    [
      t('calendar.grid.dayLabel', { day: c.day, month: c.date.slice(5, 7), year: c.date.slice(0, 4) }),
      t(`calendar.kind.${c.kind}`),
      c.name ? (language === 'vi' ? c.name.vi : c.name.en) : null,
    ]
      .filter(Boolean)
      .join(' — ');
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3, xl: 4 }} spacing="md">
      {months.map((m) => (
        <Card key={m.month} withBorder padding="sm">
          <Title order={3} size="h5" mb={4} id={`month-${m.month}`}>
            {t('calendar.grid.month', { month: m.month })}
          </Title>
          <table className={classes.table} aria-labelledby={`month-${m.month}`}>
            <thead>
              <tr>
                {COLUMNS.map((w) => (
                  <th key={w} scope="col" abbr={t(`calendar.weekday.long.${w}`)}>
                    {t(`calendar.weekday.short.${w}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {m.weeks.map((week) => (
                <tr key={week.find((c) => c)?.date}>
                  {COLUMNS.map((weekday) => {
                    // Columns run Monday (0) to Sunday (6).
                    const c = week[(weekday + 6) % 7] ?? null;
                    return (
                      <td key={weekday} className={c ? KIND_CLASS[c.kind] : undefined}>
                        {c &&
                          (onPick ? (
                            <Tooltip label={label(c)} openDelay={300} withinPortal>
                              <UnstyledButton
                                className={classes.day}
                                aria-label={label(c)}
                                data-date={c.date}
                                onClick={() => onPick(c)}
                              >
                                {c.day}
                              </UnstyledButton>
                            </Tooltip>
                          ) : (
                            <Text span className={classes.day} title={label(c)} data-date={c.date}>
                              {c.day}
                            </Text>
                          ))}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      ))}
    </SimpleGrid>
  );
}
