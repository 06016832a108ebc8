import { Alert, Box, Loader, Text } from '@mantine/core';
import type { KeyboardEvent, MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error';
import { useReportPreview } from '../api';

function figureOf(target: EventTarget | null): string | null {
  const el = target instanceof Element ? target.closest('[data-figure]') : null;
  return el?.getAttribute('data-figure') ?? null;
}

/**
 * The report as the official document will read, rendered by the server from the same model as the DOCX.
 * Figures are highlighted (estimates in amber, missing ones in red) and open their records on click or Enter.
 */
export function ReportPreview({ reportId, onFigure }: { reportId: string; onFigure: (key: string) => void }) {
  const { t } = useTranslation();
  const preview = useReportPreview(reportId);
  if (preview.isError) return <QueryError error={preview.error} onRetry={() => preview.refetch()} />;
  if (!preview.data) return <Loader aria-label={t('officialReports.loading')} />;
  const open = (e: MouseEvent | KeyboardEvent) => {
    if ('key' in e && e.key !== 'Enter' && e.key !== ' ') return;
    const key = figureOf(e.target);
    if (key) {
      e.preventDefault();
      onFigure(key);
    }
  };
  return (
    <>
      {preview.data.missing.length > 0 && (
        <Alert color="red" variant="light" mb="sm" title={t('officialReports.figures.missingTitle')}>
          {preview.data.missing.map((m) => m.label).join('; ')}
        </Alert>
      )}
      <Text size="sm" c="dimmed" mb="xs">
        {t('officialReports.preview.hint')}
      </Text>
      <style>{preview.data.css}</style>
      <Box
        style={{
          background: '#fff',
          boxShadow: '0 1px 6px rgba(0,0,0,.15)',
          maxWidth: '21cm',
          padding: '2cm 1.5cm 2cm 3cm',
          overflowX: 'auto',
        }}
        onClick={open}
        onKeyDown={open}
        // The HTML is the server's own rendering of the document model, every text escaped there.
        // biome-ignore lint/security/noDangerouslySetInnerHtml: server-rendered, escaped document preview
        dangerouslySetInnerHTML={{ __html: preview.data.html }}
      />
    </>
  );
}
