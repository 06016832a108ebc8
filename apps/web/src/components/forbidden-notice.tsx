import { Button, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from './page-header';

/** In place of a page the signed-in user has no permission to see. */
export function ForbiddenNotice() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={640}>
      <PageHeader title={t('forbidden.title')} icon={<IconLock size={28} aria-hidden />} />
      <Text>{t('forbidden.text')}</Text>
      <div>
        <Button component={Link} to="/" variant="light">
          {t('common.backHome')}
        </Button>
      </div>
    </Stack>
  );
}
