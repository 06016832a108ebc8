import type { LedgerEntryView } from '@heza/shared/registry';
import { Badge, Stack, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';
import type { Language } from '../../../lib/api-types';
import { formatIsoDate, formatNumber } from '../../../lib/format-number';
import { DemoBadge } from './badges';

/** How the USD and VND of an entry were obtained, in words ("Tỷ giá 23.400 đồng/USD"). */
export function fxText(
  entry: Pick<LedgerEntryView, 'fxSource' | 'fxVndPerUsd'>,
  t: TFunction,
  language: Language,
) {
  if (entry.fxSource === 'rate_table')
    return t('registry.enums.fxSource.rate_table', {
      rate: entry.fxVndPerUsd ? formatNumber(entry.fxVndPerUsd, language, { decimals: 2 }) : '—',
    });
  return t(`registry.enums.fxSource.${entry.fxSource}`);
}

function signed(value: string, language: Language, decimals: number): string {
  const text = formatNumber(value, language, { decimals });
  return value.startsWith('-') || /^0+(\.0+)?$/.test(value) ? text : `+${text}`;
}

/**
 * The certificate ledger, oldest entry first. Entries are never edited: a correction is a later row that
 * names the entry it corrects.
 */
export function LedgerTable({ entries, caption }: { entries: LedgerEntryView[]; caption: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const bySeq = new Map(entries.map((e) => [e.id, e.seq]));
  const right = { ta: 'right' as const, style: { whiteSpace: 'nowrap' as const } };
  return (
    <Table.ScrollContainer minWidth={1280}>
      <Table striped verticalSpacing="xs" fz="sm">
        <caption
          style={{ captionSide: 'top', textAlign: 'left', padding: '0 var(--mantine-spacing-lg) 6px' }}
        >
          <Text size="sm" c="dimmed" component="span">
            {caption}
          </Text>
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('registry.ledger.seq')}</Table.Th>
            <Table.Th scope="col">{t('registry.ledger.kind')}</Table.Th>
            <Table.Th scope="col">{t('registry.ledger.certificate')}</Table.Th>
            <Table.Th scope="col" {...right}>
              {t('registry.ledger.before')}
            </Table.Th>
            <Table.Th scope="col" {...right}>
              {t('registry.ledger.change')}
            </Table.Th>
            <Table.Th scope="col" {...right}>
              {t('registry.ledger.after')}
            </Table.Th>
            <Table.Th scope="col" {...right}>
              {t('registry.ledger.changeUsd')}
            </Table.Th>
            <Table.Th scope="col" {...right}>
              {t('registry.ledger.changeVnd')}
            </Table.Th>
            <Table.Th scope="col">{t('registry.ledger.rate')}</Table.Th>
            <Table.Th scope="col">{t('registry.ledger.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => {
            const corrected = e.correctsEntryId ? bySeq.get(e.correctsEntryId) : undefined;
            const isDeal = e.kind === 'share_purchase';
            return (
              <Table.Tr key={e.id}>
                <Table.Th scope="row" fw={600}>
                  {e.seq}
                </Table.Th>
                <Table.Td>
                  <Stack gap={2} align="flex-start">
                    <Text size="sm" fw={600}>
                      {t(`registry.enums.ledgerKind.${e.kind}`)}
                    </Text>
                    {e.kind === 'correction' && (
                      <Badge variant="light" color="orange" c="dark.8" tt="none" size="sm">
                        {corrected
                          ? t('registry.ledger.corrects', {
                              seq: corrected,
                              kind: t(`registry.enums.ledgerKind.${e.countsAs}`),
                            })
                          : t(`registry.enums.ledgerKind.${e.countsAs}`)}
                      </Badge>
                    )}
                    {e.isDemo && <DemoBadge />}
                  </Stack>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm" ff="monospace">
                    {e.certificateNo}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {e.amendmentNo > 0
                      ? t('registry.ledger.amendmentOn', {
                          n: e.amendmentNo,
                          date: formatIsoDate(e.certificateDate),
                        })
                      : t('registry.ledger.issuedOn', { date: formatIsoDate(e.certificateDate) })}
                  </Text>
                  {e.effectiveDate !== e.certificateDate && (
                    <Text size="xs" c="dimmed">
                      {t('registry.ledger.countsOn', { date: formatIsoDate(e.effectiveDate) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td {...right}>{formatNumber(e.capitalBefore, language)}</Table.Td>
                <Table.Td {...right}>
                  {isDeal && e.dealValue !== null ? (
                    <Stack gap={0} align="flex-end">
                      <Text size="sm">{formatNumber(e.dealValue, language)}</Text>
                      <Text size="xs" c="dimmed">
                        {t('registry.ledger.dealValue')}
                      </Text>
                    </Stack>
                  ) : (
                    signed(e.capitalChange, language, 2)
                  )}
                </Table.Td>
                <Table.Td {...right}>
                  <Text size="sm" fw={600}>
                    {formatNumber(e.capitalAfter, language)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {e.currency}
                  </Text>
                </Table.Td>
                <Table.Td {...right}>
                  {signed(isDeal && e.deal ? e.deal.usd : e.change.usd, language, 2)}
                </Table.Td>
                <Table.Td {...right}>
                  {signed(isDeal && e.deal ? e.deal.vnd : e.change.vnd, language, 0)}
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{fxText(e, t, language)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{[e.reason, e.note].filter(Boolean).join(' — ') || '—'}</Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
