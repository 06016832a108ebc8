import { DISPLAY_UNITS, type IndicatorView } from '@heza/shared/reporting';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  LoadingOverlay,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { IconListDetails, IconPlus, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../../components/page-header';
import { QueryError } from '../../../../components/query-error';
import { currentLanguage } from '../../../../i18n';
import { hasPermission, PERMISSIONS } from '../../../../lib/permissions';
import { useCurrentUser } from '../../../auth/current-user';
import { useIndicators } from '../../api';

const SOURCES = ['all', 'reported', 'computed', 'registry'] as const;

/** Folds Vietnamese diacritics so "lao dong" finds "Lao động". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** /reporting/indicators — the indicator catalogue; administrators add and edit indicators. */
export function IndicatorsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const user = useCurrentUser();
  const canWrite = hasPermission(user, PERMISSIONS.indicatorWrite);
  const indicators = useIndicators();
  const [q, setQ] = useState('');
  const [source, setSource] = useState<(typeof SOURCES)[number]>('all');
  const items = useMemo(() => {
    const needle = fold(q.trim());
    return (indicators.data?.items ?? []).filter(
      (i) =>
        (source === 'all' || i.source === source) &&
        (!needle || fold(`${i.code} ${i.nameVi} ${i.nameEn}`).includes(needle)),
    );
  }, [indicators.data, q, source]);
  const byCode = new Map((indicators.data?.items ?? []).map((i) => [i.code, i]));
  const name = (i: Pick<IndicatorView, 'nameVi' | 'nameEn'>) => (language === 'vi' ? i.nameVi : i.nameEn);

  const aggregationText = (i: IndicatorView) => {
    const base = t(`reportingAdmin.enums.aggregation.${i.aggregation}`);
    if (i.aggregation === 'weighted_average' && i.weightIndicator) {
      const w = byCode.get(i.weightIndicator);
      return `${base} (${t('reportingAdmin.indicators.weightBy', { name: w ? name(w) : i.weightIndicator })})`;
    }
    if (i.aggregation === 'formula' && i.formula) return `${base}: ${i.formula}`;
    return base;
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('reportingAdmin.indicators.title')}
        description={t('reportingAdmin.indicators.description')}
        icon={<IconListDetails size={28} aria-hidden />}
        actions={
          canWrite ? (
            <Button
              component={Link}
              to="/reporting/indicators/new"
              leftSection={<IconPlus size={18} aria-hidden />}
            >
              {t('reportingAdmin.indicators.add')}
            </Button>
          ) : null
        }
      />
      {!canWrite && (
        <Text size="sm" c="dimmed">
          {t('reportingAdmin.common.readOnly')}
        </Text>
      )}
      <Card withBorder>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            type="search"
            label={t('reportingAdmin.common.search')}
            description={t('reportingAdmin.indicators.searchHint')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            style={{ flex: '1 1 18rem' }}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="indicator-source-label">
              {t('reportingAdmin.indicators.source')}
            </Text>
            <SegmentedControl
              aria-labelledby="indicator-source-label"
              value={source}
              onChange={(v) => setSource(v as (typeof SOURCES)[number])}
              data={SOURCES.map((s) => ({
                value: s,
                label: s === 'all' ? t('reportingAdmin.common.all') : t(`reportingAdmin.enums.source.${s}`),
              }))}
            />
          </Stack>
        </Group>
      </Card>
      {indicators.isError && <QueryError error={indicators.error} onRetry={() => indicators.refetch()} />}
      {indicators.isPending && <LoadingOverlay visible />}
      {indicators.data && items.length === 0 && (
        <Text c="dimmed">{t('reportingAdmin.indicators.empty')}</Text>
      )}
      {items.length > 0 && (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={980}>
            <Table striped highlightOnHover verticalSpacing="xs">
              <VisuallyHidden component="caption">{t('reportingAdmin.indicators.caption')}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('reportingAdmin.indicators.code')}</Table.Th>
                  <Table.Th scope="col">{t('reportingAdmin.indicators.name')}</Table.Th>
                  <Table.Th scope="col">{t('reportingAdmin.indicators.unit')}</Table.Th>
                  <Table.Th scope="col">{t('reportingAdmin.indicators.source')}</Table.Th>
                  <Table.Th scope="col">{t('reportingAdmin.indicators.aggregation')}</Table.Th>
                  <Table.Th scope="col">{t('reportingAdmin.indicators.disaggregations')}</Table.Th>
                  <Table.Th scope="col">{t('reportingAdmin.common.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((i) => (
                  <Table.Tr key={i.code}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" ff="monospace">
                        {i.code}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/reporting/indicators/${i.code}`} size="sm" fw={500}>
                        {name(i)}
                      </Anchor>
                      {language === 'vi' && (
                        <Text size="xs" c="dimmed">
                          {i.nameEn}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {DISPLAY_UNITS[i.displayUnit][language] || t('reportingAdmin.enums.unit.count')}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Badge
                        variant="light"
                        color={i.source === 'reported' ? 'blue' : i.source === 'computed' ? 'grape' : 'gray'}
                      >
                        {t(`reportingAdmin.enums.source.${i.source}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{aggregationText(i)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {i.disaggregations
                          .map(
                            (d) =>
                              `${name(d)}${d.required ? ` (${t('reportingAdmin.indicators.requiredShort')})` : ''}`,
                          )
                          .join(', ') || '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Badge variant="outline" color={i.active ? 'teal' : 'gray'}>
                        {t(i.active ? 'reportingAdmin.common.active' : 'reportingAdmin.common.inactive')}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
  );
}
