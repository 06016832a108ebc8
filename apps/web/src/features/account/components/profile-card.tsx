import { Card, DataList, List, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../lib/api-types';
import { departmentLabel } from '../../../lib/labels';

function ZonesValue({ user }: { user: User }) {
  const { t } = useTranslation();
  if (user.zoneScope === 'all') return <Text size="sm">{t('account.allZones')}</Text>;
  if (user.zones.length === 0) return <Text size="sm">{t('account.noZones')}</Text>;
  return (
    <List size="sm" spacing={2}>
      {user.zones.map((zone) => (
        <List.Item key={zone.id}>{zone.name}</List.Item>
      ))}
    </List>
  );
}

/** Read-only profile: what the authority recorded about this account. */
export function ProfileCard({ user }: { user: User }) {
  const { t } = useTranslation();
  const headingId = useId();
  const notSet = t('common.notSet');
  const narrow = useMediaQuery('(max-width: 35.99em)') ?? false;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={headingId}>
      <Title id={headingId} order={2} size="h4" mb="md">
        {t('account.profile')}
      </Title>
      <DataList labelWidth={170} withDivider orientation={narrow ? 'vertical' : 'horizontal'}>
        <DataList.Item>
          <DataList.ItemLabel>{t('account.fullName')}</DataList.ItemLabel>
          <DataList.ItemValue>{user.fullName}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('account.email')}</DataList.ItemLabel>
          <DataList.ItemValue style={{ overflowWrap: 'anywhere' }}>{user.email}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('account.role')}</DataList.ItemLabel>
          <DataList.ItemValue>{t(`roles.${user.role}`)}</DataList.ItemValue>
        </DataList.Item>
        {user.role === 'enterprise' ? (
          <DataList.Item>
            <DataList.ItemLabel>{t('account.enterprise')}</DataList.ItemLabel>
            <DataList.ItemValue>{user.enterprise?.name ?? notSet}</DataList.ItemValue>
          </DataList.Item>
        ) : (
          <>
            <DataList.Item>
              <DataList.ItemLabel>{t('account.department')}</DataList.ItemLabel>
              <DataList.ItemValue>{departmentLabel(t, user.department) ?? notSet}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('account.zones')}</DataList.ItemLabel>
              <DataList.ItemValue>
                <ZonesValue user={user} />
              </DataList.ItemValue>
            </DataList.Item>
          </>
        )}
      </DataList>
      <Text size="sm" c="dimmed" mt="md">
        {t('account.profileNote')}
      </Text>
    </Card>
  );
}
