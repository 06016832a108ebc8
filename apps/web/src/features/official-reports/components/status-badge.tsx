import type { ReportStatus } from '@heza/shared/official-reports';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<ReportStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  approved: 'teal',
  issued: 'green',
  published: 'violet',
};

/** A report's workflow status, in words and colour. */
export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`officialReports.status.${status}`)}
    </Badge>
  );
}
