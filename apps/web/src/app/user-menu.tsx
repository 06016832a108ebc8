import { Avatar, Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLogout } from '../features/auth/api';
import { useCurrentUser } from '../features/auth/current-user';

export function initialsOf(fullName: string): string {
  // Only words that start with a letter: "Quản trị viên (demo)" → "QV", not "Q(".
  const words = fullName
    .trim()
    .split(/\s+/)
    .filter((w) => /^\p{L}/u.test(w));
  if (words.length === 0) return '?';
  // Vietnamese names put the given name last: "Nguyễn Văn An" → "NA".
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return `${first}${last}`.toUpperCase();
}

/** Name, role, account page and sign-out, top right of every signed-in page. */
export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const logout = useLogout();
  const role = t(`roles.${user.role}`);

  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={t('userMenu.button', { name: user.fullName, role })} p={4}>
          <Group gap="xs" wrap="nowrap">
            <Avatar radius="xl" size={34} color="blue" aria-hidden>
              {initialsOf(user.fullName)}
            </Avatar>
            <Stack gap={0} visibleFrom="sm" maw={180}>
              <Text size="sm" fw={600} truncate="end">
                {user.fullName}
              </Text>
              <Text size="xs" c="dimmed" truncate="end">
                {role}
              </Text>
            </Stack>
            <IconChevronDown size={16} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)">
            {user.fullName}
          </Text>
          <Text size="xs">{user.email}</Text>
          <Text size="xs">{role}</Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={Link} to="/account" leftSection={<IconUserCircle size={18} aria-hidden />}>
          {t('userMenu.account')}
        </Menu.Item>
        <Menu.Item
          color="red"
          leftSection={<IconLogout size={18} aria-hidden />}
          disabled={logout.isPending}
          onClick={() => logout.mutate()}
        >
          {t('userMenu.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
