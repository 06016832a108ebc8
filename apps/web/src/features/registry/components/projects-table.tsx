import type { ProjectView } from '@heza/shared/registry';
import { Anchor, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../../../i18n';
import type { Language } from '../../../lib/api-types';
import { countryLabel } from '../../../lib/countries';
import { formatIsoDate, formatNumber } from '../../../lib/format-number';
import { hasPermission, PERMISSIONS } from '../../../lib/permissions';
import { useCurrentUser } from '../../auth/current-user';
import type { ProjectSort } from '../projects-api';
import { ProjectStatusBadge } from './badges';
import { SortableTh } from './sortable-th';

/** "489.260.000 USD" — an amount in its currency, whole units unless there are cents. */
export function formatMoney(value: string, currency: string, language: Language): string {
  return `${formatNumber(value, language, { decimals: 2 })} ${currency}`;
}

interface ProjectsTableProps {
  projects: ProjectView[];
  caption: string;
  sorting?: { sort: ProjectSort; dir: 'asc' | 'desc'; onSort: (s: ProjectSort, d: 'asc' | 'desc') => void };
  hideEnterprise?: boolean;
}

/** Investment projects with their ledger-derived status and registered capital. */
export function ProjectsTable({ projects, caption, sorting, hideEnterprise }: ProjectsTableProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const me = useCurrentUser();
  const canSeeZones = hasPermission(me, PERMISSIONS.zoneRead);
  const canSeeEnterprises = hasPermission(me, PERMISSIONS.enterpriseRead);
  const head = (column: ProjectSort, label: string, numeric = false) =>
    sorting ? (
      <SortableTh column={column} {...sorting} numeric={numeric} descFirst={numeric}>
        {label}
      </SortableTh>
    ) : (
      <Table.Th scope="col" ta={numeric ? 'right' : undefined}>
        {label}
      </Table.Th>
    );
  return (
    <Table.ScrollContainer minWidth={1180}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            {head('name', t('registry.projects.columns.name'))}
            {!hideEnterprise && <Table.Th scope="col">{t('registry.projects.columns.enterprise')}</Table.Th>}
            <Table.Th scope="col">{t('registry.projects.columns.zone')}</Table.Th>
            <Table.Th scope="col">{t('registry.projects.columns.type')}</Table.Th>
            <Table.Th scope="col">{t('registry.projects.columns.sector')}</Table.Th>
            {head('firstCertificateDate', t('registry.projects.columns.firstCertificate'))}
            {head('capital', t('registry.projects.columns.capital'), true)}
            <Table.Th scope="col">{t('registry.projects.columns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {projects.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Stack gap={2}>
                  <Anchor component={Link} to={`/registry/projects/${p.id}`} fw={600} size="sm">
                    {language === 'en' && p.nameEn ? p.nameEn : p.nameVi}
                  </Anchor>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {p.projectCode}
                  </Text>
                </Stack>
              </Table.Td>
              {!hideEnterprise && (
                <Table.Td>
                  {canSeeEnterprises ? (
                    <Anchor component={Link} to={`/registry/enterprises/${p.enterprise.id}`} size="sm">
                      {p.enterprise.name}
                    </Anchor>
                  ) : (
                    <Text size="sm">{p.enterprise.name}</Text>
                  )}
                  <Text size="xs" c="dimmed" ff="monospace">
                    {p.enterprise.taxCode}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                {canSeeZones ? (
                  <Anchor component={Link} to={`/registry/zones/${p.zone.id}`} size="sm">
                    {p.zone.name}
                  </Anchor>
                ) : (
                  <Text size="sm">{p.zone.name}</Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`registry.enums.investmentTypeShort.${p.investmentType}`)}</Text>
                <Text size="xs" c="dimmed">
                  {countryLabel(p.countryCode, language)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {p.vsicCode}
                </Text>
                {p.vsicName && (
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {p.vsicName}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatIsoDate(p.firstCertificateDate) || '—'}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{formatMoney(p.capital, p.currency, language)}</Text>
                {p.currency !== 'USD' && (
                  <Text size="xs" c="dimmed">
                    {formatMoney(p.capitalMoney.usd, 'USD', language)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <ProjectStatusBadge status={p.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
