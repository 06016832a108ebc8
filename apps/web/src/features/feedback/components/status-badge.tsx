import type { FeedbackStatus } from '@heza/shared/feedback';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<FeedbackStatus, string> = {
  received: 'blue',
  in_progress: 'yellow',
  answered: 'green',
  closed: 'gray',
};

export function FeedbackStatusBadge({ status }: { status: FeedbackStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`feedback.status.${status}`)}
    </Badge>
  );
}

/** "Còn 3 ngày làm việc" / "Quá hạn 2 ngày làm việc" / "Đến hạn hôm nay". */
export function DaysLeftText({ days }: { days: number | null | undefined }) {
  const { t } = useTranslation();
  if (days === undefined || days === null) return null;
  if (days === 0) return <>{t('feedback.daysLeft.today')}</>;
  return (
    <>
      {days > 0
        ? t('feedback.daysLeft.left', { count: days })
        : t('feedback.daysLeft.overdue', { count: -days })}
    </>
  );
}
