import { type ImageView, MAX_IMAGE_BYTES } from '@heza/shared/portal';
import {
  Alert,
  Button,
  Card,
  FileInput,
  Group,
  Image,
  LoadingOverlay,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPhoto, IconUpload } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { hasPermission, PERMISSIONS } from '../../../lib/permissions';
import { useCurrentUser } from '../../auth/current-user';
import { useImages, useUpdateImage, useUploadImage, useZoneProfiles } from '../api';

/** One image with its Vietnamese and English alternative text, editable. */
function ImageCard({
  image,
  zoneName,
  canWrite,
}: {
  image: ImageView;
  zoneName: string | null;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const update = useUpdateImage();
  const [vi, setVi] = useState(image.alt.vi ?? '');
  const [en, setEn] = useState(image.alt.en ?? '');
  return (
    <Card withBorder radius="md" padding="sm">
      <Card.Section>
        <Image src={image.url} alt={image.alt.vi ?? ''} h={140} fit="cover" loading="lazy" />
      </Card.Section>
      <Text size="xs" c="dimmed" mt="xs">
        {t(`portal.images.${image.kind}`)} · {image.width}×{image.height} ·{' '}
        {zoneName ?? t('portal.images.noZone')}
      </Text>
      <Stack gap={6} mt="xs">
        <TextInput
          size="xs"
          label={t('portal.images.altVi')}
          value={vi}
          onChange={(e) => setVi(e.currentTarget.value)}
          disabled={!canWrite}
        />
        <TextInput
          size="xs"
          label={t('portal.images.altEn')}
          value={en}
          onChange={(e) => setEn(e.currentTarget.value)}
          disabled={!canWrite}
        />
        {canWrite && (
          <Button
            size="xs"
            variant="default"
            loading={update.isPending}
            onClick={() => update.mutate({ id: image.id, input: { alt: { ...image.alt, vi, en } } })}
          >
            {t('common.save')}
          </Button>
        )}
        <FormErrorAlert error={update.error} />
      </Stack>
    </Card>
  );
}

/** /portal/images — photos and 360° panoramas: upload (JPEG/PNG, 5 MB, panoramas 2:1) and alternative texts. */
export function PortalImagesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canWrite = hasPermission(me, PERMISSIONS.portalContentWrite);
  const images = useImages();
  const zones = useZoneProfiles();
  const upload = useUploadImage();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<'photo' | 'panorama'>('photo');
  const [zoneId, setZoneId] = useState('');
  const [alt, setAlt] = useState('');
  const tooBig = !!file && file.size > MAX_IMAGE_BYTES;
  const zoneNames = new Map((zones.data?.items ?? []).map((z) => [z.zoneId, z.nameVi]));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file || tooBig) return;
    const done = await upload.mutateAsync({ file, kind, zoneId, alt }).catch(() => null);
    if (done) {
      setFile(null);
      setAlt('');
    }
  };
  return (
    <>
      <PageHeader title={t('portal.images.title')} description={t('portal.images.description')} />
      {canWrite && (
        <Card withBorder radius="md" mb="lg" component="form" onSubmit={submit}>
          <Stack gap="sm">
            <FormErrorAlert error={upload.error} />
            {tooBig && (
              <Alert color="red" variant="light" role="alert">
                {t('portal.images.tooBig', { mb: (MAX_IMAGE_BYTES / 1024 / 1024).toFixed(0) })}
              </Alert>
            )}
            <Group align="flex-end" gap="sm" wrap="wrap">
              <FileInput
                label={t('portal.images.file')}
                accept="image/jpeg,image/png"
                value={file}
                onChange={setFile}
                clearable
                required
                style={{ flex: '1 1 16rem' }}
              />
              <div>
                <Text size="sm" fw={500} mb={4} id="image-kind-label">
                  {t('portal.images.kind')}
                </Text>
                <SegmentedControl
                  aria-labelledby="image-kind-label"
                  value={kind}
                  onChange={(v) => setKind(v as 'photo' | 'panorama')}
                  data={[
                    { value: 'photo', label: t('portal.images.photo') },
                    { value: 'panorama', label: t('portal.images.panorama') },
                  ]}
                />
              </div>
              <Select
                label={t('portal.images.zone')}
                data={[
                  { value: '', label: t('portal.images.noZone') },
                  ...(zones.data?.items ?? []).map((z) => ({ value: z.zoneId, label: z.nameVi })),
                ]}
                value={zoneId}
                onChange={(v) => setZoneId(v ?? '')}
                searchable
                style={{ flex: '1 1 14rem' }}
              />
            </Group>
            <TextInput
              label={t('portal.images.alt')}
              description={t('portal.images.altHint')}
              value={alt}
              onChange={(e) => setAlt(e.currentTarget.value)}
            />
            <Group>
              <Button
                type="submit"
                leftSection={<IconUpload size={16} aria-hidden />}
                loading={upload.isPending}
                disabled={!file || tooBig}
              >
                {t('portal.images.upload')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      {images.isError ? (
        <QueryError error={images.error} onRetry={() => void images.refetch()} />
      ) : !images.data ? (
        <LoadingOverlay visible />
      ) : images.data.items.length === 0 ? (
        <Group gap="xs" c="dimmed">
          <IconPhoto aria-hidden />
          <Text>{t('portal.images.empty')}</Text>
        </Group>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3, lg: 4 }}>
          {images.data.items.map((i) => (
            <ImageCard
              key={i.id}
              image={i}
              zoneName={i.zoneId ? (zoneNames.get(i.zoneId) ?? null) : null}
              canWrite={canWrite}
            />
          ))}
        </SimpleGrid>
      )}
    </>
  );
}
