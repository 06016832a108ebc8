import { Card, EmptyState, List, Stack, Text } from '@mantine/core';
import { IconBriefcase, IconBuildingFactory2, IconBuildingSkyscraper, IconTools } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header';

export type RegistrySection = 'zones' | 'enterprises' | 'projects';

const ICONS = { zones: IconBuildingFactory2, enterprises: IconBuildingSkyscraper, projects: IconBriefcase };

/** /registry/* — "đang xây dựng" until the registry module ships; says what the page will hold. */
export function RegistryPlaceholderPage({ section }: { section: RegistrySection }) {
  const { t } = useTranslation();
  const Icon = ICONS[section];
  const planned = t(`registry.${section}.planned`, { returnObjects: true }) as unknown;
  const items = Array.isArray(planned) ? planned.filter((p): p is string => typeof p === 'string') : [];
  return (
    <Stack gap="md" maw={760} key={section}>
      <PageHeader title={t(`nav.${section}`)} icon={<Icon size={28} stroke={1.6} aria-hidden />} />
      <Card withBorder radius="md" padding="lg">
        <EmptyState
          align="left"
          icon={<IconTools size={26} stroke={1.6} aria-hidden />}
          withIndicatorBackground
          title={t('underConstruction.title')}
          description={t('underConstruction.text')}
        />
      </Card>
      {items.length > 0 && (
        <Stack gap="xs">
          <Text fw={600}>{t('underConstruction.planned')}</Text>
          <List size="sm" spacing={4}>
            {items.map((item) => (
              <List.Item key={item}>{item}</List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Stack>
  );
}
