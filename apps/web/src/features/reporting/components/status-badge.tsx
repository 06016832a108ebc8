import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  none: 'gray',
  draft: 'yellow',
  submitted: 'blue',
  accepted: 'green',
  returned: 'orange',
};

/** The state of a report as a coloured badge ("Chưa nộp", "Nháp", "Đã nộp"…). */
export function ReportStatusBadge({ status }: { status: string | null }) {
  const { t } = useTranslation();
  const s = (status ?? 'none') as 'none' | 'draft' | 'submitted' | 'accepted' | 'returned';
  return (
    <Badge color={COLORS[s] ?? 'gray'} variant="light">
      {t(`reporting.status.${s}`)}
    </Badge>
  );
}

/** On time / late, or nothing before a first submission. */
export function TimelinessBadge({ onTime }: { onTime: boolean | null }) {
  const { t } = useTranslation();
  if (onTime === null) return null;
  return (
    <Badge color={onTime ? 'teal' : 'red'} variant="outline">
      {t(onTime ? 'reporting.common.onTime' : 'reporting.common.late')}
    </Badge>
  );
}
