import type { DossierStatus } from '@heza/shared/procedures';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<DossierStatus, string> = {
  submitted: 'blue',
  intake_supplement: 'orange',
  rejected: 'red',
  received: 'cyan',
  processing: 'yellow',
  appraisal_supplement: 'orange',
  result_ready: 'teal',
  returned: 'green',
  stopped: 'red',
  withdrawn: 'gray',
  archived: 'gray',
};

export function DossierStatusBadge({ status }: { status: DossierStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant="light"
      data-testid="dossier-status"
      // The whole status is read: never cut to an ellipsis in narrow table cells.
      styles={{
        root: { overflow: 'visible', maxWidth: 'none' },
        label: { overflow: 'visible', textOverflow: 'clip' },
      }}
    >
      {t(`procedures.status.${status}`)}
    </Badge>
  );
}

export function OnlineLevelBadge({ level }: { level: 'full' | 'partial' | 'none' }) {
  const { t } = useTranslation();
  return (
    <Badge color={level === 'full' ? 'green' : level === 'partial' ? 'blue' : 'gray'} variant="outline">
      {t(`procedures.onlineLevel.${level}`)}
    </Badge>
  );
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="filled" size="sm">
      {t('procedures.overdue')}
    </Badge>
  );
}

/** "Còn 3 ngày làm việc" / "Quá hạn 2 ngày làm việc" / "Đến hạn hôm nay". */
export function DaysLeftText({ days }: { days: number | null | undefined }) {
  const { t } = useTranslation();
  if (days === undefined || days === null) return null;
  if (days === 0) return <>{t('procedures.daysLeft.today')}</>;
  return (
    <>
      {days > 0
        ? t('procedures.daysLeft.left', { count: days })
        : t('procedures.daysLeft.overdue', { count: -days })}
    </>
  );
}
