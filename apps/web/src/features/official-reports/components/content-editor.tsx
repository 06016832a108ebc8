import {
  type BodyItem,
  DOCUMENT_TYPES,
  headingNumbers,
  NUMBERING_STYLES,
  type ReportContent,
  SIGNER_AUTHORITIES,
} from '@heza/shared/official-reports';
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Menu,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PatternField } from './pattern-field';

type Header = ReportContent['header'];
type Closing = ReportContent['closing'];

/** Field errors from the server (`content.body.3.pattern` → message), shown under their field. */
export type ContentErrors = Record<string, string>;

const lines = (v: string) =>
  v
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
let idSeq = 0;
const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}${(++idSeq).toString(36)}`;

function emptyItem(kind: BodyItem['kind']): BodyItem {
  switch (kind) {
    case 'heading':
      return { kind, id: newId('h'), level: 1, numbering: 'decimal', title: '' };
    case 'narrative':
      return { kind, id: newId('n'), text: '' };
    case 'computed':
      return { kind, id: newId('c'), pattern: '' };
    case 'table':
      return {
        kind,
        id: newId('t'),
        columns: [
          { title: '', width: 50, align: 'left' },
          { title: '', width: 50, align: 'right' },
        ],
        rows: [['', '']],
      };
  }
}

/**
 * The editor of a template's or a report's content: the Decree 30 header fields, the body items (numbered
 * headings, narrative text, computed sentences with checked slots, tables) and the closing. A report edits
 * its own copy; `narrativeOnly` keeps the structure fixed and opens only texts and header details.
 */
export function ContentEditor({
  value,
  onChange,
  readOnly,
  narrativeOnly,
  errors = {},
}: {
  value: ReportContent;
  onChange: (next: ReportContent) => void;
  readOnly?: boolean;
  narrativeOnly?: boolean;
  errors?: ContentErrors;
}) {
  const { t } = useTranslation();
  const numbers = headingNumbers(value.body);
  const structureLocked = readOnly || narrativeOnly;
  const setHeader = (patch: Partial<Header>) => onChange({ ...value, header: { ...value.header, ...patch } });
  const setClosing = (patch: Partial<Closing>) =>
    onChange({ ...value, closing: { ...value.closing, ...patch } });
  const setItem = (i: number, item: BodyItem) =>
    onChange({ ...value, body: value.body.map((b, j) => (j === i ? item : b)) });
  const move = (i: number, by: -1 | 1) => {
    const body = [...value.body];
    const [x] = body.splice(i, 1);
    body.splice(i + by, 0, x!);
    onChange({ ...value, body });
  };
  const insertAt = (i: number, kind: BodyItem['kind']) => {
    const body = [...value.body];
    body.splice(i, 0, emptyItem(kind));
    onChange({ ...value, body });
  };
  const h = value.header;
  const err = (field: string) => errors[field];

  const addMenu = (at: number) =>
    structureLocked ? null : (
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} aria-hidden />}>
            {t('officialReports.items.add')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {(['heading', 'narrative', 'computed', 'table'] as const).map((k) => (
            <Menu.Item key={k} onClick={() => insertAt(at, k)}>
              {t(`officialReports.items.kinds.${k}`)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    );

  return (
    <Stack gap="lg">
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          {t('officialReports.editor.header')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <Select
            label={t('officialReports.header.documentType')}
            data={DOCUMENT_TYPES.map((d) => ({
              value: d,
              label: t(`officialReports.header.documentTypes.${d}`),
            }))}
            value={h.documentType}
            onChange={(v) => v && setHeader({ documentType: v as Header['documentType'] })}
            disabled={structureLocked}
            allowDeselect={false}
          />
          <TextInput
            label={t('officialReports.header.parentAgency')}
            value={h.parentAgency}
            onChange={(e) => setHeader({ parentAgency: e.currentTarget.value })}
            readOnly={readOnly}
            error={err('content.header.parentAgency')}
          />
          <Textarea
            label={t('officialReports.header.issuer')}
            description={t('officialReports.header.issuerHint')}
            value={h.issuer}
            onChange={(e) => setHeader({ issuer: e.currentTarget.value })}
            autosize
            minRows={2}
            readOnly={readOnly}
            error={err('content.header.issuer')}
          />
          <Group grow align="flex-start">
            <TextInput
              label={t('officialReports.header.sequenceKey')}
              description={t('officialReports.header.sequenceKeyHint')}
              value={h.sequenceKey}
              onChange={(e) => setHeader({ sequenceKey: e.currentTarget.value })}
              readOnly={structureLocked}
              error={err('content.header.sequenceKey')}
            />
            <TextInput
              label={t('officialReports.header.numberCode')}
              description={t('officialReports.header.numberCodeHint')}
              value={h.numberCode}
              onChange={(e) => setHeader({ numberCode: e.currentTarget.value })}
              readOnly={readOnly}
              error={err('content.header.numberCode')}
            />
          </Group>
          <TextInput
            label={t('officialReports.header.place')}
            value={h.place}
            onChange={(e) => setHeader({ place: e.currentTarget.value })}
            readOnly={readOnly}
            error={err('content.header.place')}
          />
          {h.documentType === 'bao_cao' && (
            <TextInput
              label={t('officialReports.header.typeName')}
              value={h.typeName ?? ''}
              onChange={(e) => setHeader({ typeName: e.currentTarget.value })}
              readOnly={readOnly}
            />
          )}
        </SimpleGrid>
        <Stack gap="sm" mt="sm">
          <PatternField
            label={t(
              h.documentType === 'cong_van'
                ? 'officialReports.header.subjectCongVan'
                : 'officialReports.header.subjectBaoCao',
            )}
            value={h.subject}
            onChange={(v) => setHeader({ subject: v })}
            readOnly={readOnly}
            error={err('content.header.subject')}
            minRows={1}
          />
          <Textarea
            label={t('officialReports.header.recipients')}
            description={t('officialReports.header.recipientsHint')}
            value={h.recipients.join('\n')}
            onChange={(e) => setHeader({ recipients: lines(e.currentTarget.value) })}
            autosize
            minRows={1}
            readOnly={readOnly}
          />
          <Switch
            label={t('officialReports.header.request')}
            checked={h.request !== null}
            disabled={readOnly}
            onChange={(e) =>
              setHeader({
                request: e.currentTarget.checked
                  ? {
                      sender: '',
                      documentType: 'Công văn',
                      number: '',
                      date: new Date().toISOString().slice(0, 10),
                      about: '',
                    }
                  : null,
              })
            }
          />
          {h.request && (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
              <TextInput
                label={t('officialReports.header.requestSender')}
                value={h.request.sender}
                onChange={(e) => setHeader({ request: { ...h.request!, sender: e.currentTarget.value } })}
                readOnly={readOnly}
                error={err('content.header.request.sender')}
              />
              <Group grow align="flex-start">
                <TextInput
                  label={t('officialReports.header.requestDocumentType')}
                  value={h.request.documentType}
                  onChange={(e) =>
                    setHeader({ request: { ...h.request!, documentType: e.currentTarget.value } })
                  }
                  readOnly={readOnly}
                />
                <TextInput
                  label={t('officialReports.header.requestNumber')}
                  value={h.request.number}
                  onChange={(e) => setHeader({ request: { ...h.request!, number: e.currentTarget.value } })}
                  readOnly={readOnly}
                  error={err('content.header.request.number')}
                />
              </Group>
              <TextInput
                type="date"
                label={t('officialReports.header.requestDate')}
                value={h.request.date}
                onChange={(e) => setHeader({ request: { ...h.request!, date: e.currentTarget.value } })}
                readOnly={readOnly}
                error={err('content.header.request.date')}
              />
              <TextInput
                label={t('officialReports.header.requestAbout')}
                value={h.request.about}
                onChange={(e) => setHeader({ request: { ...h.request!, about: e.currentTarget.value } })}
                readOnly={readOnly}
                error={err('content.header.request.about')}
              />
            </SimpleGrid>
          )}
        </Stack>
      </Card>

      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('officialReports.editor.body')}
          </Title>
          {addMenu(0)}
        </Group>
        {value.body.map((item, i) => (
          <ItemCard
            key={item.id}
            item={item}
            number={numbers.get(item.id) ?? ''}
            onChange={(next) => setItem(i, next)}
            onMove={structureLocked ? undefined : (by) => move(i, by)}
            onRemove={
              structureLocked
                ? undefined
                : () => onChange({ ...value, body: value.body.filter((_, j) => j !== i) })
            }
            first={i === 0}
            last={i === value.body.length - 1}
            readOnly={readOnly}
            narrativeOnly={narrativeOnly}
            error={(f) => err(`content.body.${i}.${f}`)}
            after={addMenu(i + 1)}
          />
        ))}
      </Stack>

      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          {t('officialReports.editor.closing')}
        </Title>
        <Stack gap="sm">
          <Textarea
            label={t('officialReports.closing.text')}
            value={value.closing.text}
            onChange={(e) => setClosing({ text: e.currentTarget.value })}
            autosize
            minRows={2}
            readOnly={readOnly}
          />
          <SimpleGrid cols={{ base: 1, md: 4 }} spacing="sm">
            <Select
              label={t('officialReports.closing.authority')}
              data={SIGNER_AUTHORITIES.map((a) => ({
                value: a,
                label: t(`officialReports.closing.authorities.${a}`),
              }))}
              value={value.closing.signer.authority}
              onChange={(v) =>
                v &&
                setClosing({
                  signer: { ...value.closing.signer, authority: v as Closing['signer']['authority'] },
                })
              }
              disabled={readOnly}
              allowDeselect={false}
            />
            <TextInput
              label={t('officialReports.closing.onBehalfOf')}
              value={value.closing.signer.onBehalfOf}
              onChange={(e) =>
                setClosing({ signer: { ...value.closing.signer, onBehalfOf: e.currentTarget.value } })
              }
              readOnly={readOnly}
            />
            <TextInput
              label={t('officialReports.closing.signerTitle')}
              value={value.closing.signer.title}
              onChange={(e) =>
                setClosing({ signer: { ...value.closing.signer, title: e.currentTarget.value } })
              }
              readOnly={readOnly}
              error={err('content.closing.signer.title')}
            />
            <TextInput
              label={t('officialReports.closing.signerName')}
              value={value.closing.signer.name}
              onChange={(e) =>
                setClosing({ signer: { ...value.closing.signer, name: e.currentTarget.value } })
              }
              readOnly={readOnly}
            />
          </SimpleGrid>
          <Textarea
            label={t('officialReports.closing.distribution')}
            description={t('officialReports.closing.distributionHint')}
            value={value.closing.distribution.join('\n')}
            onChange={(e) => setClosing({ distribution: lines(e.currentTarget.value) })}
            autosize
            minRows={2}
            readOnly={readOnly}
            error={err('content.closing.distribution')}
          />
        </Stack>
      </Card>
    </Stack>
  );
}

function ItemCard({
  item,
  number,
  onChange,
  onMove,
  onRemove,
  first,
  last,
  readOnly,
  narrativeOnly,
  error,
  after,
}: {
  item: BodyItem;
  number: string;
  onChange: (next: BodyItem) => void;
  onMove?: (by: -1 | 1) => void;
  onRemove?: () => void;
  first: boolean;
  last: boolean;
  readOnly?: boolean;
  narrativeOnly?: boolean;
  error: (field: string) => string | undefined;
  after: ReactNode;
}) {
  const { t } = useTranslation();
  const locked = readOnly || narrativeOnly;
  const indent = item.kind === 'heading' ? (item.level - 1) * 12 : 0;
  return (
    <Stack gap={2}>
      <Card withBorder padding="sm" ml={indent} data-item={item.id}>
        <Group justify="space-between" mb={6} wrap="nowrap">
          <Group gap="xs">
            <Badge
              variant="light"
              color={
                item.kind === 'computed'
                  ? 'blue'
                  : item.kind === 'narrative'
                    ? 'gray'
                    : item.kind === 'table'
                      ? 'grape'
                      : 'teal'
              }
            >
              {t(`officialReports.items.kinds.${item.kind}`)}
            </Badge>
            {item.kind === 'heading' && number && <Text fw={700}>{number}</Text>}
            {'label' in item && item.label && (
              <Text size="sm" c="dimmed">
                {item.label}
              </Text>
            )}
          </Group>
          {(onMove || onRemove) && (
            <Group gap={4} wrap="nowrap">
              <ActionIcon
                variant="subtle"
                aria-label={t('officialReports.items.moveUp')}
                disabled={first}
                onClick={() => onMove?.(-1)}
              >
                <IconArrowUp size={16} aria-hidden />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                aria-label={t('officialReports.items.moveDown')}
                disabled={last}
                onClick={() => onMove?.(1)}
              >
                <IconArrowDown size={16} aria-hidden />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('officialReports.items.remove')}
                onClick={onRemove}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          )}
        </Group>
        {item.kind === 'heading' && (
          <Stack gap="xs">
            <Group grow align="flex-start">
              <NumberInput
                label={t('officialReports.items.level')}
                min={1}
                max={6}
                value={item.level}
                onChange={(v) => onChange({ ...item, level: Math.min(6, Math.max(1, Number(v) || 1)) })}
                readOnly={locked}
              />
              <Select
                label={t('officialReports.items.numbering')}
                data={NUMBERING_STYLES.map((n) => ({
                  value: n,
                  label: t(`officialReports.items.numberings.${n}`),
                }))}
                value={item.numbering}
                onChange={(v) => v && onChange({ ...item, numbering: v as typeof item.numbering })}
                disabled={locked}
                allowDeselect={false}
              />
              <Group gap="md" mt={28}>
                <Checkbox
                  label={t('officialReports.items.bold')}
                  checked={item.bold ?? false}
                  onChange={(e) => onChange({ ...item, bold: e.currentTarget.checked })}
                  disabled={locked}
                />
                <Checkbox
                  label={t('officialReports.items.italic')}
                  checked={item.italic ?? false}
                  onChange={(e) => onChange({ ...item, italic: e.currentTarget.checked })}
                  disabled={locked}
                />
              </Group>
            </Group>
            <TextInput
              label={t('officialReports.items.title')}
              value={item.title}
              onChange={(e) => onChange({ ...item, title: e.currentTarget.value })}
              readOnly={readOnly}
              error={error('title')}
            />
          </Stack>
        )}
        {item.kind === 'narrative' && (
          <Textarea
            label={t('officialReports.items.text')}
            description={t('officialReports.items.textHint')}
            value={item.text}
            onChange={(e) => onChange({ ...item, text: e.currentTarget.value })}
            autosize
            minRows={3}
            maxRows={24}
            readOnly={readOnly}
            error={error('text')}
          />
        )}
        {item.kind === 'computed' && (
          <PatternField
            label={t('officialReports.items.pattern')}
            value={item.pattern}
            onChange={(v) => onChange({ ...item, pattern: v })}
            readOnly={readOnly}
            error={error('pattern')}
          />
        )}
        {item.kind === 'table' && (
          <TableEditor item={item} onChange={onChange} readOnly={readOnly} locked={locked} />
        )}
      </Card>
      {after && <Group>{after}</Group>}
    </Stack>
  );
}

function TableEditor({
  item,
  onChange,
  readOnly,
  locked,
}: {
  item: Extract<BodyItem, { kind: 'table' }>;
  onChange: (next: BodyItem) => void;
  readOnly?: boolean;
  locked?: boolean;
}) {
  const { t } = useTranslation();
  const setCell = (r: number, c: number, v: string) =>
    onChange({
      ...item,
      rows: item.rows.map((row, i) => (i === r ? row.map((x, j) => (j === c ? v : x)) : row)),
    });
  return (
    <Stack gap="xs">
      <Group grow>
        <TextInput
          label={t('officialReports.items.caption')}
          value={item.caption ?? ''}
          onChange={(e) => onChange({ ...item, caption: e.currentTarget.value || undefined })}
          readOnly={readOnly}
        />
        <TextInput
          label={t('officialReports.items.unitNote')}
          value={item.unitNote ?? ''}
          onChange={(e) => onChange({ ...item, unitNote: e.currentTarget.value || undefined })}
          readOnly={readOnly}
        />
      </Group>
      <div style={{ overflowX: 'auto' }}>
        <table style={{ borderCollapse: 'collapse', width: '100%' }}>
          <caption style={{ textAlign: 'left', fontSize: 12 }}>
            {t('officialReports.items.tableHint')}
          </caption>
          <thead>
            <tr>
              {item.columns.map((c, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional and have no identity of their own
                <th key={`h${j}`} scope="col" style={{ padding: 2 }}>
                  <TextInput
                    size="xs"
                    aria-label={t('officialReports.items.columnTitle')}
                    value={c.title}
                    onChange={(e) =>
                      onChange({
                        ...item,
                        columns: item.columns.map((x, k) =>
                          k === j ? { ...x, title: e.currentTarget.value } : x,
                        ),
                      })
                    }
                    readOnly={readOnly}
                  />
                  <NumberInput
                    size="xs"
                    aria-label={t('officialReports.items.columnWidth')}
                    min={3}
                    max={100}
                    value={c.width}
                    onChange={(v) =>
                      onChange({
                        ...item,
                        columns: item.columns.map((x, k) => (k === j ? { ...x, width: Number(v) || 10 } : x)),
                      })
                    }
                    readOnly={locked}
                  />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {item.rows.map((row, r) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional and have no identity of their own
              <tr key={`r${r}`}>
                {row.map((cell, c) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                  <td key={`c${r}-${c}`} style={{ padding: 2 }}>
                    <TextInput
                      size="xs"
                      aria-label={`${r + 1}/${c + 1}`}
                      value={cell}
                      onChange={(e) => setCell(r, c, e.currentTarget.value)}
                      readOnly={readOnly}
                      styles={{ input: { fontFamily: 'ui-monospace, monospace' } }}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!locked && (
        <Group gap="xs">
          <Button
            size="xs"
            variant="light"
            onClick={() => onChange({ ...item, rows: [...item.rows, item.columns.map(() => '')] })}
          >
            {t('officialReports.items.addRow')}
          </Button>
          <Button
            size="xs"
            variant="light"
            disabled={item.rows.length === 0}
            onClick={() => onChange({ ...item, rows: item.rows.slice(0, -1) })}
          >
            {t('officialReports.items.removeRow')}
          </Button>
          <Button
            size="xs"
            variant="light"
            disabled={item.columns.length >= 12}
            onClick={() =>
              onChange({
                ...item,
                columns: [...item.columns, { title: '', width: 15, align: 'right' }],
                rows: item.rows.map((r) => [...r, '']),
              })
            }
          >
            {t('officialReports.items.addColumn')}
          </Button>
          <Button
            size="xs"
            variant="light"
            disabled={item.columns.length <= 1}
            onClick={() =>
              onChange({
                ...item,
                columns: item.columns.slice(0, -1),
                rows: item.rows.map((r) => r.slice(0, -1)),
              })
            }
          >
            {t('officialReports.items.removeColumn')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
