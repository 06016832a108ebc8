import { Button, Group } from '@mantine/core';
import { IconChartBar, IconList, IconMap } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

const LINKS = [
  { to: '/registry/zones', key: 'list', icon: IconList },
  { to: '/registry/zones/map', key: 'map', icon: IconMap },
  { to: '/registry/zones/summary', key: 'summary', icon: IconChartBar },
] as const;

/** The three views of the zones: list, map, figures as of a date. */
export function ZonesSubnav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Group component="nav" aria-label={t('registry.subnav.label')} gap="xs" mb="md" wrap="wrap">
      {LINKS.map(({ to, key, icon: Icon }) => {
        const current = pathname === to;
        return (
          <Button
            key={key}
            component={Link}
            to={to}
            size="xs"
            variant={current ? 'filled' : 'default'}
            aria-current={current ? 'page' : undefined}
            leftSection={<Icon size={16} aria-hidden />}
          >
            {t(`registry.subnav.${key}`)}
          </Button>
        );
      })}
    </Group>
  );
}
