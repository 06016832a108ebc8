import { Anchor, AppShell, Burger, Group, ScrollArea, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { type KeyboardEvent, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { FullPageLoader } from '../components/full-page-loader';
import { LanguageSwitch } from '../components/language-switch';
import { LogoMark } from '../components/logo-mark';
import { MainNav } from './main-nav';
import { UserMenu } from './user-menu';

const NAVBAR_ID = 'app-navbar';

/** The signed-in frame: header, module navbar (a drawer behind the burger on phones), main area. */
export function AppLayout() {
  const { t } = useTranslation();
  const [navOpened, nav] = useDisclosure(false);
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const { pathname } = useLocation();
  const burgerRef = useRef<HTMLButtonElement>(null);

  // Close the phone drawer once the user has picked a page.
  const [navPath, setNavPath] = useState(pathname);
  if (navPath !== pathname) {
    setNavPath(pathname);
    nav.close();
  }

  const onNavKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && isMobile && navOpened) {
      nav.close();
      burgerRef.current?.focus();
    }
  };

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 280, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header>
        <Group h="100%" px={{ base: 'sm', sm: 'md' }} justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              ref={burgerRef}
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? t('nav.close') : t('nav.open')}
              aria-expanded={navOpened}
              aria-controls={NAVBAR_ID}
            />
            <Anchor component={Link} to="/" underline="never" c="inherit" aria-label={t('app.homeLink')}>
              <Group gap={10} wrap="nowrap">
                <LogoMark />
                <Text fw={750} size="lg" lh={1}>
                  {t('app.name')}
                </Text>
                <Text size="sm" c="dimmed" visibleFrom="md" truncate="end">
                  {t('app.authority')}
                </Text>
              </Group>
            </Anchor>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar
        id={NAVBAR_ID}
        aria-label={t('nav.label')}
        p="sm"
        onKeyDown={onNavKeyDown}
        // Off-screen on phones while closed: keep its links out of the tab order too.
        inert={isMobile && !navOpened}
      >
        <AppShell.Section grow component={ScrollArea} type="auto">
          <MainNav />
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main-content" tabIndex={-1}>
        <Suspense fallback={<FullPageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
