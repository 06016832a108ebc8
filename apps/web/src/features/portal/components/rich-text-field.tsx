/**
 * The body of a portal content version: a rich-text editor (Mantine's tiptap editor) with headings, bold,
 * italic, underline, lists, links, quotes, images from the portal's image library, undo/redo, and an
 * "HTML source" switch for what the toolbar does not cover. It only edits HTML: the server sanitises the
 * body on save and stays the authority on what reaches the portal.
 */
import '@mantine/tiptap/styles.css';
import type { PortalLang } from '@heza/shared/portal';
import { Group, Image, Menu, ScrollArea, Stack, Switch, Text, Textarea } from '@mantine/core';
import { Link, RichTextEditor, type RichTextEditorLabels } from '@mantine/tiptap';
import { IconPhoto } from '@tabler/icons-react';
import TiptapImage from '@tiptap/extension-image';
import { useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useImages } from '../api';

export interface RichTextFieldProps {
  label: string;
  description?: string;
  /** The HTML of the body. */
  value: string;
  onChange: (html: string) => void;
  /** The language the body is written in (spell checking, the images' alternative text). */
  lang: PortalLang;
  disabled?: boolean;
}

/** An empty editor gives "<p></p>": that is no body at all. */
function normalise(html: string): string {
  return html === '<p></p>' ? '' : html;
}

function ImageLibraryControl({
  lang,
  onPick,
}: {
  lang: PortalLang;
  onPick: (src: string, alt: string) => void;
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const images = useImages();
  const photos = (images.data?.items ?? []).filter((i) => i.kind === 'photo');
  return (
    <Menu opened={opened} onChange={setOpened} position="bottom-start" withinPortal>
      <Menu.Target>
        <RichTextEditor.Control
          aria-label={t('portal.editor.rte.image')}
          title={t('portal.editor.rte.image')}
          aria-haspopup="menu"
          aria-expanded={opened}
        >
          <IconPhoto size={16} stroke={1.5} aria-hidden />
        </RichTextEditor.Control>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('portal.editor.rte.imageLibrary')}</Menu.Label>
        {images.isPending && <Menu.Item disabled>{t('app.loading')}</Menu.Item>}
        {!images.isPending && photos.length === 0 && (
          <Menu.Item disabled>{t('portal.editor.rte.noImages')}</Menu.Item>
        )}
        <ScrollArea.Autosize mah={320}>
          {photos.map((img) => {
            const alt = img.alt[lang] || img.alt.vi || img.alt.en || '';
            return (
              <Menu.Item
                key={img.id}
                leftSection={<Image src={img.url} alt="" w={56} h={36} fit="cover" radius="sm" />}
                onClick={() => onPick(img.url, alt)}
              >
                <Text size="sm" lineClamp={2} maw={260}>
                  {alt || t('portal.editor.rte.noAlt')}
                </Text>
              </Menu.Item>
            );
          })}
        </ScrollArea.Autosize>
      </Menu.Dropdown>
    </Menu>
  );
}

export function RichTextField({ label, description, value, onChange, lang, disabled }: RichTextFieldProps) {
  const { t } = useTranslation();
  const labelId = useId();
  const descriptionId = useId();
  const [source, setSource] = useState(false);
  const labels = useMemo<Partial<RichTextEditorLabels>>(
    () => ({
      boldControlLabel: t('portal.editor.rte.bold'),
      italicControlLabel: t('portal.editor.rte.italic'),
      underlineControlLabel: t('portal.editor.rte.underline'),
      strikeControlLabel: t('portal.editor.rte.strike'),
      clearFormattingControlLabel: t('portal.editor.rte.clearFormatting'),
      h2ControlLabel: t('portal.editor.rte.h2'),
      h3ControlLabel: t('portal.editor.rte.h3'),
      h4ControlLabel: t('portal.editor.rte.h4'),
      bulletListControlLabel: t('portal.editor.rte.bulletList'),
      orderedListControlLabel: t('portal.editor.rte.orderedList'),
      blockquoteControlLabel: t('portal.editor.rte.blockquote'),
      hrControlLabel: t('portal.editor.rte.hr'),
      linkControlLabel: t('portal.editor.rte.link'),
      unlinkControlLabel: t('portal.editor.rte.unlink'),
      linkEditorInputLabel: t('portal.editor.rte.linkUrl'),
      linkEditorInputPlaceholder: 'https://…',
      linkEditorExternalLink: t('portal.editor.rte.linkExternal'),
      linkEditorInternalLink: t('portal.editor.rte.linkInternal'),
      linkEditorSave: t('portal.editor.rte.linkSave'),
      undoControlLabel: t('portal.editor.rte.undo'),
      redoControlLabel: t('portal.editor.rte.redo'),
    }),
    [t],
  );
  const editor = useEditor({
    // StarterKit (tiptap 3) has its own link extension; Mantine's adds the link editor's keyboard shortcut.
    extensions: [
      StarterKit.configure({ link: false, code: false, codeBlock: false, heading: { levels: [2, 3, 4] } }),
      Link.configure({ openOnClick: false }),
      TiptapImage,
    ],
    content: value,
    editable: !disabled,
    immediatelyRender: true,
    shouldRerenderOnTransaction: true,
    editorProps: {
      attributes: {
        lang,
        'aria-labelledby': labelId,
        'aria-describedby': description ? descriptionId : '',
        'aria-multiline': 'true',
        role: 'textbox',
      },
    },
    onUpdate: ({ editor: e }) => onChange(normalise(e.getHTML())),
  });

  // A value set from outside (the server's sanitised body after a save) replaces the editor's content.
  useEffect(() => {
    if (!editor || source) return;
    if (normalise(editor.getHTML()) !== value) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value, source]);

  useEffect(() => {
    editor?.setEditable(!disabled);
  }, [editor, disabled]);

  const toggleSource = (on: boolean) => {
    // Back from the source: the editor takes the HTML as typed (and keeps only what it can represent).
    if (!on) editor?.commands.setContent(value, { emitUpdate: false });
    setSource(on);
  };

  return (
    <Stack gap={4}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
        <div>
          <Text id={labelId} size="sm" fw={500}>
            {label}
          </Text>
          {description && (
            <Text id={descriptionId} size="xs" c="dimmed">
              {description}
            </Text>
          )}
        </div>
        <Switch
          label={t('portal.editor.rte.source')}
          checked={source}
          onChange={(e) => toggleSource(e.currentTarget.checked)}
          disabled={disabled}
          size="sm"
        />
      </Group>
      {source ? (
        <Textarea
          aria-label={t('portal.editor.rte.sourceLabel', { label })}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          autosize
          minRows={10}
          styles={{ input: { fontFamily: 'monospace' } }}
          disabled={disabled}
          lang={lang}
        />
      ) : (
        <RichTextEditor editor={editor} labels={labels} lang={lang}>
          {!disabled && (
            <RichTextEditor.Toolbar
              sticky
              stickyOffset={60}
              role="toolbar"
              aria-label={t('portal.editor.rte.toolbar')}
            >
              <RichTextEditor.ControlsGroup>
                <RichTextEditor.H2 />
                <RichTextEditor.H3 />
                <RichTextEditor.H4 />
              </RichTextEditor.ControlsGroup>
              <RichTextEditor.ControlsGroup>
                <RichTextEditor.Bold />
                <RichTextEditor.Italic />
                <RichTextEditor.Underline />
                <RichTextEditor.Strikethrough />
                <RichTextEditor.ClearFormatting />
              </RichTextEditor.ControlsGroup>
              <RichTextEditor.ControlsGroup>
                <RichTextEditor.BulletList />
                <RichTextEditor.OrderedList />
                <RichTextEditor.Blockquote />
                <RichTextEditor.Hr />
              </RichTextEditor.ControlsGroup>
              <RichTextEditor.ControlsGroup>
                <RichTextEditor.Link />
                <RichTextEditor.Unlink />
                <ImageLibraryControl
                  lang={lang}
                  onPick={(src, alt) => editor?.chain().focus().setImage({ src, alt }).run()}
                />
              </RichTextEditor.ControlsGroup>
              <RichTextEditor.ControlsGroup>
                <RichTextEditor.Undo />
                <RichTextEditor.Redo />
              </RichTextEditor.ControlsGroup>
            </RichTextEditor.Toolbar>
          )}
          <RichTextEditor.Content mih={220} />
        </RichTextEditor>
      )}
    </Stack>
  );
}
