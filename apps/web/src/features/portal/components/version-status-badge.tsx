import type { VersionStatus } from '@heza/shared/portal';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<VersionStatus | 'scheduled', string> = {
  draft: 'gray',
  review: 'orange',
  published: 'green',
  withdrawn: 'red',
  scheduled: 'blue',
};

/** A version's state in words and colour ("Đã lên lịch" for a publication with a future time). */
export function VersionStatusBadge({
  status,
  scheduled = false,
}: {
  status: VersionStatus;
  scheduled?: boolean;
}) {
  const { t } = useTranslation();
  const key = scheduled ? 'scheduled' : status;
  return (
    <Badge color={COLORS[key]} variant="light" radius="sm">
      {t(`portal.statuses.${key}`)}
    </Badge>
  );
}
