import type { ZoneDetail, ZoneEventView } from '@heza/shared/registry';
import {
  Anchor,
  Breadcrumbs,
  Button,
  Group,
  LoadingOverlay,
  Modal,
  SimpleGrid,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconBuildingFactory2, IconCalendarPlus, IconPencil, IconRuler2 } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import type { Language } from '../../../lib/api-types';
import { formatIsoDate, formatNumber, formatOptionalNumber, formatPercent } from '../../../lib/format-number';
import { hasPermission, PERMISSIONS } from '../../../lib/permissions';
import { useCurrentUser } from '../../auth/current-user';
import { DemoBadge, ZoneStatusBadge } from '../components/badges';
import { DetailItem, DetailList } from '../components/detail-list';
import { LazyZonesMap } from '../components/lazy-zones-map';
import { OccupancyCell } from '../components/occupancy';
import { SectionCard } from '../components/section-card';
import { ZoneForm } from '../components/zone-form';
import { VoidEventForm, ZoneAreaForm, ZoneEventForm } from '../components/zone-record-forms';
import { ZoneTimeline } from '../components/zone-timeline';
import { useChildZones, useZone, type ZoneFeatureCollection } from '../zones-api';

type Dialog =
  | { kind: 'edit' }
  | { kind: 'event' }
  | { kind: 'area' }
  | { kind: 'void'; event: ZoneEventView };

function ha(value: string | null | undefined, language: Language): string {
  return value === null || value === undefined ? '—' : `${formatNumber(value, language)} ha`;
}

function AreasSection({ zone, canWrite, onAdd }: { zone: ZoneDetail; canWrite: boolean; onAdd: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const areas = [...zone.areas].sort(
    (a, b) => b.asOf.localeCompare(a.asOf) || b.recordedAt.localeCompare(a.recordedAt),
  );
  return (
    <SectionCard
      title={t('registry.areas.title')}
      flush
      actions={
        canWrite && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconRuler2 size={16} aria-hidden />}
            onClick={onAdd}
          >
            {t('registry.areas.add')}
          </Button>
        )
      }
    >
      {zone.area ? (
        <Text size="sm" px="lg" pb="sm">
          {zone.area.occupancyPct !== null
            ? t('registry.areas.current', {
                date: formatIsoDate(zone.area.asOf),
                leased: formatNumber(zone.area.leasedHa ?? '0', language),
                leasable: formatNumber(zone.area.leasableHa ?? '0', language),
                pct: formatPercent(zone.area.occupancyPct, language),
              })
            : t('registry.areas.currentNoOccupancy', {
                date: formatIsoDate(zone.area.asOf),
                total: formatNumber(zone.area.totalAreaHa, language),
              })}
        </Text>
      ) : (
        <Text size="sm" c="dimmed" px="lg" pb="md">
          {t('registry.areas.empty')}
        </Text>
      )}
      {areas.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing="xs">
            <caption
              style={{ captionSide: 'top', textAlign: 'left', padding: '0 var(--mantine-spacing-lg) 6px' }}
            >
              <Text size="sm" c="dimmed" component="span">
                {t('registry.areas.historyCaption')}
              </Text>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('registry.areas.asOf')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('registry.areas.totalAreaHa')} (ha)
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('registry.areas.industrialLandHa')} (ha)
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('registry.areas.leasableHa')} (ha)
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('registry.areas.leasedHa')} (ha)
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('registry.areas.occupancy')}
                </Table.Th>
                <Table.Th scope="col">{t('registry.common.source')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {areas.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                    {formatIsoDate(a.asOf)}
                    {a.id === zone.area?.id && (
                      <Text size="xs" c="dimmed">
                        {t('registry.areas.inForce')}
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td ta="right">{formatOptionalNumber(a.totalAreaHa, language)}</Table.Td>
                  <Table.Td ta="right">{formatOptionalNumber(a.industrialLandHa, language)}</Table.Td>
                  <Table.Td ta="right">{formatOptionalNumber(a.leasableHa, language)}</Table.Td>
                  <Table.Td ta="right">{formatOptionalNumber(a.leasedHa, language)}</Table.Td>
                  <Table.Td ta="right">
                    <OccupancyCell pct={a.occupancyPct} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{[a.source, a.note].filter(Boolean).join(' — ') || '—'}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}

function ChildrenSection({ zone }: { zone: ZoneDetail }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const children = useChildZones(zone.id, zone.children.length > 0);
  if (zone.children.length === 0) return null;
  return (
    <SectionCard title={t('registry.zoneDetail.children', { count: zone.children.length })} flush>
      {children.isError ? (
        <QueryError error={children.error} onRetry={() => void children.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped verticalSpacing="xs">
            <VisuallyHidden component="caption">{t('registry.zoneDetail.childrenCaption')}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('registry.zones.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('registry.zones.columns.status')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('registry.zones.columns.totalArea')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('registry.zones.columns.occupancy')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(
                children.data?.items ??
                zone.children.map((c) => ({ id: c.id, nameVi: c.name, status: null, area: null }))
              ).map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/registry/zones/${c.id}`} size="sm">
                      {c.nameVi}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{children.data && <ZoneStatusBadge status={c.status} />}</Table.Td>
                  <Table.Td ta="right">{ha(c.area?.totalAreaHa, language)}</Table.Td>
                  <Table.Td ta="right">
                    <OccupancyCell pct={c.area?.occupancyPct} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}

function MiniMap({ zone }: { zone: ZoneDetail }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (!zone.location) return null;
  const collection: ZoneFeatureCollection = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        id: zone.id,
        geometry: zone.location,
        properties: {
          code: zone.code,
          nameVi: zone.nameVi,
          nameEn: zone.nameEn,
          kind: zone.kind,
          status: zone.status,
          totalAreaHa: zone.area?.totalAreaHa ?? null,
          occupancyPct: zone.area?.occupancyPct ?? null,
          isDemo: zone.isDemo,
        },
      },
    ],
  };
  const coordinates =
    zone.location.type === 'Point'
      ? t('registry.zoneDetail.coordinates', {
          lon: formatNumber(zone.location.coordinates[0], language, { decimals: 6 }),
          lat: formatNumber(zone.location.coordinates[1], language, { decimals: 6 }),
        })
      : t('registry.zoneDetail.polygon');
  return (
    <SectionCard
      title={t('registry.zoneDetail.location')}
      actions={
        <Anchor component={Link} to="/registry/zones/map" size="sm">
          {t('registry.zoneDetail.openMap')}
        </Anchor>
      }
    >
      <Stack gap="xs">
        <LazyZonesMap
          collection={collection}
          mode="status"
          selectedId={null}
          label={t('registry.zoneDetail.mapLabel', { name: zone.nameVi })}
          height={240}
        />
        <Text size="xs" c="dimmed">
          {coordinates}
        </Text>
      </Stack>
    </SectionCard>
  );
}

/** /registry/zones/:id — a zone's profile, lifecycle timeline, areas, infrastructure, contacts and parks. */
export function ZoneDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const language = currentLanguage();
  const navigate = useNavigate();
  const canWrite = hasPermission(me, PERMISSIONS.zoneWrite);
  const canSeeEnterprises = hasPermission(me, PERMISSIONS.enterpriseRead);
  const canSeeProjects = hasPermission(me, PERMISSIONS.projectRead);
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const zone = useZone(id);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);

  if (zone.isError && !zone.data)
    return (
      <>
        <PageHeader title={t('registry.zoneDetail.title')} />
        <QueryError error={zone.error} onRetry={() => void zone.refetch()} />
      </>
    );
  if (!zone.data) return <LoadingOverlay visible />;
  const z = zone.data;
  const name = language === 'en' && z.nameEn ? z.nameEn : z.nameVi;

  return (
    <>
      <Breadcrumbs mb="xs" aria-label={t('registry.common.breadcrumbs')}>
        <Anchor component={Link} to="/registry/zones" size="sm">
          {t('registry.zones.title')}
        </Anchor>
        {z.parent && (
          <Anchor component={Link} to={`/registry/zones/${z.parent.id}`} size="sm">
            {z.parent.name}
          </Anchor>
        )}
        <Text size="sm" aria-current="page">
          {z.nameVi}
        </Text>
      </Breadcrumbs>
      <PageHeader
        key={z.id}
        title={name}
        icon={<IconBuildingFactory2 size={28} stroke={1.6} aria-hidden />}
        description={
          <Group gap="xs" component="span">
            <Text span size="sm">
              {t(`registry.enums.zoneKind.${z.kind}`)}
            </Text>
            <ZoneStatusBadge status={z.status} />
            {z.statusSince && (
              <Text span size="sm">
                {t('registry.zones.since', { date: formatIsoDate(z.statusSince) })}
              </Text>
            )}
            {z.isDemo && <DemoBadge />}
          </Group>
        }
        actions={
          canWrite && (
            <>
              <Button
                variant="default"
                leftSection={<IconPencil size={18} aria-hidden />}
                onClick={() => setDialog({ kind: 'edit' })}
              >
                {t('registry.zoneDetail.edit')}
              </Button>
              <Button
                leftSection={<IconCalendarPlus size={18} aria-hidden />}
                onClick={() => setDialog({ kind: 'event' })}
              >
                {t('registry.timeline.add')}
              </Button>
            </>
          )
        }
      />

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" mb="md">
        <SectionCard title={t('registry.zoneDetail.profile')}>
          <DetailList>
            <DetailItem label={t('registry.zoneForm.code')}>{z.code}</DetailItem>
            {z.nameEn && <DetailItem label={t('registry.zoneForm.nameEn')}>{z.nameEn}</DetailItem>}
            <DetailItem label={t('registry.zoneForm.modelType')}>
              {t(`registry.enums.modelType.${z.modelType}`)}
            </DetailItem>
            <DetailItem label={t('registry.zoneForm.parent')}>
              {z.parent ? (
                <Anchor component={Link} to={`/registry/zones/${z.parent.id}`}>
                  {z.parent.name}
                </Anchor>
              ) : (
                '—'
              )}
            </DetailItem>
            <DetailItem label={t('registry.zoneForm.developer')}>
              {z.developer ? (
                canSeeEnterprises ? (
                  <Anchor component={Link} to={`/registry/enterprises/${z.developer.id}`}>
                    {z.developer.name}
                  </Anchor>
                ) : (
                  z.developer.name
                )
              ) : (
                t('common.notSet')
              )}
            </DetailItem>
            <DetailItem label={t('registry.zoneForm.address')}>{z.address ?? t('common.notSet')}</DetailItem>
            <DetailItem label={t('registry.zoneDetail.projects')}>
              {canSeeProjects ? (
                <Anchor component={Link} to={`/registry/projects?zoneId=${z.id}`}>
                  {t('registry.zoneDetail.projectCount', {
                    count: z.projectCount,
                    n: formatNumber(z.projectCount, language),
                  })}
                </Anchor>
              ) : (
                formatNumber(z.projectCount, language)
              )}
            </DetailItem>
            {(language === 'en' ? (z.descriptionEn ?? z.descriptionVi) : z.descriptionVi) && (
              <DetailItem label={t('registry.zoneDetail.description')}>
                {language === 'en' ? (z.descriptionEn ?? z.descriptionVi) : z.descriptionVi}
              </DetailItem>
            )}
            {z.source && <DetailItem label={t('registry.common.source')}>{z.source}</DetailItem>}
          </DetailList>
        </SectionCard>

        <SectionCard
          title={t('registry.timeline.title')}
          actions={
            canWrite && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconCalendarPlus size={16} aria-hidden />}
                onClick={() => setDialog({ kind: 'event' })}
              >
                {t('registry.timeline.add')}
              </Button>
            )
          }
        >
          <ZoneTimeline
            events={z.events}
            canVoid={canWrite}
            onVoid={(event) => setDialog({ kind: 'void', event })}
          />
        </SectionCard>
      </SimpleGrid>

      <Stack gap="md">
        <AreasSection zone={z} canWrite={canWrite} onAdd={() => setDialog({ kind: 'area' })} />
        <ChildrenSection zone={z} />
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          <SectionCard title={t('registry.infrastructure.title')}>
            {z.infrastructure.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('common.notSet')}
              </Text>
            ) : (
              <Table verticalSpacing="xs">
                <VisuallyHidden component="caption">{t('registry.infrastructure.caption')}</VisuallyHidden>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('registry.infrastructure.kind')}</Table.Th>
                    <Table.Th scope="col">{t('registry.infrastructure.name')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('registry.infrastructure.distance')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {z.infrastructure.map((i) => (
                    <Table.Tr key={`${i.kind}:${i.name}`}>
                      <Table.Td>{t(`registry.enums.infrastructureKind.${i.kind}`)}</Table.Td>
                      <Table.Td>{i.name}</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {i.distanceKm === null || i.distanceKm === undefined
                          ? '—'
                          : formatNumber(i.distanceKm, language, { decimals: 1 })}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </SectionCard>
          <SectionCard title={t('registry.contacts.title')}>
            {z.contacts.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('common.notSet')}
              </Text>
            ) : (
              <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {z.contacts.map((c) => (
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
        </SimpleGrid>
        <MiniMap zone={z} />
      </Stack>

      <Modal
        opened={dialog !== null}
        onClose={close}
        size={dialog?.kind === 'edit' ? 'xl' : 'lg'}
        fullScreen={isMobile}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        title={
          dialog?.kind === 'edit'
            ? t('registry.zoneForm.editTitle')
            : dialog?.kind === 'event'
              ? t('registry.eventForm.title')
              : dialog?.kind === 'area'
                ? t('registry.areaForm.title')
                : t('registry.voidForm.title')
        }
      >
        {dialog?.kind === 'edit' && (
          <ZoneForm
            zone={z}
            onDone={(saved) => {
              close();
              if (saved.id !== z.id) navigate(`/registry/zones/${saved.id}`);
            }}
            onCancel={close}
          />
        )}
        {dialog?.kind === 'event' && <ZoneEventForm zoneId={z.id} onDone={close} onCancel={close} />}
        {dialog?.kind === 'area' && <ZoneAreaForm zoneId={z.id} onDone={close} onCancel={close} />}
        {dialog?.kind === 'void' && (
          <VoidEventForm zoneId={z.id} event={dialog.event} onDone={close} onCancel={close} />
        )}
      </Modal>
    </>
  );
}
