import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../../i18n';
import type { ExpressionCheck } from '../logic';

/**
 * The live check of a formula or rule expression: whether it parses (with the character where it stops) and,
 * for each indicator it names, whether that operand can be used. Announced politely to screen readers.
 */
export function ExpressionCheckView({ check, id }: { check: ExpressionCheck; id?: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (check.state === 'empty') return null;
  return (
    <Stack gap={4} id={id} aria-live="polite">
      {check.state === 'syntax' ? (
        <Group gap={6} wrap="nowrap">
          <IconAlertTriangle size={16} color="var(--mantine-color-red-7)" aria-hidden />
          <Text size="sm" c="red.8">
            {t('reportingAdmin.expression.syntax', { position: check.position, detail: check.detail })}
          </Text>
        </Group>
      ) : (
        <>
          <Group gap={6} wrap="nowrap">
            {check.ok ? (
              <IconCircleCheck size={16} color="var(--mantine-color-teal-7)" aria-hidden />
            ) : (
              <IconAlertTriangle size={16} color="var(--mantine-color-red-7)" aria-hidden />
            )}
            <Text size="sm" c={check.ok ? 'teal.8' : 'red.8'}>
              {check.operands.length === 0
                ? t('reportingAdmin.expression.noOperands')
                : t(check.ok ? 'reportingAdmin.expression.ok' : 'reportingAdmin.expression.problems')}
            </Text>
          </Group>
          {check.operands.length > 0 && (
            <Group gap={6} wrap="wrap" role="list" aria-label={t('reportingAdmin.expression.operands')}>
              {check.operands.map((o) => (
                <Badge
                  key={o.text}
                  role="listitem"
                  variant="light"
                  color={o.status === 'ok' ? 'teal' : 'red'}
                  tt="none"
                  title={o.known ? (language === 'vi' ? o.known.nameVi : o.known.nameEn) : undefined}
                >
                  {o.text}
                  {o.status === 'ok' && o.known
                    ? ` — ${language === 'vi' ? o.known.nameVi : o.known.nameEn}`
                    : ` — ${t(`reportingAdmin.expression.status.${o.status}`)}`}
                </Badge>
              ))}
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
