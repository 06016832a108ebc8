import { Badge, Group, SimpleGrid, Text } from '@mantine/core';
import {
  IconBuildingFactory2,
  IconBuildingSkyscraper,
  IconCoin,
  IconHeartbeat,
  IconReportAnalytics,
  IconStack2,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header';
import { currentLanguage } from '../../../i18n';
import { formatLongDate } from '../../../lib/format';
import { hasPermission, PERMISSIONS } from '../../../lib/permissions';
import { useCurrentUser } from '../../auth/current-user';
import { useHealth } from '../api';
import { DashboardCard } from '../components/dashboard-card';

const ICON = { size: 22, stroke: 1.6, 'aria-hidden': true } as const;

function HealthCard() {
  const { t } = useTranslation();
  const health = useHealth(true);
  const status = health.isError ? 'unknown' : health.data?.status;
  const color = status === 'ok' ? 'green' : status === 'degraded' ? 'orange' : 'gray';
  return (
    <DashboardCard title={t('dashboard.health.title')} icon={<IconHeartbeat {...ICON} />} emptyText="">
      <Group gap="sm" aria-live="polite">
        <Badge color={color} variant="light" size="lg" tt="none">
          {status ? t(`dashboard.health.${status}`) : t('app.loading')}
        </Badge>
      </Group>
    </DashboardCard>
  );
}

/** "/" — greeting and one tile per module; tiles stay empty until their module produces real data. */
export function DashboardPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const language = currentLanguage();
  const isEnterprise = user.role === 'enterprise';

  return (
    <>
      <PageHeader title={t('nav.dashboard')} />
      <Text size="lg" fw={600}>
        {t('dashboard.greeting', { name: user.fullName })}
      </Text>
      <Text c="dimmed" mb="lg">
        {t('dashboard.today', { date: formatLongDate(new Date(), language) })} {t('dashboard.intro')}
      </Text>

      <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }} spacing="md">
        {isEnterprise ? (
          <>
            <DashboardCard
              title={t('dashboard.enterprise.title')}
              icon={<IconBuildingSkyscraper {...ICON} />}
              emptyText={user.enterprise?.name ?? t('dashboard.enterprise.none')}
            />
            <DashboardCard
              title={t('dashboard.enterprise.reports')}
              icon={<IconReportAnalytics {...ICON} />}
              emptyText={t('dashboard.enterprise.reportsEmpty')}
            />
            <DashboardCard
              title={t('dashboard.enterprise.dossiers')}
              icon={<IconStack2 {...ICON} />}
              emptyText={t('dashboard.enterprise.dossiersEmpty')}
            />
          </>
        ) : (
          <>
            <DashboardCard
              title={t('dashboard.zones.title')}
              icon={<IconBuildingFactory2 {...ICON} />}
              emptyText={t('dashboard.zones.empty')}
              link={
                hasPermission(user, PERMISSIONS.zoneRead)
                  ? { to: '/registry/zones', label: t('dashboard.zones.link') }
                  : undefined
              }
            />
            <DashboardCard
              title={t('dashboard.investment.title')}
              icon={<IconCoin {...ICON} />}
              emptyText={t('dashboard.investment.empty')}
            />
            <DashboardCard
              title={t('dashboard.reporting.title')}
              icon={<IconReportAnalytics {...ICON} />}
              emptyText={t('dashboard.reporting.empty')}
            />
            <DashboardCard
              title={t('dashboard.procedures.title')}
              icon={<IconStack2 {...ICON} />}
              emptyText={t('dashboard.procedures.empty')}
            />
            {user.role === 'admin' && <HealthCard />}
          </>
        )}
      </SimpleGrid>
    </>
  );
}
