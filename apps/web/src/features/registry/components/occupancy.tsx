import { Progress, Stack, Text } from '@mantine/core';
import { currentLanguage } from '../../../i18n';
import { formatPercent } from '../../../lib/format-number';

/** Occupancy as a number ("91,3%") with a small bar beside it (the bar is decoration: the number says it). */
export function OccupancyCell({ pct }: { pct: number | null | undefined }) {
  const language = currentLanguage();
  if (pct === null || pct === undefined) return <Text size="sm">—</Text>;
  return (
    <Stack gap={4} align="flex-end">
      <Text size="sm">{formatPercent(pct, language)}</Text>
      <Progress value={Math.min(100, pct)} size="sm" w={72} aria-hidden color="blue.8" />
    </Stack>
  );
}
