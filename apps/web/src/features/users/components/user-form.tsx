import { Alert, Button, Group, MultiSelect, Radio, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { PasswordField } from '../../../components/password-field';
import { PasswordRequirement } from '../../../components/password-requirement';
import { currentLanguage } from '../../../i18n';
import { isApiError } from '../../../lib/api-client';
import {
  DEPARTMENTS,
  type Department,
  isDepartment,
  type ManagedUser,
  ROLES,
  type Role,
  type ZoneScope,
} from '../../../lib/api-types';
import { formatMoment } from '../../../lib/format';
import {
  type FormErrors,
  hasErrors,
  onSubmit,
  splitFieldErrors,
  useFormState,
} from '../../../lib/use-form-state';
import { isEmail } from '../../../lib/validation';
import { MIN_PASSWORD_LENGTH } from '../../auth/api';
import { type EnterpriseOption, useEnterpriseOptions, useZoneOptions } from '../../registry/api';
import { type CreateUserInput, type UpdateUserInput, useCreateUser, useUpdateUser } from '../api';
import { accountStatus } from './user-status-badge';

export interface UserFormValues {
  email: string;
  fullName: string;
  role: Role | null;
  department: Department | null;
  zoneScope: ZoneScope;
  zoneIds: string[];
  enterpriseId: string | null;
  password: string;
  active: boolean;
}

const FIELDS = [
  'email',
  'fullName',
  'role',
  'department',
  'zoneScope',
  'zoneIds',
  'enterpriseId',
  'password',
  'active',
] as const;

function initialValues(user: ManagedUser | undefined): UserFormValues {
  return {
    email: user?.email ?? '',
    fullName: user?.fullName ?? '',
    role: user?.role ?? null,
    department: isDepartment(user?.department) ? user.department : null,
    zoneScope: user?.zoneScope ?? 'all',
    zoneIds: user?.zones.map((z) => z.id) ?? [],
    enterpriseId: user?.enterprise?.id ?? null,
    password: '',
    active: user?.active ?? true,
  };
}

/** Only the fields that apply to the chosen role are sent (a zone scope means nothing for a leader). */
export function toCreateInput(v: UserFormValues & { role: Role }): CreateUserInput {
  const input: CreateUserInput = {
    email: v.email.trim(),
    fullName: v.fullName.trim(),
    role: v.role,
    password: v.password,
  };
  if (v.role === 'staff') {
    if (v.department) input.department = v.department;
    input.zoneScope = v.zoneScope;
    if (v.zoneScope === 'listed') input.zoneIds = v.zoneIds;
  }
  if (v.role === 'enterprise' && v.enterpriseId) input.enterpriseId = v.enterpriseId;
  return input;
}

/** The editable fields, with explicit nulls clearing what no longer applies after a role change. */
export function toUpdateInput(v: UserFormValues & { role: Role }): UpdateUserInput {
  const staff = v.role === 'staff';
  return {
    fullName: v.fullName.trim(),
    role: v.role,
    department: staff ? v.department : null,
    zoneScope: staff ? v.zoneScope : null,
    zoneIds: staff && v.zoneScope === 'listed' ? v.zoneIds : [],
    enterpriseId: v.role === 'enterprise' ? v.enterpriseId : null,
    active: v.active,
  };
}

function enterpriseLabel(e: Pick<EnterpriseOption, 'name' | 'taxCode'>, t: TFunction): string {
  return e.taxCode ? t('users.form.enterpriseOption', { name: e.name, taxCode: e.taxCode }) : e.name;
}

interface UserFormProps {
  /** The account being edited; none = create a new one. */
  user?: ManagedUser;
  onDone: () => void;
  onCancel: () => void;
}

/** Create or edit an account (inside the modal of the users page). */
export function UserForm({ user, onDone, onCancel }: UserFormProps) {
  const { t } = useTranslation();
  const isEdit = !!user;
  const form = useFormState<UserFormValues>(initialValues(user));
  const { values, errors } = form;
  const create = useCreateUser();
  const update = useUpdateUser();
  const mutation = isEdit ? update : create;

  const zones = useZoneOptions(values.role === 'staff');
  const [enterpriseSearch, setEnterpriseSearch] = useState('');
  const [enterpriseQuery] = useDebouncedValue(enterpriseSearch, 250);
  // The selected enterprise, kept even when the current search results do not include it.
  const [knownEnterprise, setKnownEnterprise] = useState<EnterpriseOption | null>(
    user?.enterprise ? { ...user.enterprise, taxCode: '' } : null,
  );
  const selectedEnterpriseLabel = knownEnterprise ? enterpriseLabel(knownEnterprise, t) : '';
  // The search box shows the selected label after a pick: that is not a query.
  const enterprises = useEnterpriseOptions(
    enterpriseQuery === selectedEnterpriseLabel ? '' : enterpriseQuery.trim(),
    values.role === 'enterprise',
  );
  // The user's enterprise comes without its tax code; take it from the options once they include it.
  useEffect(() => {
    const match = enterprises.data?.find((e) => e.id === knownEnterprise?.id);
    if (match && match.taxCode !== knownEnterprise?.taxCode) setKnownEnterprise(match);
  }, [enterprises.data, knownEnterprise]);

  const enterpriseData = useMemo(() => {
    const items = (enterprises.data ?? []).filter((e) => e.id !== knownEnterprise?.id);
    if (knownEnterprise) items.unshift(knownEnterprise);
    return items.map((e) => ({ value: e.id, label: enterpriseLabel(e, t) }));
  }, [enterprises.data, knownEnterprise, t]);

  // Zones the user already has are kept even if the options list does not (yet) include them.
  const zoneData = useMemo(() => {
    const items = [...(zones.data ?? [])];
    for (const zone of user?.zones ?? []) if (!items.some((z) => z.id === zone.id)) items.push(zone);
    return items.map((z) => ({ value: z.id, label: z.name }));
  }, [zones.data, user]);

  const { otherErrors } = splitFieldErrors<UserFormValues>(mutation.error, FIELDS);
  const conflict = isApiError(mutation.error) && mutation.error.code === 'CONFLICT';
  const showAlert =
    mutation.error &&
    !conflict &&
    !(isApiError(mutation.error) && mutation.error.code === 'VALIDATION_FAILED' && otherErrors.length === 0);

  const validate = (): FormErrors<UserFormValues> => {
    const next: FormErrors<UserFormValues> = {};
    if (!isEdit) {
      if (!values.email.trim()) next.email = t('validation.emailRequired');
      else if (!isEmail(values.email)) next.email = t('validation.emailInvalid');
    }
    if (!values.fullName.trim()) next.fullName = t('validation.fullNameRequired');
    if (!values.role) next.role = t('validation.roleRequired');
    if (values.role === 'staff' && !values.department) next.department = t('validation.departmentRequired');
    if (values.role === 'staff' && values.zoneScope === 'listed' && values.zoneIds.length === 0) {
      next.zoneIds = t('validation.zonesRequired');
    }
    if (values.role === 'enterprise' && !values.enterpriseId)
      next.enterpriseId = t('validation.enterpriseRequired');
    if (!isEdit && values.password.length < MIN_PASSWORD_LENGTH) {
      next.password = t('validation.passwordTooShort', { min: MIN_PASSWORD_LENGTH });
    }
    return next;
  };

  const onError = (error: unknown) => {
    if (isApiError(error) && error.code === 'CONFLICT') {
      form.showErrors({ email: error.message });
      return;
    }
    const { fieldErrors } = splitFieldErrors<UserFormValues>(error, FIELDS, { newPassword: 'password' });
    if (hasErrors(fieldErrors)) form.showErrors(fieldErrors);
  };

  const submit = () => {
    const next = validate();
    if (hasErrors(next) || !values.role) {
      mutation.reset();
      form.showErrors(next);
      return;
    }
    const complete = { ...values, role: values.role };
    if (user) {
      update.mutate(
        { id: user.id, input: toUpdateInput(complete) },
        {
          onSuccess: () => {
            notifications.show({ color: 'green', message: t('users.form.updated', { email: user.email }) });
            onDone();
          },
          onError,
        },
      );
    } else {
      create.mutate(toCreateInput(complete), {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: t('users.form.created', { email: complete.email.trim() }),
          });
          onDone();
        },
        onError,
      });
    }
  };

  const locked = user && accountStatus(user) === 'locked';

  return (
    <form ref={form.formRef} onSubmit={onSubmit(submit)} noValidate>
      <Stack gap="md">
        {showAlert && <FormErrorAlert error={mutation.error} otherErrors={otherErrors} />}
        {locked && (
          <Alert color="orange" variant="light" icon={<IconLock aria-hidden />}>
            {t('users.form.lockedNote', { time: formatMoment(user.lockedUntil, currentLanguage()) })}
          </Alert>
        )}
        <TextInput
          label={t('users.form.email')}
          type="email"
          name="email"
          autoComplete="off"
          required={!isEdit}
          readOnly={isEdit}
          description={isEdit ? t('users.form.emailFixed') : undefined}
          value={values.email}
          onChange={(e) => form.setValue('email', e.currentTarget.value)}
          error={errors.email}
          data-autofocus={!isEdit || undefined}
        />
        <TextInput
          label={t('users.form.fullName')}
          name="fullName"
          autoComplete="off"
          required
          value={values.fullName}
          onChange={(e) => form.setValue('fullName', e.currentTarget.value)}
          error={errors.fullName}
          data-autofocus={isEdit || undefined}
        />
        <Select
          label={t('users.form.role')}
          required
          data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          value={values.role}
          onChange={(role) => form.setValue('role', role as Role | null)}
          description={values.role ? t(`users.form.roleHints.${values.role}`) : undefined}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          error={errors.role}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />

        {values.role === 'staff' && (
          <>
            <Select
              label={t('users.form.department')}
              placeholder={t('users.form.departmentPlaceholder')}
              required
              data={DEPARTMENTS.map((d) => ({ value: d, label: t(`departments.${d}`) }))}
              value={values.department}
              onChange={(d) => form.setValue('department', isDepartment(d) ? d : null)}
              error={errors.department}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <Radio.Group
              label={t('users.form.zoneScope')}
              value={values.zoneScope}
              onChange={(scope) => form.setValue('zoneScope', scope as ZoneScope)}
              error={errors.zoneScope}
              required
            >
              <Stack gap="xs" mt={6}>
                <Radio value="all" label={t('users.form.zoneScopeAll')} />
                <Radio value="listed" label={t('users.form.zoneScopeListed')} />
              </Stack>
            </Radio.Group>
            {values.zoneScope === 'listed' && (
              <MultiSelect
                label={t('users.form.zones')}
                placeholder={values.zoneIds.length === 0 ? t('users.form.zonesPlaceholder') : undefined}
                required
                searchable
                clearable
                data={zoneData}
                value={values.zoneIds}
                onChange={(ids) => form.setValue('zoneIds', ids)}
                error={errors.zoneIds ?? (zones.isError ? t('errors.loadFailed') : undefined)}
                nothingFoundMessage={zones.isPending ? t('app.loading') : t('common.nothingFound')}
                comboboxProps={{ withinPortal: true }}
                hidePickedOptions
              />
            )}
          </>
        )}

        {values.role === 'enterprise' && (
          <Select
            label={t('users.form.enterprise')}
            placeholder={t('users.form.enterprisePlaceholder')}
            required
            searchable
            clearable
            data={enterpriseData}
            value={values.enterpriseId}
            onChange={(id) => {
              form.setValue('enterpriseId', id);
              const picked = enterprises.data?.find((e) => e.id === id);
              if (picked) setKnownEnterprise(picked);
            }}
            searchValue={enterpriseSearch}
            onSearchChange={setEnterpriseSearch}
            filter={({ options }) => options}
            error={errors.enterpriseId ?? (enterprises.isError ? t('errors.loadFailed') : undefined)}
            nothingFoundMessage={enterprises.isFetching ? t('app.loading') : t('common.nothingFound')}
            comboboxProps={{ withinPortal: true }}
          />
        )}

        {!isEdit && (
          <PasswordField
            label={t('users.form.password')}
            name="password"
            autoComplete="new-password"
            required
            value={values.password}
            onChange={(e) => form.setValue('password', e.currentTarget.value)}
            error={errors.password}
            description={<PasswordRequirement password={values.password} min={MIN_PASSWORD_LENGTH} />}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
        )}

        {isEdit && (
          <Switch
            label={t('users.form.active')}
            description={t('users.form.activeHint')}
            checked={values.active}
            onChange={(e) => form.setValue('active', e.currentTarget.checked)}
            error={errors.active}
          />
        )}

        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {isEdit ? t('common.save') : t('users.form.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
