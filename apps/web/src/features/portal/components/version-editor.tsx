import { CONTENT_SECTIONS, type ContentDetail, type PortalLang, type VersionView } from '@heza/shared/portal';
import {
  Alert,
  Anchor,
  Box,
  Button,
  Card,
  FileButton,
  Group,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconExternalLink, IconUpload } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { formatDateTime } from '../../../lib/format';
import { useSaveVersion, useUploadFile, useVersionStep, useWithdrawTranslation } from '../api';
import { RichTextField } from './rich-text-field';
import { VersionStatusBadge } from './version-status-badge';

/** A local date-time input value ("2025-06-05T08:00") as an ISO instant in Vietnam time (UTC+7). */
function vietnamInstant(local: string): string | null {
  if (!local) return null;
  return new Date(`${local}:00+07:00`).toISOString();
}

/**
 * One language of a content item: its newest version's text, state and the workflow steps allowed from there
 * (save a draft, send for review, publish now or at a time, return with a note, take offline).
 */
export function VersionEditor({
  content,
  lang,
  canWrite,
  canPublish,
}: {
  content: ContentDetail;
  lang: PortalLang;
  canWrite: boolean;
  canPublish: boolean;
}) {
  const { t } = useTranslation();
  const versions = content.versions.filter((v) => v.lang === lang);
  const latest: VersionView | undefined = versions[0];
  const live = versions.find((v) => v.live);
  const scheduled = versions.find((v) => v.scheduled);
  const save = useSaveVersion(content.id);
  const step = useVersionStep();
  const withdraw = useWithdrawTranslation(content.id);
  const upload = useUploadFile();
  const [title, setTitle] = useState(latest?.title ?? '');
  const [slug, setSlug] = useState(latest?.slug ?? '');
  const [summary, setSummary] = useState(latest?.summary ?? '');
  const [bodyHtml, setBodyHtml] = useState(latest?.bodyHtml ?? '');
  const [fileId, setFileId] = useState<string | null>(latest?.fileId ?? null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [publishAt, setPublishAt] = useState('');
  const [note, setNote] = useState('');
  const [removed, setRemoved] = useState<string[] | null>(null);
  const error = save.error ?? step.error ?? withdraw.error ?? upload.error;

  const onSave = async (e: FormEvent) => {
    e.preventDefault();
    const saved = await save
      .mutateAsync({ lang, input: { title, slug, summary, bodyHtml, fileId } })
      .catch(() => null);
    if (saved) {
      setRemoved(saved.removed);
      setBodyHtml(saved.bodyHtml);
      setSlug(saved.slug);
    }
  };
  const publicUrl = live
    ? `/${lang}/${CONTENT_SECTIONS[content.kind]}/${encodeURIComponent(live.slug)}`
    : null;
  const isOpen = latest && (latest.status === 'draft' || latest.status === 'review');

  return (
    <Stack gap="md">
      <Group gap="sm" wrap="wrap">
        {latest ? (
          <VersionStatusBadge status={latest.status} scheduled={latest.scheduled} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('portal.editor.missing')}
          </Text>
        )}
        {live && (
          <Text size="sm">
            {t('portal.editor.liveNote', { date: formatDateTime(live.publishAt) })}{' '}
            {publicUrl && (
              <Anchor href={publicUrl} target="_blank" rel="noopener">
                {t('portal.editor.viewPublic')} <IconExternalLink size={14} aria-hidden />
              </Anchor>
            )}
          </Text>
        )}
        {scheduled && (
          <Text size="sm">
            {t('portal.editor.scheduledNote', { date: formatDateTime(scheduled.publishAt) })}
          </Text>
        )}
      </Group>
      {latest?.reviewNote && latest.status === 'draft' && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('portal.editor.reviewNote')}
        >
          {latest.reviewNote}
        </Alert>
      )}
      <FormErrorAlert error={error} />
      {removed && removed.length > 0 && (
        <Alert color="yellow" variant="light" role="status" title={t('portal.editor.removedTitle')}>
          {t('portal.editor.removed', { list: removed.join(', ') })}
        </Alert>
      )}
      <form onSubmit={onSave} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('portal.editor.title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            disabled={!canWrite}
          />
          <TextInput
            label={t('portal.editor.slug')}
            description={t('portal.editor.slugHint')}
            value={slug}
            onChange={(e) => setSlug(e.currentTarget.value)}
            disabled={!canWrite}
          />
          <Textarea
            label={t('portal.editor.summary')}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            autosize
            minRows={2}
            disabled={!canWrite}
          />
          <RichTextField
            label={t('portal.editor.body')}
            description={t('portal.editor.bodyHint')}
            value={bodyHtml}
            onChange={setBodyHtml}
            lang={lang}
            disabled={!canWrite}
          />
          {content.kind === 'publication' && (
            <Group gap="sm" align="center">
              <Text size="sm" fw={500}>
                {t('portal.editor.file')}:
              </Text>
              <Text size="sm">
                {fileName ?? (fileId ? t('portal.editor.fileAttached') : t('portal.editor.noFile'))}
              </Text>
              {canWrite && (
                <FileButton
                  accept="application/pdf,.docx,.xlsx"
                  onChange={async (file) => {
                    if (!file) return;
                    const stored = await upload.mutateAsync(file).catch(() => null);
                    if (stored) {
                      setFileId(stored.id);
                      setFileName(stored.name);
                    }
                  }}
                >
                  {(props) => (
                    <Button
                      {...props}
                      variant="default"
                      size="xs"
                      leftSection={<IconUpload size={14} aria-hidden />}
                      loading={upload.isPending}
                    >
                      {t('portal.editor.uploadFile')}
                    </Button>
                  )}
                </FileButton>
              )}
            </Group>
          )}
          {canWrite && (
            <Group gap="sm">
              <Button type="submit" loading={save.isPending}>
                {isOpen ? t('portal.editor.saveDraft') : t('portal.editor.newDraft')}
              </Button>
              {latest?.status === 'draft' && (
                <Button
                  variant="light"
                  loading={step.isPending}
                  onClick={() => step.mutate({ id: latest.id, step: 'submit' })}
                >
                  {t('portal.editor.submit')}
                </Button>
              )}
            </Group>
          )}
        </Stack>
      </form>
      {canPublish && latest?.status === 'review' && (
        <Card withBorder radius="md">
          <Title order={3} size="h5" mb="xs">
            {t('portal.editor.reviewTitle')}
          </Title>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              type="datetime-local"
              label={t('portal.editor.publishAt')}
              description={t('portal.editor.publishAtHint')}
              value={publishAt}
              onChange={(e) => setPublishAt(e.currentTarget.value)}
            />
            <Button
              color="green"
              loading={step.isPending}
              onClick={() =>
                step.mutate({
                  id: latest.id,
                  step: 'publish',
                  body: { publishAt: vietnamInstant(publishAt) },
                })
              }
            >
              {publishAt ? t('portal.editor.schedule') : t('portal.editor.publish')}
            </Button>
          </Group>
          <Group align="flex-end" gap="sm" mt="sm" wrap="wrap">
            <TextInput
              label={t('portal.editor.returnNote')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              style={{ flex: '1 1 18rem' }}
            />
            <Button
              variant="default"
              loading={step.isPending}
              onClick={() => step.mutate({ id: latest.id, step: 'return', body: { note } })}
            >
              {t('portal.editor.return')}
            </Button>
          </Group>
        </Card>
      )}
      {canPublish && (live || scheduled) && (
        <Group>
          <Button
            variant="subtle"
            color="red"
            loading={withdraw.isPending}
            onClick={() => window.confirm(t('portal.editor.withdrawConfirm')) && withdraw.mutate(lang)}
          >
            {t('portal.editor.withdraw')}
          </Button>
        </Group>
      )}
      {latest?.bodyHtml && (
        <Box>
          <Title order={3} size="h5" mb={4}>
            {t('portal.editor.preview')}
          </Title>
          <Text size="xs" c="dimmed" mb="xs">
            {t('portal.editor.previewHint')}
          </Text>
          <Card withBorder radius="md" lang={lang}>
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the server sanitised this HTML on save; this is what the portal shows. */}
            <div dangerouslySetInnerHTML={{ __html: latest.bodyHtml }} />
          </Card>
        </Box>
      )}
    </Stack>
  );
}
