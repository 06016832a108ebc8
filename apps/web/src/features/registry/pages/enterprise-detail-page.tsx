import {
  Anchor,
  Breadcrumbs,
  Button,
  Group,
  LoadingOverlay,
  Modal,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconBuildingSkyscraper, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { Pager } from '../../../components/pager';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { countryLabel } from '../../../lib/countries';
import { formatNumber } from '../../../lib/format-number';
import { hasPermission, PERMISSIONS } from '../../../lib/permissions';
import { useCurrentUser } from '../../auth/current-user';
import { DemoBadge, EnterpriseStatusBadge } from '../components/badges';
import { DetailItem, DetailList } from '../components/detail-list';
import { EnterpriseForm } from '../components/enterprise-form';
import { ProjectForm } from '../components/project-form';
import { ProjectsTable } from '../components/projects-table';
import { SectionCard } from '../components/section-card';
import { useEnterprise } from '../enterprises-api';
import { useProjects } from '../projects-api';

/** /registry/enterprises/:id — the enterprise's profile, its zones and its investment projects. */
export function EnterpriseDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const language = currentLanguage();
  const navigate = useNavigate();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const canWrite = hasPermission(me, PERMISSIONS.enterpriseWrite);
  const canAddProject = hasPermission(me, PERMISSIONS.projectWrite);
  const canSeeZones = hasPermission(me, PERMISSIONS.zoneRead);
  const canSeeProjects = hasPermission(me, PERMISSIONS.projectRead);
  const enterprise = useEnterprise(id);
  const [page, setPage] = useState(1);
  const projects = useProjects(
    {
      q: '',
      zoneId: '',
      enterpriseId: id,
      investmentType: '',
      country: '',
      vsic: '',
      status: '',
      sort: 'firstCertificateDate',
      dir: 'desc',
      page,
      pageSize: 20,
    },
    canSeeProjects,
  );
  const [dialog, setDialog] = useState<'edit' | 'project' | null>(null);
  const close = () => setDialog(null);

  if (enterprise.isError && !enterprise.data)
    return (
      <>
        <PageHeader title={t('registry.enterpriseDetail.title')} />
        <QueryError error={enterprise.error} onRetry={() => void enterprise.refetch()} />
      </>
    );
  if (!enterprise.data) return <LoadingOverlay visible />;
  const e = enterprise.data;

  return (
    <>
      <Breadcrumbs mb="xs" aria-label={t('registry.common.breadcrumbs')}>
        <Anchor component={Link} to="/registry/enterprises" size="sm">
          {t('registry.enterprises.title')}
        </Anchor>
        <Text size="sm" aria-current="page">
          {e.nameVi}
        </Text>
      </Breadcrumbs>
      <PageHeader
        key={e.id}
        title={language === 'en' && e.nameEn ? e.nameEn : e.nameVi}
        icon={<IconBuildingSkyscraper size={28} stroke={1.6} aria-hidden />}
        description={
          <Group gap="xs" component="span">
            <Text span size="sm">
              {t('registry.enterpriseDetail.taxCodeLine', { taxCode: e.taxCode })}
            </Text>
            <EnterpriseStatusBadge status={e.status} />
            {e.isDemo && <DemoBadge />}
          </Group>
        }
        actions={
          <>
            {canWrite && (
              <Button
                variant="default"
                leftSection={<IconPencil size={18} aria-hidden />}
                onClick={() => setDialog('edit')}
              >
                {t('registry.enterpriseDetail.edit')}
              </Button>
            )}
            {canAddProject && (
              <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setDialog('project')}>
                {t('registry.projects.create')}
              </Button>
            )}
          </>
        }
      />

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" mb="md">
        <SectionCard title={t('registry.enterpriseDetail.profile')}>
          <DetailList>
            <DetailItem label={t('registry.enterprises.taxCode')}>
              {e.taxCode}
              {e.isBranch ? ` (${t('registry.enterprises.branch')})` : ''}
            </DetailItem>
            <DetailItem label={t('registry.enterpriseForm.nameVi')}>{e.nameVi}</DetailItem>
            <DetailItem label={t('registry.enterpriseForm.nameEn')}>
              {e.nameEn ?? t('common.notSet')}
            </DetailItem>
            <DetailItem label={t('registry.enterprises.ownership')}>
              {t(`registry.enums.ownership.${e.ownership}`)}
            </DetailItem>
            <DetailItem label={t('registry.enterprises.investorCountries')}>
              {e.investorCountries.length > 0
                ? e.investorCountries.map((c) => countryLabel(c, language)).join(', ')
                : '—'}
            </DetailItem>
            <DetailItem label={t('registry.enterpriseForm.address')}>
              {e.address ?? t('common.notSet')}
            </DetailItem>
            <DetailItem label={t('registry.enterprises.columns.projects')}>
              {formatNumber(e.projectCount, language)}
            </DetailItem>
          </DetailList>
        </SectionCard>
        <Stack gap="md">
          <SectionCard title={t('registry.enterprises.zones')}>
            {e.zones.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('common.notSet')}
              </Text>
            ) : (
              <Stack component="ul" gap={4} style={{ margin: 0, paddingLeft: '1.2rem' }}>
                {e.zones.map((z) => (
                  <li key={z.id}>
                    {canSeeZones ? (
                      <Anchor component={Link} to={`/registry/zones/${z.id}`} size="sm">
                        {z.name}
                      </Anchor>
                    ) : (
                      <Text size="sm">{z.name}</Text>
                    )}
                  </li>
                ))}
              </Stack>
            )}
          </SectionCard>
          <SectionCard title={t('registry.contacts.title')}>
            {e.contacts.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('common.notSet')}
              </Text>
            ) : (
              <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {e.contacts.map((c) => (
                  <li key={`${c.name}:${c.email ?? ''}`}>
                    <Text size="sm" fw={600}>
                      {c.name}
                      {c.role ? ` — ${c.role}` : ''}
                    </Text>
                    <Text size="sm">
                      {c.phone && <Anchor href={`tel:${c.phone}`}>{c.phone}</Anchor>}
                      {c.phone && c.email ? ' · ' : ''}
                      {c.email && <Anchor href={`mailto:${c.email}`}>{c.email}</Anchor>}
                    </Text>
                  </li>
                ))}
              </Stack>
            )}
          </SectionCard>
        </Stack>
      </SimpleGrid>

      {canSeeProjects && (
        <SectionCard title={t('registry.enterpriseDetail.projects')} flush>
          {projects.isError ? (
            <QueryError error={projects.error} onRetry={() => void projects.refetch()} />
          ) : projects.data && projects.data.items.length > 0 ? (
            <>
              <ProjectsTable
                projects={projects.data.items}
                caption={t('registry.enterpriseDetail.projectsCaption', { name: e.nameVi })}
                hideEnterprise
              />
              <Stack px="lg" pb="md">
                <Pager
                  page={projects.data.page}
                  pageSize={projects.data.pageSize}
                  total={projects.data.total}
                  onChange={setPage}
                />
              </Stack>
            </>
          ) : (
            <Text size="sm" c="dimmed" px="lg" pb="lg">
              {projects.isPending ? t('app.loading') : t('registry.enterpriseDetail.noProjects')}
            </Text>
          )}
        </SectionCard>
      )}

      <Modal
        opened={dialog !== null}
        onClose={close}
        size="xl"
        fullScreen={isMobile}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        title={
          dialog === 'edit' ? t('registry.enterpriseForm.editTitle') : t('registry.projectForm.createTitle')
        }
      >
        {dialog === 'edit' && <EnterpriseForm enterprise={e} onDone={close} onCancel={close} />}
        {dialog === 'project' && (
          <ProjectForm
            enterprise={{ id: e.id, name: e.nameVi, taxCode: e.taxCode }}
            onDone={(saved) => {
              close();
              navigate(`/registry/projects/${saved.id}`);
            }}
            onCancel={close}
          />
        )}
      </Modal>
    </>
  );
}
