import { Badge, NavLink, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useCurrentUser } from '../features/auth/current-user';
import { isActivePath, type NavLinkEntry, visibleNavigation } from './navigation';

function NavItem({ entry }: { entry: NavLinkEntry }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const active = isActivePath(entry.to, pathname);
  const Icon = entry.icon;
  return (
    <li>
      <NavLink
        component={Link}
        to={entry.to}
        label={t(entry.labelKey)}
        leftSection={<Icon size={20} stroke={1.6} aria-hidden />}
        active={active}
        aria-current={active ? 'page' : undefined}
        variant="light"
      />
    </li>
  );
}

function NavGroup({ labelKey, items }: { labelKey: NavLinkEntry['labelKey']; items: NavLinkEntry[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <li>
      <Text id={headingId} size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" pt="md" pb={4}>
        {t(labelKey)}
      </Text>
      <Stack
        component="ul"
        gap={2}
        aria-labelledby={headingId}
        style={{ listStyle: 'none', margin: 0, padding: 0 }}
      >
        {items.map((item) => (
          <NavItem key={item.to} entry={item} />
        ))}
      </Stack>
    </li>
  );
}

/** The module list of the navbar, filtered by the user's permissions. */
export function MainNav() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const entries = visibleNavigation(user);
  return (
    <Stack component="ul" gap={2} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {entries.map((entry) => {
        if (entry.kind === 'link') return <NavItem key={entry.labelKey} entry={entry} />;
        if (entry.kind === 'group')
          return <NavGroup key={entry.labelKey} labelKey={entry.labelKey} items={entry.items} />;
        const Icon = entry.icon;
        return (
          <li key={entry.labelKey}>
            <NavLink
              component="div"
              label={t(entry.labelKey)}
              leftSection={<Icon size={20} stroke={1.6} aria-hidden />}
              rightSection={
                <Badge size="xs" variant="light" color="gray">
                  {t('nav.comingSoon')}
                </Badge>
              }
              aria-disabled="true"
              disabled
              style={{ cursor: 'default' }}
            />
          </li>
        );
      })}
    </Stack>
  );
}
