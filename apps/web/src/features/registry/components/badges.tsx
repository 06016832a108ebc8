import type { EnterpriseStatus, ZoneStatus } from '@heza/shared/registry';
import { Badge, type BadgeProps, Box } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectStatus } from '../projects-api';
import { ZONE_STATUS_COLORS } from '../zone-colors';

/**
 * A status in words on a light tint of its colour, with a dot of the full colour. The words stay dark grey:
 * Mantine's coloured "light" text (yellow, cyan, orange) is below the AA contrast ratio on its tint.
 */
function StatusBadge({
  color,
  hex,
  children,
  ...props
}: { color: string; hex?: string; children: ReactNode } & BadgeProps) {
  return (
    <Badge
      variant="light"
      color={color}
      c="dark.8"
      tt="none"
      fw={600}
      // The whole status is always shown: no ellipsis, and the table column grows to fit it.
      styles={{
        root: { maxWidth: 'none', overflow: 'visible' },
        label: { overflow: 'visible', textOverflow: 'clip' },
      }}
      leftSection={
        <Box
          component="span"
          aria-hidden
          w={8}
          h={8}
          style={{
            borderRadius: '50%',
            background: hex ?? `var(--mantine-color-${color}-7)`,
            display: 'inline-block',
          }}
        />
      }
      {...props}
    >
      {children}
    </Badge>
  );
}

/** A zone's lifecycle status in words, with its colour (the same as on the map). */
export function ZoneStatusBadge({ status, ...props }: { status: ZoneStatus | null } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <StatusBadge
      color={status ? ZONE_STATUS_COLORS[status].mantine : 'gray'}
      hex={status ? ZONE_STATUS_COLORS[status].hex : undefined}
      {...props}
    >
      {status ? t(`registry.enums.zoneStatus.${status}`) : t('registry.enums.zoneStatusNone')}
    </StatusBadge>
  );
}

const PROJECT_COLORS: Record<ProjectStatus, string> = {
  draft: 'gray',
  active: 'green',
  terminated: 'red',
  transferred_out: 'orange',
};

export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  const { t } = useTranslation();
  return (
    <StatusBadge color={PROJECT_COLORS[status]}>{t(`registry.enums.projectStatus.${status}`)}</StatusBadge>
  );
}

const ENTERPRISE_COLORS: Record<EnterpriseStatus, string> = {
  active: 'green',
  suspended: 'orange',
  dissolved: 'gray',
};

export function EnterpriseStatusBadge({ status }: { status: EnterpriseStatus }) {
  const { t } = useTranslation();
  return (
    <StatusBadge color={ENTERPRISE_COLORS[status]}>
      {t(`registry.enums.enterpriseStatus.${status}`)}
    </StatusBadge>
  );
}

/** Marks synthetic demo records ("Dữ liệu minh họa"). */
export function DemoBadge() {
  const { t } = useTranslation();
  return (
    <Badge
      variant="outline"
      color="gray"
      c="gray.8"
      size="sm"
      tt="none"
      title={t('registry.common.demoHint')}
    >
      {t('registry.common.demo')}
    </Badge>
  );
}
