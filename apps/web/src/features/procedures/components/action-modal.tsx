import {
  type DossierView,
  ExtensionInput,
  NoteInput,
  ProvideSupplementInput,
  RETURN_METHODS,
  ReasonInput,
  ResultInput,
  ReturnInput,
  type StoredFileView,
  SupplementRequestInput,
} from '@heza/shared/procedures';
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { currentLanguage } from '../../../i18n';
import type { DossierActions } from '../api';
import type { DossierAction } from '../lib/dossier';
import { apiIssuesByPath, issuesByPath } from '../lib/issues';
import { FileUpload } from './file-upload';

type ModalAction = Exclude<DossierAction, 'claim'>;

/** The dialog of one action: asks for what the action needs, checks it with the shared schema, sends it. */
export function ActionModal({
  action,
  dossier,
  actions,
  onClose,
}: {
  action: ModalAction | null;
  dossier: DossierView;
  actions: DossierActions;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={!!action}
      onClose={onClose}
      title={action ? t(`procedures.actions.${action}`) : ''}
      size="lg"
    >
      {action && <ActionForm key={action} action={action} d={dossier} actions={actions} onDone={onClose} />}
    </Modal>
  );
}

interface SupplementRow {
  name: string;
  reason: string;
  documentKey?: string | null;
}

interface ProvidedRow {
  documentKey: string | null;
  name: string;
  originals: number;
  copies: number;
  file: StoredFileView | null;
}

function ActionForm({
  action,
  d,
  actions,
  onDone,
}: {
  action: ModalAction;
  d: DossierView;
  actions: DossierActions;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [items, setItems] = useState<SupplementRow[]>([]);
  const [method, setMethod] = useState<string>(d.returnMethod);
  const [resultNumber, setResultNumber] = useState('');
  const [resultFile, setResultFile] = useState<StoredFileView | null>(null);
  const [ext, setExt] = useState({ newDueDate: '', newDueTime: '16:30', signerName: '', signerTitle: '' });
  const open = d.supplements.filter((s) => !s.fulfilledAt).at(-1);
  const [provided, setProvided] = useState<ProvidedRow[]>(() =>
    (open?.items ?? []).map((i) => ({
      documentKey: i.documentKey ?? null,
      name: i.name,
      originals: 0,
      copies: 0,
      file: null,
    })),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const fallback = () => t('procedures.invalidValue');
  const mutation = actions[action];
  const lastStep = !!d.currentStep && d.currentStep.position === d.steps.length - 1;

  function run<S extends z.ZodType>(schema: S, value: unknown, send: (input: z.output<S>) => void) {
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      setErrors(issuesByPath(parsed.error, language, fallback));
      return;
    }
    setErrors({});
    send(parsed.data);
  }
  const done = {
    onSuccess: () => {
      notifications.show({
        color: 'green',
        message: t('procedures.actions.done', { action: t(`procedures.actions.${action}`) }),
      });
      onDone();
    },
    onError: (e: unknown) => setErrors(apiIssuesByPath(e)),
  };

  const submit = () => {
    switch (action) {
      case 'receive':
      case 'transfer':
      case 'completeStep':
      case 'archive':
        return run(NoteInput, { note }, (input) =>
          (actions[action].mutate as (i: typeof input, o: typeof done) => void)(input, done),
        );
      case 'reject':
      case 'stop':
      case 'withdraw':
        return run(ReasonInput, { reason, legalBasis }, (input) =>
          (actions[action].mutate as (i: typeof input, o: typeof done) => void)(input, done),
        );
      case 'intakeSupplement':
      case 'appraisalSupplement':
        return run(SupplementRequestInput, { reason, legalBasis, items }, (input) =>
          (actions[action].mutate as (i: typeof input, o: typeof done) => void)(input, done),
        );
      case 'counterSupplement':
      case 'applicantSupplement': {
        const documents = provided
          .filter((p) => p.file || p.originals + p.copies > 0)
          .map((p) => ({
            documentKey: p.documentKey,
            name: p.documentKey ? null : p.name,
            originals: p.originals,
            copies: p.copies,
            fileId: p.file?.id ?? null,
          }));
        if (documents.length === 0) {
          setErrors({ documents: t('procedures.supplement.noneProvided') });
          return;
        }
        return run(ProvideSupplementInput, { documents, note }, (input) =>
          (actions[action].mutate as (i: typeof input, o: typeof done) => void)(input, done),
        );
      }
      case 'result':
        return run(ResultInput, { fileId: resultFile?.id ?? null, resultNumber, note }, (input) =>
          actions.result.mutate(input, done),
        );
      case 'extend':
        return run(ExtensionInput, { reason, ...ext }, (input) => actions.extend.mutate(input, done));
      case 'returnResult':
        return run(ReturnInput, { method, note }, (input) => actions.returnResult.mutate(input, done));
    }
  };

  const reasonField = (label: string) => (
    <Textarea
      label={label}
      value={reason}
      onChange={(e) => setReason(e.currentTarget.value)}
      error={errors.reason}
      autosize
      minRows={3}
      maxLength={2000}
      required
      data-autofocus
    />
  );
  const noteField = (
    <Textarea
      label={t('procedures.fields.note')}
      value={note}
      onChange={(e) => setNote(e.currentTarget.value)}
      error={errors.note}
      autosize
      minRows={2}
      maxLength={2000}
    />
  );
  const legalField = (
    <TextInput
      label={t('procedures.fields.legalBasis')}
      value={legalBasis}
      onChange={(e) => setLegalBasis(e.currentTarget.value)}
      maxLength={1000}
    />
  );
  const other = Object.entries(errors).filter(
    ([k, m]) =>
      m && !['reason', 'note', 'newDueDate', 'signerName', 'signerTitle', 'resultNumber'].includes(k),
  );

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <FormErrorAlert
          error={mutation.error}
          otherErrors={mutation.error ? other.map(([field, message]) => ({ field, message })) : []}
        />
        {other.length > 0 && !mutation.error && (
          <Alert color="red" variant="light" role="alert">
            {other.map(([k, m]) => (
              <Text key={k} size="sm">
                {m}
              </Text>
            ))}
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          {t(`procedures.actionHelp.${action}`)}
        </Text>
        {(action === 'receive' || action === 'transfer' || action === 'archive') && noteField}
        {action === 'completeStep' && (
          <>
            {lastStep && !d.result.fileId && !d.result.number && (
              <Alert color="yellow" variant="light">
                {t('procedures.actionHelp.needResult')}
              </Alert>
            )}
            {noteField}
          </>
        )}
        {(action === 'reject' || action === 'stop' || action === 'withdraw') && (
          <>
            {reasonField(t('procedures.fields.reason'))}
            {legalField}
          </>
        )}
        {(action === 'intakeSupplement' || action === 'appraisalSupplement') && (
          <>
            {reasonField(t('procedures.fields.supplementReason'))}
            {legalField}
            <Text size="sm" fw={500}>
              {t('procedures.supplement.items')}
            </Text>
            {items.map((item, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place.
              <Group key={i} align="flex-end" gap="xs" wrap="nowrap">
                <TextInput
                  label={t('procedures.supplement.itemName', { row: i + 1 })}
                  value={item.name}
                  onChange={(e) => {
                    const name = e.currentTarget.value;
                    setItems((xs) => xs.map((x, j) => (j === i ? { ...x, name } : x)));
                  }}
                  error={errors[`items.${i}.name`]}
                  style={{ flex: 1 }}
                />
                <TextInput
                  label={t('procedures.supplement.itemReason', { row: i + 1 })}
                  value={item.reason}
                  onChange={(e) => {
                    const r = e.currentTarget.value;
                    setItems((xs) => xs.map((x, j) => (j === i ? { ...x, reason: r } : x)));
                  }}
                  error={errors[`items.${i}.reason`]}
                  style={{ flex: 1 }}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mb={4}
                  onClick={() => setItems((xs) => xs.filter((_, j) => j !== i))}
                  aria-label={t('procedures.supplement.removeItem', { row: i + 1 })}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="subtle"
              size="xs"
              w="fit-content"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => setItems((xs) => [...xs, { name: '', reason: '' }])}
            >
              {t('procedures.supplement.addItem')}
            </Button>
          </>
        )}
        {(action === 'counterSupplement' || action === 'applicantSupplement') && (
          <>
            {open && <Text size="sm">{t('procedures.supplement.requested', { reason: open.reason })}</Text>}
            {errors.documents && (
              <Text c="red" size="sm" role="alert">
                {errors.documents}
              </Text>
            )}
            {provided.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the rows are the request's items, fixed in order.
              <Stack key={i} gap={4}>
                {action === 'counterSupplement' && (
                  <SimpleGrid cols={2}>
                    <NumberInput
                      label={t('procedures.counter.originalsOf', { name: p.name })}
                      value={p.originals}
                      min={0}
                      max={50}
                      allowDecimal={false}
                      onChange={(v) =>
                        setProvided((xs) =>
                          xs.map((x, j) => (j === i ? { ...x, originals: Number(v) || 0 } : x)),
                        )
                      }
                    />
                    <NumberInput
                      label={t('procedures.counter.copiesOf', { name: p.name })}
                      value={p.copies}
                      min={0}
                      max={50}
                      allowDecimal={false}
                      onChange={(v) =>
                        setProvided((xs) =>
                          xs.map((x, j) => (j === i ? { ...x, copies: Number(v) || 0 } : x)),
                        )
                      }
                    />
                  </SimpleGrid>
                )}
                <FileUpload
                  label={t('procedures.supplement.fileOf', { name: p.name })}
                  value={p.file}
                  onChange={(file) => setProvided((xs) => xs.map((x, j) => (j === i ? { ...x, file } : x)))}
                />
              </Stack>
            ))}
            {noteField}
          </>
        )}
        {action === 'result' && (
          <>
            <TextInput
              label={t('procedures.fields.resultNumber')}
              value={resultNumber}
              onChange={(e) => setResultNumber(e.currentTarget.value)}
              error={errors.resultNumber}
              maxLength={100}
              data-autofocus
            />
            <FileUpload
              label={t('procedures.fields.resultFile')}
              value={resultFile}
              onChange={setResultFile}
            />
            {noteField}
          </>
        )}
        {action === 'extend' && (
          <>
            {reasonField(t('procedures.fields.delayReason'))}
            <SimpleGrid cols={2}>
              <TextInput
                type="date"
                label={t('procedures.fields.newDueDate')}
                value={ext.newDueDate}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setExt((x) => ({ ...x, newDueDate: v }));
                }}
                error={errors.newDueDate}
                required
              />
              <TextInput
                type="time"
                label={t('procedures.fields.newDueTime')}
                value={ext.newDueTime}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setExt((x) => ({ ...x, newDueTime: v }));
                }}
                error={errors.newDueTime}
              />
              <TextInput
                label={t('procedures.fields.signerName')}
                value={ext.signerName}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setExt((x) => ({ ...x, signerName: v }));
                }}
                error={errors.signerName}
                required
              />
              <TextInput
                label={t('procedures.fields.signerTitle')}
                value={ext.signerTitle}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setExt((x) => ({ ...x, signerTitle: v }));
                }}
                error={errors.signerTitle}
                required
              />
            </SimpleGrid>
          </>
        )}
        {action === 'returnResult' && (
          <>
            <Select
              label={t('procedures.fields.returnMethod')}
              data={RETURN_METHODS.map((m) => ({ value: m, label: t(`procedures.returnMethod.${m}`) }))}
              value={method}
              onChange={(v) => v && setMethod(v)}
              allowDeselect={false}
            />
            {noteField}
          </>
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('procedures.cancel')}
          </Button>
          <Button
            type="submit"
            loading={mutation.isPending}
            color={action === 'reject' || action === 'stop' || action === 'withdraw' ? 'red' : undefined}
          >
            {t(`procedures.actions.${action}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
