// The rich-text editor of the statement: TipTap bound to the activity's document through the
// Collaboration extension (no cursors: the house sends no awareness), with a small toolbar.
import { Extension, type Editor } from '@tiptap/core';
import { Collaboration, isChangeOrigin } from '@tiptap/extension-collaboration';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { activeFormats, FormatToolbar, runFormat } from '../../components/FormatToolbar.tsx';
import { visionFreeRoots, VISION_TEXT_MAX } from '../../../common/activities/vision.ts';
import { visionExtensions } from './visionExtensions.ts';
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

// The statement's headings sit below the activity's own heading (STATEMENT_HEADING_LEVEL is 4).
const formatKeys = ['bold', 'italic', 'heading4', 'bulletList'] as const;
const messageKeys = {
  bold: 'bold',
  italic: 'italic',
  heading4: 'heading',
  bulletList: 'bulletList',
};

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
    selector: ({ editor: current }) => activeFormats(current, formatKeys),
  });

  useEffect(() => {
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);

  return (
    <div className="stadshart-vision-editor">
      <FormatToolbar
        label={t('statement.toolbar')}
        buttons={formatKeys.map((key) => ({ key, label: t(`statement.${messageKeys[key]}`) }))}
        active={active}
        onRun={(key) => runFormat(editor, key)}
      />
      <EditorContent editor={editor} />
    </div>
  );
}
