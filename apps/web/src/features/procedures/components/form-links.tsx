import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formUrl } from '../api';

/** Download links (PDF, DOCX) of one form of a dossier. */
export function FormLinks({ id, form }: { id: string; form: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Text size="sm">{t(`procedures.form.${form}` as 'procedures.form.01')}:</Text>
      <Anchor
        href={formUrl(id, form, 'pdf')}
        size="sm"
        aria-label={t('procedures.detail.downloadForm', { form, format: 'PDF' })}
      >
        PDF
      </Anchor>
      <Anchor
        href={formUrl(id, form, 'docx')}
        size="sm"
        aria-label={t('procedures.detail.downloadForm', { form, format: 'DOCX' })}
      >
        DOCX
      </Anchor>
    </Group>
  );
}
