// The rich-text editor of the statement: TipTap bound to the activity's document through the
// Collaboration extension (no cursors: the house sends no awareness), with a small toolbar.
import { Extension, type Editor } from '@tiptap/core';
import { Collaboration, isChangeOrigin } from '@tiptap/extension-collaboration';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { visionFreeRoots, VISION_TEXT_MAX } from '../../../common/activities/vision.ts';
import { STATEMENT_HEADING_LEVEL, visionExtensions } from './visionExtensions.ts';
import { measureDocument } from './visionModel.ts';

/**
 * Stops a local edit that would make the statement bigger than the server accepts (V13), so
 * nobody's document is refused for it; edits that shrink it and edits from others always pass.
 */
const SizeGuard = Extension.create<{ onFull: () => void }>({
  name: 'visionSizeGuard',
  addOptions() {
    return { onFull: () => undefined };
  },
  addProseMirrorPlugins() {
    const { onFull } = this.options;
    return [
      new Plugin({
        key: new PluginKey('visionSizeGuard'),
        filterTransaction(transaction, state) {
          if (!transaction.docChanged || isChangeOrigin(transaction)) return true;
          const after = measureDocument(transaction.doc);
          if (after <= VISION_TEXT_MAX || after <= measureDocument(state.doc)) return true;
          onFull();
          return false;
        },
      }),
    ];
  },
});

interface ToolbarButton {
  key: 'bold' | 'italic' | 'heading' | 'bulletList';
  isActive: (editor: Editor) => boolean;
  run: (editor: Editor) => void;
}

const toolbarButtons: ToolbarButton[] = [
  {
    key: 'bold',
    isActive: (editor) => editor.isActive('bold'),
    run: (editor) => editor.chain().focus().toggleBold().run(),
  },
  {
    key: 'italic',
    isActive: (editor) => editor.isActive('italic'),
    run: (editor) => editor.chain().focus().toggleItalic().run(),
  },
  {
    key: 'heading',
    isActive: (editor) => editor.isActive('heading'),
    run: (editor) => editor.chain().focus().toggleHeading({ level: STATEMENT_HEADING_LEVEL }).run(),
  },
  {
    key: 'bulletList',
    isActive: (editor) => editor.isActive('bulletList'),
    run: (editor) => editor.chain().focus().toggleBulletList().run(),
  },
];

/** The editor with its toolbar; hands the TipTap editor to `onEditor` (null once it is gone). */
export function VisionEditor({
  doc,
  label,
  describedBy,
  onEditor,
  onFull,
}: {
  doc: Y.Doc;
  label: string;
  describedBy: string;
  onEditor: (editor: Editor | null) => void;
  onFull: () => void;
}) {
  const { t } = useTranslation('vision');
  // The guard is built once per document; it calls whatever handler is current.
  const onFullRef = useRef(onFull);
  onFullRef.current = onFull;
  const editor = useEditor(
    {
      // The page's Content-Security-Policy refuses inline styles; the editor's CSS is in stadshart.css.
      injectCSS: false,
      extensions: [
        ...visionExtensions(),
        Collaboration.configure({ document: doc, field: visionFreeRoots.text }),
        SizeGuard.configure({ onFull: () => onFullRef.current() }),
      ],
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          'aria-describedby': describedBy,
          class: 'stadshart-vision-editor__content',
        },
      },
    },
    [doc, label, describedBy],
  );
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) =>
      Object.fromEntries(toolbarButtons.map((button) => [button.key, button.isActive(current)])),
  });

  useEffect(() => {
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);

  return (
    <div className="stadshart-vision-editor">
      <div role="toolbar" aria-label={t('statement.toolbar')} className="stadshart-vision-toolbar">
        <ButtonGroup>
          {toolbarButtons.map((button) => (
            <Button
              key={button.key}
              type="button"
              appearance="secondary-action-button"
              // Sets aria-pressed, so the state is announced and not shown by colour alone.
              pressed={active[button.key] ?? false}
              // Keeps the text selected while the mouse is down, so the format lands on it.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => button.run(editor)}
            >
              {t(`statement.${button.key}`)}
            </Button>
          ))}
        </ButtonGroup>
      </div>
      <EditorContent editor={editor} />
    </div>
  );
}
