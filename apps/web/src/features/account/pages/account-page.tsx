import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header';
import { useCurrentUser } from '../../auth/current-user';
import { ChangePasswordForm } from '../components/change-password-form';
import { ProfileCard } from '../components/profile-card';

/** /account — the signed-in user's profile and password. */
export function AccountPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <>
      <PageHeader title={t('account.title')} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <ProfileCard user={user} />
        <ChangePasswordForm />
      </SimpleGrid>
    </>
  );
}
