import { Anchor, Breadcrumbs, Button, Group, LoadingOverlay, Modal, SimpleGrid, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconBriefcase, IconFilePlus, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { countryLabel } from '../../../lib/countries';
import { formatIsoDate, formatNumber } from '../../../lib/format-number';
import { hasPermission, PERMISSIONS } from '../../../lib/permissions';
import { useCurrentUser } from '../../auth/current-user';
import { DemoBadge, ProjectStatusBadge } from '../components/badges';
import { DetailItem, DetailList } from '../components/detail-list';
import { ExportButton } from '../components/export-button';
import { LedgerEntryForm } from '../components/ledger-fields';
import { LedgerTable } from '../components/ledger-table';
import { ProjectForm } from '../components/project-form';
import { formatMoney } from '../components/projects-table';
import { SectionCard } from '../components/section-card';
import { useProject } from '../projects-api';

/** /registry/projects/:id — a project's profile and its immutable certificate ledger. */
export function ProjectDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const language = currentLanguage();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const canWrite = hasPermission(me, PERMISSIONS.projectWrite);
  const canSeeZones = hasPermission(me, PERMISSIONS.zoneRead);
  const canSeeEnterprises = hasPermission(me, PERMISSIONS.enterpriseRead);
  const project = useProject(id);
  const [dialog, setDialog] = useState<'edit' | 'entry' | null>(null);
  const close = () => setDialog(null);

  if (project.isError && !project.data)
    return (
      <>
        <PageHeader title={t('registry.projectDetail.title')} />
        <QueryError error={project.error} onRetry={() => void project.refetch()} />
      </>
    );
  if (!project.data) return <LoadingOverlay visible />;
  const p = project.data;

  return (
    <>
      <Breadcrumbs mb="xs" aria-label={t('registry.common.breadcrumbs')}>
        <Anchor component={Link} to="/registry/projects" size="sm">
          {t('registry.projects.title')}
        </Anchor>
        <Text size="sm" aria-current="page">
          {p.projectCode}
        </Text>
      </Breadcrumbs>
      <PageHeader
        key={p.id}
        title={language === 'en' && p.nameEn ? p.nameEn : p.nameVi}
        icon={<IconBriefcase size={28} stroke={1.6} aria-hidden />}
        description={
          <Group gap="xs" component="span">
            <Text span size="sm">
              {t('registry.projectDetail.codeLine', {
                code: p.projectCode,
                type: t(`registry.enums.investmentTypeShort.${p.investmentType}`),
              })}
            </Text>
            <ProjectStatusBadge status={p.status} />
            {p.isDemo && <DemoBadge />}
          </Group>
        }
        actions={
          canWrite && (
            <>
              <Button
                variant="default"
                leftSection={<IconPencil size={18} aria-hidden />}
                onClick={() => setDialog('edit')}
              >
                {t('registry.projectDetail.edit')}
              </Button>
              <Button leftSection={<IconFilePlus size={18} aria-hidden />} onClick={() => setDialog('entry')}>
                {t('registry.ledgerForm.title')}
              </Button>
            </>
          )
        }
      />

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" mb="md">
        <SectionCard title={t('registry.projectDetail.profile')}>
          <DetailList>
            <DetailItem label={t('registry.projects.columns.enterprise')}>
              {canSeeEnterprises ? (
                <Anchor component={Link} to={`/registry/enterprises/${p.enterprise.id}`}>
                  {p.enterprise.name}
                </Anchor>
              ) : (
                p.enterprise.name
              )}{' '}
              ({p.enterprise.taxCode})
            </DetailItem>
            <DetailItem label={t('registry.projects.columns.zone')}>
              {canSeeZones ? (
                <Anchor component={Link} to={`/registry/zones/${p.zone.id}`}>
                  {p.zone.name}
                </Anchor>
              ) : (
                p.zone.name
              )}
            </DetailItem>
            <DetailItem label={t('registry.projects.columns.type')}>
              {t(`registry.enums.investmentType.${p.investmentType}`)}
            </DetailItem>
            <DetailItem label={t('registry.projectForm.country')}>
              {countryLabel(p.countryCode, language)}
            </DetailItem>
            <DetailItem label={t('registry.projectForm.investors')}>
              {p.investors.length > 0
                ? p.investors.map((i) => `${i.name} (${countryLabel(i.country, language)})`).join('; ')
                : '—'}
            </DetailItem>
            <DetailItem label={t('registry.projects.columns.sector')}>
              {p.vsicCode}
              {p.vsicName ? ` — ${p.vsicName}` : ''}
            </DetailItem>
            <DetailItem label={t('registry.projectForm.objectives')}>
              {p.objectives ?? t('common.notSet')}
            </DetailItem>
            <DetailItem label={t('registry.projectForm.landArea')}>
              {p.landAreaHa ? `${formatNumber(p.landAreaHa, language)} ha` : t('common.notSet')}
            </DetailItem>
          </DetailList>
        </SectionCard>
        <SectionCard title={t('registry.projectDetail.capital')}>
          <DetailList>
            <DetailItem label={t('registry.projectDetail.capitalSource', { currency: p.currency })}>
              <Text fw={700} size="lg">
                {formatMoney(p.capital, p.currency, language)}
              </Text>
            </DetailItem>
            <DetailItem label={t('registry.projectDetail.capitalUsd')}>
              {formatMoney(p.capitalMoney.usd, 'USD', language)}
            </DetailItem>
            <DetailItem label={t('registry.projectDetail.capitalVnd')}>
              {`${formatNumber(p.capitalMoney.vnd, language, { decimals: 0 })} ${t('registry.projectDetail.dong')}`}
            </DetailItem>
            <DetailItem label={t('registry.projects.columns.firstCertificate')}>
              {formatIsoDate(p.firstCertificateDate) || '—'}
            </DetailItem>
            <DetailItem label={t('registry.projectDetail.entries')}>
              {formatNumber(p.entryCount, language)}
            </DetailItem>
          </DetailList>
        </SectionCard>
      </SimpleGrid>

      <SectionCard
        title={t('registry.ledger.title')}
        flush
        actions={
          <>
            <ExportButton path="/api/ledger/export" query={{ projectId: p.id }} />
            {canWrite && (
              <Button
                size="sm"
                variant="light"
                leftSection={<IconFilePlus size={16} aria-hidden />}
                onClick={() => setDialog('entry')}
              >
                {t('registry.ledgerForm.title')}
              </Button>
            )}
          </>
        }
      >
        {p.ledger.length === 0 ? (
          <Text size="sm" c="dimmed" px="lg" pb="lg">
            {t('registry.ledger.empty')}
          </Text>
        ) : (
          <>
            <Text size="sm" c="dimmed" px="lg" pb="xs">
              {t('registry.ledger.immutable')}
            </Text>
            <LedgerTable entries={p.ledger} caption={t('registry.ledger.caption', { code: p.projectCode })} />
          </>
        )}
      </SectionCard>

      <Modal
        opened={dialog !== null}
        onClose={close}
        size="xl"
        fullScreen={isMobile}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        title={dialog === 'edit' ? t('registry.projectForm.editTitle') : t('registry.ledgerForm.title')}
      >
        {dialog === 'edit' && <ProjectForm project={p} onDone={close} onCancel={close} />}
        {dialog === 'entry' && (
          <LedgerEntryForm
            projectId={p.id}
            currency={p.currency}
            capital={p.capital}
            entries={p.ledger}
            onDone={close}
            onCancel={close}
          />
        )}
      </Modal>
    </>
  );
}
