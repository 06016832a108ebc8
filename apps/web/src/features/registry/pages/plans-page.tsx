import { PLAN_INDICATORS, type PlanIndicator, type PlanView } from '@heza/shared/registry';
import {
  Badge,
  Button,
  Card,
  EmptyState,
  Group,
  LoadingOverlay,
  Modal,
  Select,
  Table,
  Tabs,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconCurrencyDollar, IconPlus, IconRefresh, IconTargetArrow } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import type { Language } from '../../../lib/api-types';
import { formatIsoDate, formatNumber } from '../../../lib/format-number';
import { readChoice, useListParams } from '../../../lib/list-params';
import { hasPermission, PERMISSIONS } from '../../../lib/permissions';
import { useCurrentUser } from '../../auth/current-user';
import { DemoBadge } from '../components/badges';
import { ExportButton } from '../components/export-button';
import { ExchangeRateForm, PLAN_INDICATOR_KEYS, PlanForm } from '../components/plan-forms';
import { useExchangeRates, usePlans } from '../plans-api';

function planAmount(p: PlanView, language: Language, unit: string): string {
  if (p.value !== null) return `${formatNumber(p.value, language)} ${unit}`;
  return `${formatNumber(p.rangeLow ?? '0', language)}–${formatNumber(p.rangeHigh ?? '0', language)} ${unit}`;
}

function PlansTab({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const { params, update } = useListParams();
  const yearText = params.get('year') ?? '';
  const year = /^\d{4}$/.test(yearText) ? yearText : '';
  const indicator = readChoice(params, 'indicator', PLAN_INDICATOR_KEYS);
  const plans = usePlans({ year, indicator });
  const [editing, setEditing] = useState<PlanView | 'new' | null>(null);
  const [yearInput, setYearInput] = useState(year);

  return (
    <>
      <Group justify="space-between" align="flex-end" mb="md" wrap="wrap" gap="sm">
        <Group
          component="form"
          role="search"
          aria-label={t('registry.plans.filters')}
          onSubmit={(e) => {
            e.preventDefault();
            update({ year: /^\d{4}$/.test(yearInput) ? yearInput : '' });
          }}
          gap="sm"
          align="flex-end"
          wrap="wrap"
        >
          <TextInput
            label={t('registry.plans.yearFilter')}
            description={t('registry.plans.yearFilterHint')}
            inputMode="numeric"
            maxLength={4}
            w={160}
            value={yearInput}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setYearInput(v);
              if (v === '' || /^\d{4}$/.test(v)) update({ year: v });
            }}
          />
          <Select
            label={t('registry.plans.indicator')}
            data={[
              { value: '', label: t('registry.common.all') },
              ...PLAN_INDICATOR_KEYS.map((k) => ({
                value: k,
                label: t(`registry.enums.planIndicator.${k}`),
              })),
            ]}
            value={indicator}
            onChange={(v) => update({ indicator: v ?? '' })}
            allowDeselect={false}
            w={320}
          />
        </Group>
        <Group gap="sm">
          <ExportButton path="/api/plans/export" query={{}} />
          {canWrite && (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing('new')}>
              {t('registry.plans.create')}
            </Button>
          )}
        </Group>
      </Group>
      {plans.isError && !plans.data ? (
        <QueryError error={plans.error} onRetry={() => void plans.refetch()} />
      ) : (
        <Card withBorder radius="md" padding={0} pos="relative" mih={120}>
          <LoadingOverlay visible={plans.isFetching} overlayProps={{ blur: 1 }} />
          {plans.data && plans.data.length > 0 ? (
            <Table.ScrollContainer minWidth={980}>
              <Table striped verticalSpacing="sm">
                <VisuallyHidden component="caption">{t('registry.plans.caption')}</VisuallyHidden>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('registry.plans.indicator')}</Table.Th>
                    <Table.Th scope="col">{t('registry.plans.years')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('registry.plans.target')}
                    </Table.Th>
                    <Table.Th scope="col">{t('registry.plans.decision')}</Table.Th>
                    <Table.Th scope="col">{t('registry.plans.effectiveFrom')}</Table.Th>
                    <Table.Th scope="col">{t('registry.plans.state')}</Table.Th>
                    {canWrite && (
                      <Table.Th scope="col">
                        <VisuallyHidden>{t('registry.plans.actions')}</VisuallyHidden>
                      </Table.Th>
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {plans.data.map((p) => {
                    const unitKey = PLAN_INDICATORS[p.indicator as PlanIndicator] ?? p.unit;
                    const unit =
                      unitKey === 'usd_m' || unitKey === 'vnd_bn'
                        ? t(`registry.enums.unit.${unitKey}`)
                        : p.unit;
                    const name = (PLAN_INDICATOR_KEYS as string[]).includes(p.indicator)
                      ? t(`registry.enums.planIndicator.${p.indicator as PlanIndicator}`)
                      : p.indicator;
                    return (
                      <Table.Tr key={p.id}>
                        <Table.Td>
                          <Text size="sm" fw={600}>
                            {name}
                          </Text>
                          {(p.source || p.note) && (
                            <Text size="xs" c="dimmed">
                              {[p.source, p.note].filter(Boolean).join(' — ')}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {p.yearFrom === p.yearTo ? p.yearFrom : `${p.yearFrom}–${p.yearTo}`}
                        </Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} fw={600}>
                          {planAmount(p, language, unit)}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">
                            {[
                              p.decisionNo,
                              p.decisionDate &&
                                t('registry.timeline.decisionDate', { date: formatIsoDate(p.decisionDate) }),
                              p.decisionIssuer,
                            ]
                              .filter(Boolean)
                              .join(' ') || '—'}
                          </Text>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatIsoDate(p.effectiveFrom)}</Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            <Badge variant="light" color={p.current ? 'green' : 'gray'} c="dark.8" tt="none">
                              {p.current ? t('registry.plans.current') : t('registry.plans.superseded')}
                            </Badge>
                            {p.isDemo && <DemoBadge />}
                          </Group>
                        </Table.Td>
                        {canWrite && (
                          <Table.Td>
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              leftSection={<IconRefresh size={14} aria-hidden />}
                              onClick={() => setEditing(p)}
                              aria-label={t('registry.plans.reviseLabel', { name, years: p.yearFrom })}
                            >
                              {t('registry.plans.revise')}
                            </Button>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : plans.data ? (
            <EmptyState
              py="xl"
              icon={<IconTargetArrow size={26} aria-hidden />}
              withIndicatorBackground
              title={t('registry.plans.empty')}
            />
          ) : null}
        </Card>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('registry.planForm.title') : t('registry.planForm.reviseTitle')}
        size="lg"
        fullScreen={isMobile}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing !== null && (
          <PlanForm
            revising={editing === 'new' ? undefined : editing}
            onDone={() => setEditing(null)}
            onCancel={() => setEditing(null)}
          />
        )}
      </Modal>
    </>
  );
}

function RatesTab({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const { params, update } = useListParams();
  const currencyParam = (params.get('currency') ?? '').toUpperCase();
  const currency = /^[A-Z]{3}$/.test(currencyParam) ? currencyParam : '';
  const rates = useExchangeRates(currency);
  const [creating, setCreating] = useState(false);
  const [currencyInput, setCurrencyInput] = useState(currency);

  return (
    <>
      <Group justify="space-between" align="flex-end" mb="md" wrap="wrap" gap="sm">
        <Group
          component="form"
          role="search"
          aria-label={t('registry.rates.filters')}
          onSubmit={(e) => e.preventDefault()}
        >
          <TextInput
            label={t('registry.rates.currency')}
            description={t('registry.rates.currencyHint')}
            maxLength={3}
            w={200}
            value={currencyInput}
            onChange={(e) => {
              const v = e.currentTarget.value.toUpperCase();
              setCurrencyInput(v);
              if (v === '' || /^[A-Z]{3}$/.test(v)) update({ currency: v });
            }}
          />
        </Group>
        <Group gap="sm">
          <ExportButton path="/api/exchange-rates/export" query={{}} />
          {canWrite && (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
              {t('registry.rates.create')}
            </Button>
          )}
        </Group>
      </Group>
      {rates.isError && !rates.data ? (
        <QueryError error={rates.error} onRetry={() => void rates.refetch()} />
      ) : (
        <Card withBorder radius="md" padding={0} pos="relative" mih={120}>
          <LoadingOverlay visible={rates.isFetching} overlayProps={{ blur: 1 }} />
          {rates.data && rates.data.length > 0 ? (
            <Table.ScrollContainer minWidth={760}>
              <Table striped verticalSpacing="xs">
                <VisuallyHidden component="caption">{t('registry.rates.caption')}</VisuallyHidden>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('registry.rates.currency')}</Table.Th>
                    <Table.Th scope="col">{t('registry.rates.kind')}</Table.Th>
                    <Table.Th scope="col">{t('registry.rates.validity')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('registry.rates.vndPerUnit')}
                    </Table.Th>
                    <Table.Th scope="col">{t('registry.common.source')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rates.data.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td fw={600}>{r.currency}</Table.Td>
                      <Table.Td>{t(`registry.enums.rateKind.${r.kind}`)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {t('registry.rates.range', {
                          from: formatIsoDate(r.validFrom),
                          to: formatIsoDate(r.validTo),
                        })}
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {formatNumber(r.vndPerUnit, language)}
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">{[r.source, r.decisionNo].filter(Boolean).join(' — ') || '—'}</Text>
                        {r.isDemo && <DemoBadge />}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : rates.data ? (
            <EmptyState
              py="xl"
              icon={<IconCurrencyDollar size={26} aria-hidden />}
              withIndicatorBackground
              title={t('registry.rates.empty')}
            />
          ) : null}
        </Card>
      )}
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('registry.rateForm.title')}
        size="lg"
        fullScreen={isMobile}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {creating && (
          <ExchangeRateForm onDone={() => setCreating(false)} onCancel={() => setCreating(false)} />
        )}
      </Modal>
    </>
  );
}

/** /registry/plans — plans and targets (with their revisions) and the dated exchange rates. */
export function PlansPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canWrite = hasPermission(me, PERMISSIONS.planWrite);
  const { params, update } = useListParams();
  const tab = params.get('tab') === 'rates' ? 'rates' : 'plans';
  return (
    <>
      <PageHeader
        title={t('registry.plans.title')}
        description={t('registry.plans.description')}
        icon={<IconTargetArrow size={28} stroke={1.6} aria-hidden />}
      />
      <Tabs value={tab} onChange={(v) => update({ tab: v === 'rates' ? 'rates' : '' })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="plans" leftSection={<IconTargetArrow size={16} aria-hidden />}>
            {t('registry.plans.tab')}
          </Tabs.Tab>
          <Tabs.Tab value="rates" leftSection={<IconCurrencyDollar size={16} aria-hidden />}>
            {t('registry.rates.tab')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="plans">
          <PlansTab canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="rates">
          <RatesTab canWrite={canWrite} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
