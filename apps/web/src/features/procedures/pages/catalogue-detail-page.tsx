import type { ProcedureView } from '@heza/shared/procedures';
import { Anchor, Badge, Button, Grid, Stack, Table, Text } from '@mantine/core';
import { IconArrowLeft, IconPlus, IconStack2 } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { currentLanguage } from '../../../i18n';
import { formatIsoDate, formatNumber } from '../../../lib/format-number';
import { departmentLabel } from '../../../lib/labels';
import { hasPermission, PERMISSIONS } from '../../../lib/permissions';
import { useCurrentUser } from '../../auth/current-user';
import { useProcedure, useProcedureVersions } from '../api';
import { OnlineLevelBadge } from '../components/badges';
import { Facts, Section } from '../components/section';
import { VersionFormModal } from '../components/version-form-modal';

/** "/procedures/catalogue/:code": the version in force, its documents, fees and steps, and the history. */
export function CatalogueDetailPage() {
  const { code } = useParams();
  const { t } = useTranslation();
  const procedure = useProcedure(code);
  return (
    <>
      <Anchor
        component={Link}
        to="/procedures/catalogue"
        size="sm"
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} aria-hidden />
        {t('procedures.catalogue.back')}
      </Anchor>
      {procedure.isError && <QueryError error={procedure.error} onRetry={() => procedure.refetch()} />}
      {procedure.isPending && <Text c="dimmed">{t('procedures.loading')}</Text>}
      {procedure.data && <ProcedureDetail p={procedure.data} />}
    </>
  );
}

function ProcedureDetail({ p }: { p: ProcedureView }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const user = useCurrentUser();
  const versions = useProcedureVersions(p.code, hasPermission(user, PERMISSIONS.procedureCatalogueRead));
  const [editing, setEditing] = useState(false);
  const name = (b: { vi: string; en: string }) => (language === 'vi' ? b.vi : b.en);
  return (
    <>
      <PageHeader
        title={name(p.name)}
        icon={<IconStack2 size={28} aria-hidden />}
        description={
          <>
            <Text span ff="monospace">
              {p.code}
            </Text>{' '}
            ·{' '}
            {t('procedures.catalogue.versionOf', {
              version: p.version,
              from: formatIsoDate(p.effectiveFrom),
            })}{' '}
            <OnlineLevelBadge level={p.onlineLevel} />
          </>
        }
        actions={
          hasPermission(user, PERMISSIONS.procedureCatalogueWrite) && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing(true)}>
              {t('procedures.version.add')}
            </Button>
          )
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Section title={t('procedures.detail.general')}>
            <Facts
              rows={[
                [t('procedures.fields.field'), `${p.field.code} — ${name(p.field)}`],
                [t('procedures.fields.leadUnit'), departmentLabel(t, p.leadUnit)],
                [t('procedures.fields.timeLimit'), t('procedures.workingDays', { count: p.timeLimitDays })],
                [t('procedures.fields.cutoff'), p.cutoff ?? '—'],
                [t('procedures.fields.onlineLevel'), t(`procedures.onlineLevel.${p.onlineLevel}`)],
                [t('procedures.fields.supplementClock'), t(`procedures.clock.${p.supplementClock}`)],
                [t('procedures.fields.result'), name(p.result)],
                [t('procedures.fields.legalBasis'), p.legalBasis],
                [
                  t('procedures.fields.office'),
                  `${language === 'vi' ? p.office.nameVi : p.office.nameEn} (${p.office.code})`,
                ],
                [t('procedures.fields.note'), p.note ?? '—'],
              ]}
            />
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Section title={t('procedures.detail.documents')}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('procedures.fields.document')}</Table.Th>
                    <Table.Th scope="col">{t('procedures.fields.originals')}</Table.Th>
                    <Table.Th scope="col">{t('procedures.fields.copies')}</Table.Th>
                    <Table.Th scope="col">{t('procedures.fields.required')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.documents.map((d) => (
                    <Table.Tr key={d.key}>
                      <Table.Td>{language === 'vi' ? d.nameVi : d.nameEn}</Table.Td>
                      <Table.Td>{d.originals}</Table.Td>
                      <Table.Td>{d.copies}</Table.Td>
                      <Table.Td>{d.required ? t('procedures.yes') : t('procedures.optional')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Section>
            <Section title={t('procedures.detail.steps')}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">#</Table.Th>
                    <Table.Th scope="col">{t('procedures.fields.step')}</Table.Th>
                    <Table.Th scope="col">{t('procedures.fields.unit')}</Table.Th>
                    <Table.Th scope="col">{t('procedures.fields.role')}</Table.Th>
                    <Table.Th scope="col">{t('procedures.fields.days')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.steps.map((s, i) => (
                    <Table.Tr key={s.key}>
                      <Table.Td>{i + 1}</Table.Td>
                      <Table.Td>{language === 'vi' ? s.nameVi : s.nameEn}</Table.Td>
                      <Table.Td>{departmentLabel(t, s.unit)}</Table.Td>
                      <Table.Td>{t(`procedures.stepRole.${s.role}`)}</Table.Td>
                      <Table.Td>{t('procedures.workingDays', { count: s.days })}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Section>
            <Section title={t('procedures.detail.fees')}>
              {p.fees.length === 0 && <Text c="dimmed">{t('procedures.detail.noFees')}</Text>}
              {p.fees.map((f) => (
                <Text key={f.nameVi} size="sm">
                  {language === 'vi' ? f.nameVi : f.nameEn}:{' '}
                  <strong>
                    {f.amountVnd === null
                      ? t('procedures.detail.feeBySeparateText')
                      : `${formatNumber(f.amountVnd, language)} ₫`}
                  </strong>
                  {(language === 'vi' ? f.noteVi : f.noteEn) &&
                    ` — ${language === 'vi' ? f.noteVi : f.noteEn}`}
                </Text>
              ))}
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={12}>
          <Section title={t('procedures.detail.versions')}>
            {versions.isError && <QueryError error={versions.error} onRetry={() => versions.refetch()} />}
            {versions.data && (
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('procedures.fields.version')}</Table.Th>
                    <Table.Th scope="col">{t('procedures.fields.effectiveFrom')}</Table.Th>
                    <Table.Th scope="col">{t('procedures.fields.effectiveTo')}</Table.Th>
                    <Table.Th scope="col">{t('procedures.fields.timeLimit')}</Table.Th>
                    <Table.Th scope="col">{t('procedures.fields.onlineLevel')}</Table.Th>
                    <Table.Th scope="col">{t('procedures.detail.documentsCount')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {versions.data.map((v) => (
                    <Table.Tr key={v.id}>
                      <Table.Td>
                        {v.version}{' '}
                        {v.id === p.id && (
                          <Badge size="xs" variant="light">
                            {t('procedures.detail.inForce')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{formatIsoDate(v.effectiveFrom)}</Table.Td>
                      <Table.Td>{v.effectiveTo ? formatIsoDate(v.effectiveTo) : '—'}</Table.Td>
                      <Table.Td>{t('procedures.workingDays', { count: v.timeLimitDays })}</Table.Td>
                      <Table.Td>{t(`procedures.onlineLevel.${v.onlineLevel}`)}</Table.Td>
                      <Table.Td>{v.documents.length}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Section>
        </Grid.Col>
      </Grid>
      <VersionFormModal opened={editing} onClose={() => setEditing(false)} base={p} />
    </>
  );
}
