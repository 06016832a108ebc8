import {
  ZONE_KINDS,
  ZONE_MODEL_TYPES,
  type ZoneDetail,
  type ZoneKind,
  type ZoneModelType,
} from '@heza/shared/registry';
import {
  JsonInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { onSubmit } from '../../../lib/use-form-state';
import { type PathErrors, usePathForm } from '../../../lib/use-path-form';
import { type LocationMode, toZoneInput, type ZoneFormValues } from '../form-inputs';
import { useCreateZone, useEconomicZones, useUpdateZone } from '../zones-api';
import { FormFooter, pathIn, ServerErrorAlert, showServerErrors } from './form-bits';
import { ContactsEditor, InfrastructureEditor } from './list-editors';
import { EnterpriseSelect } from './pickers';

const FIELDS = [
  'code',
  'nameVi',
  'nameEn',
  'kind',
  'parentId',
  'modelType',
  'developerId',
  'location',
  'address',
  'infrastructure',
  'contacts',
  'descriptionVi',
  'descriptionEn',
  'source',
] as const;

function initialValues(zone: ZoneDetail | undefined): ZoneFormValues {
  const loc = zone?.location ?? null;
  return {
    code: zone?.code ?? '',
    nameVi: zone?.nameVi ?? '',
    nameEn: zone?.nameEn ?? '',
    kind: zone?.kind ?? '',
    parentId: zone?.parent?.id ?? '',
    modelType: zone?.modelType ?? 'general',
    developerId: zone?.developer?.id ?? '',
    locationMode: !loc ? 'none' : loc.type === 'Point' ? 'point' : 'geojson',
    lon: loc?.type === 'Point' ? String(loc.coordinates[0]) : '',
    lat: loc?.type === 'Point' ? String(loc.coordinates[1]) : '',
    geojson: loc && loc.type !== 'Point' ? JSON.stringify(loc, null, 2) : '',
    address: zone?.address ?? '',
    infrastructure: (zone?.infrastructure ?? []).map((i) => ({
      kind: i.kind,
      name: i.name,
      distanceKm: i.distanceKm === null || i.distanceKm === undefined ? '' : String(i.distanceKm),
    })),
    contacts: (zone?.contacts ?? []).map((c) => ({
      name: c.name,
      role: c.role ?? '',
      phone: c.phone ?? '',
      email: c.email ?? '',
    })),
    descriptionVi: zone?.descriptionVi ?? '',
    descriptionEn: zone?.descriptionEn ?? '',
    source: zone?.source ?? '',
  };
}

interface ZoneFormProps {
  zone?: ZoneDetail;
  onDone: (zone: ZoneDetail) => void;
  onCancel: () => void;
}

/** Create or edit a zone's profile (its lifecycle and areas are dated records with their own forms). */
export function ZoneForm({ zone, onDone, onCancel }: ZoneFormProps) {
  const { t } = useTranslation();
  const isEdit = !!zone;
  const form = usePathForm<ZoneFormValues>(initialValues(zone));
  const { values, errors, setValue } = form;
  const create = useCreateZone();
  const update = useUpdateZone(zone?.id ?? '');
  const mutation = isEdit ? update : create;
  const economicZones = useEconomicZones();
  const parentData = useMemo(
    () =>
      (economicZones.data?.items ?? [])
        .filter((z) => z.id !== zone?.id)
        .map((z) => ({ value: z.id, label: z.nameVi })),
    [economicZones.data, zone],
  );
  const shows = pathIn(FIELDS);

  const submit = () => {
    const problems: PathErrors = {};
    if (!values.nameVi.trim()) problems.nameVi = t('registry.validation.nameRequired');
    if (!values.kind) problems.kind = t('registry.validation.choose');
    const { input, problems: more } = toZoneInput(values, {
      number: t('registry.validation.number'),
      json: t('registry.validation.geojson'),
    });
    Object.assign(problems, more);
    if (Object.keys(problems).length > 0) {
      mutation.reset();
      form.showErrors(problems);
      return;
    }
    const onError = (error: unknown) => showServerErrors(error, form.showErrors, shows);
    const onSuccess = (saved: ZoneDetail) => {
      notifications.show({
        color: 'green',
        message: t(isEdit ? 'registry.zoneForm.updated' : 'registry.zoneForm.created', {
          name: saved.nameVi,
        }),
      });
      onDone(saved);
    };
    if (isEdit) {
      const { code: _code, ...patch } = input;
      update.mutate(patch, { onSuccess, onError });
    } else {
      create.mutate(input, { onSuccess, onError });
    }
  };

  const locationError =
    errors.location ?? Object.entries(errors).find(([k]) => k.startsWith('location.coordinates'))?.[1];

  return (
    <form ref={form.formRef} onSubmit={onSubmit(submit)} noValidate>
      <Stack gap="md">
        <ServerErrorAlert error={mutation.error} shows={shows} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('registry.zoneForm.nameVi')}
            required
            value={values.nameVi}
            onChange={(e) => setValue('nameVi', e.currentTarget.value)}
            error={errors.nameVi}
            data-autofocus
          />
          <TextInput
            label={t('registry.zoneForm.nameEn')}
            value={values.nameEn}
            onChange={(e) => setValue('nameEn', e.currentTarget.value)}
            error={errors.nameEn}
          />
          <TextInput
            label={t('registry.zoneForm.code')}
            description={isEdit ? t('registry.zoneForm.codeFixed') : t('registry.zoneForm.codeHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            readOnly={isEdit}
            value={values.code}
            onChange={(e) => setValue('code', e.currentTarget.value)}
            error={errors.code}
          />
          <Select
            label={t('registry.zones.columns.kind')}
            required
            data={ZONE_KINDS.map((k) => ({ value: k, label: t(`registry.enums.zoneKind.${k}`) }))}
            value={values.kind || null}
            onChange={(v) => setValue('kind', (v ?? '') as ZoneKind | '')}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            error={errors.kind}
          />
          {values.kind !== 'economic_zone' && (
            <Select
              label={t('registry.zoneForm.parent')}
              description={t('registry.zoneForm.parentHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              data={parentData}
              value={values.parentId || null}
              onChange={(v) => setValue('parentId', v ?? '')}
              clearable
              comboboxProps={{ withinPortal: true }}
              error={errors.parentId}
            />
          )}
          <Select
            label={t('registry.zoneForm.modelType')}
            data={ZONE_MODEL_TYPES.map((m) => ({ value: m, label: t(`registry.enums.modelType.${m}`) }))}
            value={values.modelType}
            onChange={(v) => v && setValue('modelType', v as ZoneModelType)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            error={errors.modelType}
          />
          <EnterpriseSelect
            label={t('registry.zoneForm.developer')}
            placeholder={t('registry.common.enterpriseSearch')}
            value={values.developerId}
            onChange={(v) => setValue('developerId', v)}
            known={zone?.developer ? { ...zone.developer, taxCode: '' } : null}
            error={errors.developerId}
          />
          <TextInput
            label={t('registry.zoneForm.address')}
            value={values.address}
            onChange={(e) => setValue('address', e.currentTarget.value)}
            error={errors.address}
          />
        </SimpleGrid>

        <Stack gap="xs">
          <Text fw={600} size="sm" id="zone-location-label">
            {t('registry.zoneForm.location')}
          </Text>
          <SegmentedControl
            aria-labelledby="zone-location-label"
            value={values.locationMode}
            onChange={(v) => setValue('locationMode', v as LocationMode)}
            data={[
              { value: 'none', label: t('registry.zoneForm.locationNone') },
              { value: 'point', label: t('registry.zoneForm.locationPoint') },
              { value: 'geojson', label: t('registry.zoneForm.locationGeojson') },
            ]}
          />
          {values.locationMode === 'point' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('registry.zoneForm.longitude')}
                inputMode="decimal"
                placeholder="106.72"
                value={values.lon}
                onChange={(e) => setValue('lon', e.currentTarget.value)}
                error={errors['location.lon'] ?? locationError}
                aria-invalid={errors['location.lon'] || locationError ? true : undefined}
              />
              <TextInput
                label={t('registry.zoneForm.latitude')}
                inputMode="decimal"
                placeholder="20.86"
                value={values.lat}
                onChange={(e) => setValue('lat', e.currentTarget.value)}
                error={errors['location.lat']}
              />
            </SimpleGrid>
          )}
          {values.locationMode === 'geojson' && (
            <JsonInput
              label={t('registry.zoneForm.geojson')}
              description={t('registry.zoneForm.geojsonHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              autosize
              minRows={4}
              maxRows={12}
              value={values.geojson}
              onChange={(v) => setValue('geojson', v)}
              error={locationError}
            />
          )}
        </Stack>

        <InfrastructureEditor
          rows={values.infrastructure}
          onChange={(rows) => setValue('infrastructure', rows)}
          errors={errors}
        />
        <ContactsEditor
          rows={values.contacts}
          onChange={(rows) => setValue('contacts', rows)}
          errors={errors}
        />

        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Textarea
            label={t('registry.zoneForm.descriptionVi')}
            autosize
            minRows={2}
            value={values.descriptionVi}
            onChange={(e) => setValue('descriptionVi', e.currentTarget.value)}
            error={errors.descriptionVi}
          />
          <Textarea
            label={t('registry.zoneForm.descriptionEn')}
            autosize
            minRows={2}
            value={values.descriptionEn}
            onChange={(e) => setValue('descriptionEn', e.currentTarget.value)}
            error={errors.descriptionEn}
          />
        </SimpleGrid>
        <TextInput
          label={t('registry.common.source')}
          value={values.source}
          onChange={(e) => setValue('source', e.currentTarget.value)}
          error={errors.source}
        />
        <FormFooter
          onCancel={onCancel}
          pending={mutation.isPending}
          submitLabel={isEdit ? undefined : t('registry.zoneForm.createSubmit')}
        />
      </Stack>
    </form>
  );
}
