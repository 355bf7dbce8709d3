// A labelled rich-text field for the report's introduction and conclusions: TipTap limited to
// what common/richtext.ts allows (paragraphs, headings 2 and 3, lists, quotes, bold, italic,
// links), with a toolbar of real buttons that say whether they are on (aria-pressed).
import type { AnyExtension, Editor } from '@tiptap/core';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { StarterKit } from '@tiptap/starter-kit';
import {
  Button,
  ButtonGroup,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Paragraph,
  Textbox,
} from '@utrecht/component-library-react';
import {
  useEffect,
  useRef,
  useState,
  type ChangeEvent,
  type FormEvent,
  type KeyboardEvent,
  type SyntheticEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { RichDoc } from '../../../common/richtext.ts';
import {
  activeFormats,
  FormatToolbar,
  richTextFormats,
  runFormat,
} from '../../components/FormatToolbar.tsx';

/** Links the rich-text schema accepts: web addresses and mail only. */
export function isAllowedHref(href: string): boolean {
  return /^(https?:\/\/|mailto:)\S+$/i.test(href.trim());
}

/** The editor's schema: StarterKit cut down to the nodes and marks every report reader renders. */
export function reportRichExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3] },
      link: {
        openOnClick: false,
        autolink: false,
        linkOnPaste: true,
        defaultProtocol: 'https',
        isAllowedUri: (url) => isAllowedHref(url),
      },
      // Everything below is outside the shared rich-text subset; readers would drop it.
      code: false,
      codeBlock: false,
      horizontalRule: false,
      strike: false,
      underline: false,
      trailingNode: false,
    }),
  ];
}

const formatKeys = richTextFormats;

/** The small form that sets or removes the link on the selected text. */
function LinkForm({
  editor,
  fieldId,
  onClose,
}: {
  editor: Editor;
  fieldId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('reports');
  const current = editor.getAttributes('link') as { href?: unknown };
  const [href, setHref] = useState(typeof current.href === 'string' ? current.href : 'https://');
  const [error, setError] = useState<string | null>(null);
  const inputId = `${fieldId}-link`;

  function apply(event: FormEvent | SyntheticEvent) {
    event.preventDefault();
    if (!isAllowedHref(href)) {
      setError(t('editor.linkInvalid'));
      return;
    }
    editor.chain().focus().extendMarkRange('link').setLink({ href: href.trim() }).run();
    onClose();
  }

  return (
    // A div, not a form: it sits inside the report's form, and forms may not nest.
    <div className="stadshart-inline-form" role="group" aria-label={t('editor.linkGroup')}>
      <FormLabel htmlFor={inputId}>{t('editor.linkAddress')}</FormLabel>
      <Textbox
        id={inputId}
        type="url"
        value={href}
        invalid={error !== null}
        aria-describedby={error ? `${inputId}-error` : undefined}
        onChange={(event: ChangeEvent<HTMLInputElement>) => setHref(event.target.value)}
        onKeyDown={(event: KeyboardEvent<HTMLInputElement>) => {
          if (event.key === 'Enter') apply(event);
          if (event.key === 'Escape') onClose();
        }}
      />
      {error && <FormFieldErrorMessage id={`${inputId}-error`}>{error}</FormFieldErrorMessage>}
      <ButtonGroup>
        <Button appearance="secondary-action-button" onClick={apply}>
          {t('editor.linkApply')}
        </Button>
        {typeof current.href === 'string' && (
          <Button
            appearance="secondary-action-button"
            onClick={() => {
              editor.chain().focus().extendMarkRange('link').unsetLink().run();
              onClose();
            }}
          >
            {t('editor.linkRemove')}
          </Button>
        )}
        <Button appearance="subtle-button" onClick={onClose}>
          {t('common:form.cancel')}
        </Button>
      </ButtonGroup>
    </div>
  );
}

/**
 * A rich-text field with a visible label and toolbar. It starts from `initial` and reports every
 * change through `onChange` (null when the text is empty); `name` gives the editable area the id
 * `field-<name>` the error summary links to.
 */
export function RichTextEditor({
  name,
  label,
  description,
  error,
  initial,
  isReadOnly = false,
  onChange,
}: {
  name: string;
  label: string;
  description?: string;
  error?: string | undefined;
  initial: RichDoc | null;
  isReadOnly?: boolean;
  onChange: (doc: RichDoc | null) => void;
}) {
  const { t } = useTranslation('reports');
  const fieldId = `field-${name}`;
  const labelId = `${fieldId}-label`;
  const describedBy =
    [description ? `${fieldId}-description` : null, error ? `${fieldId}-error` : null]
      .filter(Boolean)
      .join(' ') || undefined;
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const [isLinkOpen, setLinkOpen] = useState(false);

  const attributes: Record<string, string> = {
    id: fieldId,
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-labelledby': labelId,
    class: 'stadshart-vision-editor__content',
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    ...(error ? { 'aria-invalid': 'true' } : {}),
  };
  const attributesKey = JSON.stringify(attributes);

  // Built once: rebuilding the editor would throw away what the person has typed.
  const editor = useEditor({
    // The page's Content-Security-Policy refuses inline styles; the editor's CSS is in stadshart.css.
    injectCSS: false,
    // Created after the first render, so a render without a browser (tests) works too.
    immediatelyRender: false,
    editable: !isReadOnly,
    extensions: reportRichExtensions(),
    content: initial ?? '',
    editorProps: { attributes },
    onUpdate: ({ editor: current }) => {
      // TipTap's JSON is the shared rich-text shape for the nodes this schema allows.
      onChangeRef.current(current.isEmpty ? null : (current.getJSON() as RichDoc));
    },
  });

  useEffect(() => {
    if (!editor) return;
    editor.setOptions({
      editorProps: { attributes: JSON.parse(attributesKey) as Record<string, string> },
    });
    // Without emitting an update: a read-only switch is no edit and must not mark the form changed.
    if (editor.isEditable === isReadOnly) editor.setEditable(!isReadOnly, false);
  }, [editor, attributesKey, isReadOnly]);

  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => activeFormats(current, formatKeys),
  });

  return (
    <div className="stadshart-vision-editor stadshart-report-rich">
      <Paragraph className="utrecht-form-field__label">
        <span id={labelId} className="utrecht-form-label">
          {label}
        </span>
      </Paragraph>
      {description && (
        <FormFieldDescription id={`${fieldId}-description`}>{description}</FormFieldDescription>
      )}
      {error && <FormFieldErrorMessage id={`${fieldId}-error`}>{error}</FormFieldErrorMessage>}
      {!isReadOnly && (
        <FormatToolbar
          label={t('editor.toolbar', { field: label })}
          controls={fieldId}
          buttons={formatKeys.map((key) => ({ key, label: t(`editor.${key}`) }))}
          active={active ?? {}}
          disabled={!editor}
          onRun={(key) => editor && runFormat(editor, key)}
        >
          <Button
            type="button"
            appearance="secondary-action-button"
            disabled={!editor}
            // Opens the link form; whether the text already has a link shows in that form.
            aria-expanded={isLinkOpen}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => setLinkOpen((open) => !open)}
          >
            {t('editor.link')}
          </Button>
        </FormatToolbar>
      )}
      {isLinkOpen && editor && (
        <LinkForm editor={editor} fieldId={fieldId} onClose={() => setLinkOpen(false)} />
      )}
      <EditorContent editor={editor} />
    </div>
  );
}
