import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';
import type { ManagedUser } from '../../../lib/api-types';
import { formatMoment } from '../../../lib/format';

export type AccountStatus = 'active' | 'disabled' | 'locked';

export function accountStatus(
  user: Pick<ManagedUser, 'active' | 'lockedUntil'>,
  now = Date.now(),
): AccountStatus {
  if (!user.active) return 'disabled';
  if (user.lockedUntil && new Date(user.lockedUntil).getTime() > now) return 'locked';
  return 'active';
}

const COLORS: Record<AccountStatus, string> = { active: 'green', disabled: 'gray', locked: 'orange' };

export function UserStatusBadge({ user }: { user: ManagedUser }) {
  const { t } = useTranslation();
  const status = accountStatus(user);
  return (
    <Badge
      color={COLORS[status]}
      variant="light"
      tt="none"
      fw={600}
      // Never cut the status short ("Đang h…"): the table scrolls sideways instead.
      styles={{ root: { maxWidth: 'none', flexShrink: 0 }, label: { overflow: 'visible' } }}
    >
      {status === 'locked'
        ? t('users.status.locked', { time: formatMoment(user.lockedUntil, currentLanguage()) })
        : t(`users.status.${status}`)}
    </Badge>
  );
}
