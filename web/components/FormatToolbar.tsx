// The formatting toolbar of every rich-text editor (vision statement, report texts, knowledge
// bodies): real buttons that keep the selection, say with aria-pressed whether a format is on,
// and run TipTap's commands. Each editor picks the formats its schema allows.
import type { Editor } from '@tiptap/core';
import { Button, ButtonGroup } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

export type FormatKey =
  | 'bold'
  | 'italic'
  | 'heading2'
  | 'heading3'
  | 'heading4'
  | 'bulletList'
  | 'orderedList'
  | 'blockquote';

/** The formats of a rich text as common/richtext.ts defines it (report texts, knowledge bodies). */
export const richTextFormats = [
  'bold',
  'italic',
  'heading2',
  'heading3',
  'bulletList',
  'orderedList',
  'blockquote',
] as const satisfies readonly FormatKey[];

const heading = (level: 2 | 3 | 4) => ({
  isActive: (editor: Editor) => editor.isActive('heading', { level }),
  run: (editor: Editor) => editor.chain().focus().toggleHeading({ level }).run(),
});

const formats: Record<FormatKey, { isActive(editor: Editor): boolean; run(editor: Editor): void }> =
  {
    bold: {
      isActive: (editor) => editor.isActive('bold'),
      run: (editor) => editor.chain().focus().toggleBold().run(),
    },
    italic: {
      isActive: (editor) => editor.isActive('italic'),
      run: (editor) => editor.chain().focus().toggleItalic().run(),
    },
    heading2: heading(2),
    heading3: heading(3),
    heading4: heading(4),
    bulletList: {
      isActive: (editor) => editor.isActive('bulletList'),
      run: (editor) => editor.chain().focus().toggleBulletList().run(),
    },
    orderedList: {
      isActive: (editor) => editor.isActive('orderedList'),
      run: (editor) => editor.chain().focus().toggleOrderedList().run(),
    },
    blockquote: {
      isActive: (editor) => editor.isActive('blockquote'),
      run: (editor) => editor.chain().focus().toggleBlockquote().run(),
    },
  };

/** Which of the formats are on at the editor's selection (for useEditorState). */
export function activeFormats(
  editor: Editor | null,
  keys: readonly FormatKey[],
): Partial<Record<FormatKey, boolean>> {
  if (!editor) return {};
  return Object.fromEntries(keys.map((key) => [key, formats[key].isActive(editor)]));
}

/** Toggles one format at the editor's selection. */
export function runFormat(editor: Editor, key: FormatKey): void {
  formats[key].run(editor);
}

/** A toolbar of format buttons in the given order; `children` adds the editor's own buttons. */
export function FormatToolbar({
  label,
  controls,
  buttons,
  active,
  disabled = false,
  onRun,
  children,
}: {
  label: string;
  /** The id of the editable region the toolbar acts on, when it has one. */
  controls?: string;
  buttons: readonly { key: FormatKey; label: string }[];
  active: Partial<Record<FormatKey, boolean>>;
  disabled?: boolean;
  onRun: (key: FormatKey) => void;
  children?: ReactNode;
}) {
  return (
    <div
      role="toolbar"
      aria-label={label}
      aria-controls={controls}
      className="stadshart-vision-toolbar"
    >
      <ButtonGroup>
        {buttons.map((button) => (
          <Button
            key={button.key}
            type="button"
            appearance="secondary-action-button"
            disabled={disabled}
            // Sets aria-pressed, so the state is announced and not shown by colour alone.
            pressed={active[button.key] ?? false}
            // Keeps the text selected while the mouse is down, so the format lands on it.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onRun(button.key)}
          >
            {button.label}
          </Button>
        ))}
        {children}
      </ButtonGroup>
    </div>
  );
}
