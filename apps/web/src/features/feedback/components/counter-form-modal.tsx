import { CounterFeedbackInput, FEEDBACK_KINDS } from '@heza/shared/feedback';
import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { currentLanguage } from '../../../i18n';
import { fieldErrorMap } from '../../../lib/api-client';
import { type CounterInput, findDossierByCode, useCategories, useRecordAtCounter } from '../api';
import { schemaErrors } from '../lib/schema-errors';

const EMPTY = {
  kind: 'feedback' as (typeof FEEDBACK_KINDS)[number],
  categoryCode: '',
  requesterName: '',
  requesterOrganisation: '',
  requesterEmail: '',
  requesterPhone: '',
  subject: '',
  body: '',
  dossierCode: '',
  procedureCode: '',
};
type Values = typeof EMPTY;

/** "Record at the counter": a submission brought in person or by post, entered by one-stop staff. */
export function CounterFormModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const categories = useCategories();
  const record = useRecordAtCounter();
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const [looking, setLooking] = useState(false);
  const server = fieldErrorMap(record.error);
  const set = <K extends keyof Values>(k: K, v: Values[K]) => {
    setValues((c) => ({ ...c, [k]: v }));
    setErrors((e) => ({ ...e, [k]: undefined }));
  };
  const err = (k: keyof Values) => errors[k] ?? server[k];

  const close = () => {
    setValues(EMPTY);
    setErrors({});
    record.reset();
    onClose();
  };

  const submit = async () => {
    const input: CounterInput = {
      kind: values.kind,
      categoryCode: values.categoryCode,
      requesterName: values.requesterName,
      requesterOrganisation: values.requesterOrganisation,
      requesterEmail: values.requesterEmail.trim() || null,
      requesterPhone: values.requesterPhone.trim() || null,
      subject: values.subject,
      body: values.body,
      procedureCode: values.procedureCode.trim() || null,
      dossierId: null,
    };
    const next: Partial<Record<keyof Values, string>> = {};
    if (!values.categoryCode) next.categoryCode = t('feedback.counter.categoryRequired');
    const parsed = CounterFeedbackInput.safeParse(input);
    if (!parsed.success) {
      const fromSchema = schemaErrors(parsed.error, language, (f) =>
        t('feedback.form.invalidField', {
          field: t(`feedback.counter.fields.${f}` as 'feedback.counter.fields.subject'),
        }),
      );
      // The form's own messages (the category) win over the schema's generic ones.
      for (const [k, v] of Object.entries(fromSchema)) next[k as keyof Values] ??= v;
    }
    if (values.dossierCode.trim() && Object.keys(next).length === 0) {
      setLooking(true);
      try {
        const dossier = await findDossierByCode(values.dossierCode);
        if (!dossier) next.dossierCode = t('feedback.counter.dossierNotFound');
        else input.dossierId = dossier.id;
      } catch {
        next.dossierCode = t('feedback.counter.dossierLookupFailed');
      } finally {
        setLooking(false);
      }
    }
    setErrors(next);
    if (Object.values(next).some(Boolean)) return;
    record.mutate(input, {
      onSuccess: (f) => {
        notifications.show({ color: 'green', message: t('feedback.counter.recorded', { code: f.code }) });
        close();
        navigate(`/feedback/${f.id}`);
      },
    });
  };

  return (
    <Modal opened={opened} onClose={close} title={t('feedback.counter.title')} size="xl">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('feedback.counter.help')}
          </Text>
          <FormErrorAlert error={record.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('feedback.counter.fields.kind')}
              data={FEEDBACK_KINDS.map((k) => ({ value: k, label: t(`feedback.kind.${k}`) }))}
              value={values.kind}
              onChange={(v) => v && set('kind', v as Values['kind'])}
              allowDeselect={false}
              required
            />
            <Select
              label={t('feedback.counter.fields.categoryCode')}
              data={(categories.data ?? []).map((c) => ({
                value: c.code,
                label: language === 'vi' ? c.name.vi : c.name.en,
              }))}
              value={values.categoryCode || null}
              onChange={(v) => set('categoryCode', v ?? '')}
              error={err('categoryCode')}
              required
            />
            <TextInput
              label={t('feedback.counter.fields.requesterName')}
              value={values.requesterName}
              onChange={(e) => set('requesterName', e.currentTarget.value)}
              error={err('requesterName')}
              required
              maxLength={300}
            />
            <TextInput
              label={t('feedback.counter.fields.requesterOrganisation')}
              value={values.requesterOrganisation}
              onChange={(e) => set('requesterOrganisation', e.currentTarget.value)}
              error={err('requesterOrganisation')}
              maxLength={300}
            />
            <TextInput
              label={t('feedback.counter.fields.requesterEmail')}
              type="email"
              value={values.requesterEmail}
              onChange={(e) => set('requesterEmail', e.currentTarget.value)}
              error={err('requesterEmail')}
            />
            <TextInput
              label={t('feedback.counter.fields.requesterPhone')}
              type="tel"
              value={values.requesterPhone}
              onChange={(e) => set('requesterPhone', e.currentTarget.value)}
              error={err('requesterPhone')}
            />
          </SimpleGrid>
          <TextInput
            label={t('feedback.counter.fields.subject')}
            value={values.subject}
            onChange={(e) => set('subject', e.currentTarget.value)}
            error={err('subject')}
            required
            maxLength={300}
          />
          <Textarea
            label={t('feedback.counter.fields.body')}
            value={values.body}
            onChange={(e) => set('body', e.currentTarget.value)}
            error={err('body')}
            required
            autosize
            minRows={4}
            maxLength={10000}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('feedback.counter.fields.dossierCode')}
              description={t('feedback.counter.dossierHelp')}
              value={values.dossierCode}
              onChange={(e) => set('dossierCode', e.currentTarget.value)}
              error={err('dossierCode') ?? server.dossierId}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            />
            <TextInput
              label={t('feedback.counter.fields.procedureCode')}
              description={t('feedback.counter.procedureHelp')}
              value={values.procedureCode}
              onChange={(e) => set('procedureCode', e.currentTarget.value)}
              error={err('procedureCode')}
              maxLength={60}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={looking || record.isPending}>
              {t('feedback.counter.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
