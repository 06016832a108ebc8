import { checkPattern } from '@heza/shared/official-reports';
import { Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';
import { useFigureCatalogue } from '../api';

/**
 * A computed-sentence pattern: a textarea whose {slots} are checked as one types (the same check as the
 * server's, from the shared package), with pickers that insert a figure or a period fact at the cursor.
 */
export function PatternField({
  label,
  value,
  onChange,
  readOnly,
  error,
  minRows = 2,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  readOnly?: boolean;
  error?: string;
  minRows?: number;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const catalogue = useFigureCatalogue();
  const ref = useRef<HTMLTextAreaElement>(null);
  const problems = checkPattern(value);
  const insert = (token: string) => {
    const el = ref.current;
    const at = el ? el.selectionStart : value.length;
    const end = el ? el.selectionEnd : value.length;
    onChange(`${value.slice(0, at)}{${token}}${value.slice(end)}`);
    requestAnimationFrame(() => {
      el?.focus();
      const pos = at + token.length + 2;
      el?.setSelectionRange(pos, pos);
    });
  };
  const figures = (catalogue.data?.figures ?? []).map((f) => ({
    value: f.key,
    label: `${language === 'en' ? f.labelEn : f.labelVi} — {${f.key}}`,
  }));
  const tokens = (catalogue.data?.periodTokens ?? []).map((p) => ({
    value: p,
    label: `{${p}} — ${t(`officialReports.tokens.${p}` as 'officialReports.tokens.period')}`,
  }));
  return (
    <Stack gap={4}>
      <Textarea
        ref={ref}
        label={label}
        description={t('officialReports.items.patternHint')}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        autosize
        minRows={minRows}
        readOnly={readOnly}
        error={
          error ??
          (problems.length ? problems.map((p) => (language === 'en' ? p.en : p.vi)).join(' ') : undefined)
        }
        styles={{ input: { fontFamily: 'ui-monospace, monospace', fontSize: 13 } }}
      />
      {!readOnly && (
        <Group gap="xs" wrap="wrap">
          <Select
            aria-label={t('officialReports.items.insertFigure')}
            placeholder={t('officialReports.items.insertFigure')}
            data={figures}
            searchable
            value={null}
            onChange={(v) => v && insert(v)}
            size="xs"
            w={340}
            nothingFoundMessage={t('officialReports.items.noFigure')}
          />
          <Select
            aria-label={t('officialReports.items.insertToken')}
            placeholder={t('officialReports.items.insertToken')}
            data={tokens}
            value={null}
            onChange={(v) => v && insert(v)}
            size="xs"
            w={260}
          />
          {problems.length === 0 && (
            <Text size="xs" c="teal">
              {t('officialReports.items.slotsOk')}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}
