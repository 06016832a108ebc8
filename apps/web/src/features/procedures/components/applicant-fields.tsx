import { RETURN_METHODS } from '@heza/shared/procedures';
import { NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The applicant and the request as typed in a form (strings; the shared schema converts). */
export interface ApplicantDraft {
  kind: 'organisation' | 'individual';
  name: string;
  idNumber: string;
  address: string;
  phone: string;
  email: string;
  subject: string;
  setsCount: number;
  returnMethod: (typeof RETURN_METHODS)[number];
  returnAddress: string;
}

export const emptyApplicant = (returnMethod: ApplicantDraft['returnMethod'] = 'counter'): ApplicantDraft => ({
  kind: 'organisation',
  name: '',
  idNumber: '',
  address: '',
  phone: '',
  email: '',
  subject: '',
  setsCount: 1,
  returnMethod,
  returnAddress: '',
});

/** The fields of the submission body built from the draft (the shared schema trims and checks them). */
export function applicantBody(a: ApplicantDraft) {
  return {
    applicant: {
      kind: a.kind,
      name: a.name,
      idNumber: a.idNumber,
      address: a.address,
      phone: a.phone.trim() ? a.phone : null,
      email: a.email.trim() ? a.email : null,
    },
    subject: a.subject,
    setsCount: a.setsCount,
    returnMethod: a.returnMethod,
    returnAddress: a.returnAddress,
  };
}

/** Applicant and request fields; `errors` are keyed by path ('applicant.name', 'subject'…). */
export function ApplicantFields({
  value,
  onChange,
  errors,
}: {
  value: ApplicantDraft;
  onChange: (next: ApplicantDraft) => void;
  errors: Record<string, string | undefined>;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof ApplicantDraft>(key: K, v: ApplicantDraft[K]) =>
    onChange({ ...value, [key]: v });
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('procedures.fields.applicantKind')}
          data={[
            { value: 'organisation', label: t('procedures.applicantKind.organisation') },
            { value: 'individual', label: t('procedures.applicantKind.individual') },
          ]}
          value={value.kind}
          onChange={(v) => v && set('kind', v as ApplicantDraft['kind'])}
          allowDeselect={false}
        />
        <TextInput
          label={t('procedures.fields.applicantName')}
          value={value.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={errors['applicant.name']}
          maxLength={300}
          required
        />
        <TextInput
          label={
            value.kind === 'organisation' ? t('procedures.fields.taxCode') : t('procedures.fields.idNumber')
          }
          value={value.idNumber}
          onChange={(e) => set('idNumber', e.currentTarget.value)}
          error={errors['applicant.idNumber']}
          maxLength={50}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('procedures.fields.address')}
          value={value.address}
          onChange={(e) => set('address', e.currentTarget.value)}
          error={errors['applicant.address']}
          maxLength={500}
        />
        <TextInput
          label={t('procedures.fields.phone')}
          value={value.phone}
          onChange={(e) => set('phone', e.currentTarget.value)}
          error={errors['applicant.phone']}
          inputMode="tel"
        />
        <TextInput
          label={t('procedures.fields.email')}
          type="email"
          value={value.email}
          onChange={(e) => set('email', e.currentTarget.value)}
          error={errors['applicant.email']}
        />
      </SimpleGrid>
      <Textarea
        label={t('procedures.fields.subject')}
        value={value.subject}
        onChange={(e) => set('subject', e.currentTarget.value)}
        error={errors.subject}
        autosize
        minRows={2}
        maxLength={2000}
        required
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NumberInput
          label={t('procedures.fields.setsCount')}
          value={value.setsCount}
          onChange={(v) => set('setsCount', Number(v) || 1)}
          min={1}
          max={50}
          allowDecimal={false}
          error={errors.setsCount}
        />
        <Select
          label={t('procedures.fields.returnMethod')}
          data={RETURN_METHODS.map((m) => ({ value: m, label: t(`procedures.returnMethod.${m}`) }))}
          value={value.returnMethod}
          onChange={(v) => v && set('returnMethod', v as ApplicantDraft['returnMethod'])}
          allowDeselect={false}
        />
        {value.returnMethod === 'post' && (
          <TextInput
            label={t('procedures.fields.returnAddress')}
            value={value.returnAddress}
            onChange={(e) => set('returnAddress', e.currentTarget.value)}
            error={errors.returnAddress}
            maxLength={500}
            required
          />
        )}
      </SimpleGrid>
    </Stack>
  );
}
