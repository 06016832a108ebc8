import { Button, Stack, Text } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../components/page-header';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={640}>
      <PageHeader title={t('notFound.title')} icon={<IconMapOff size={28} aria-hidden />} />
      <Text>{t('notFound.text')}</Text>
      <div>
        <Button component={Link} to="/" variant="light">
          {t('common.backHome')}
        </Button>
      </div>
    </Stack>
  );
}
