// What a participant (or facilitator) sees of a vision: the statement, written together in the
// editor by those who may, shown as text to the others, and the suggestions around it.
import type { Editor } from '@tiptap/core';
import { Alert, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  decideSuggestion,
  measureVisionText,
  readSuggestions,
} from '../../../common/activities/vision.doc.ts';
import {
  mayEditVision,
  VISION_TEXT_MAX,
  type SuggestionValue,
  type VisionConfig,
} from '../../../common/activities/vision.ts';
import { useDocVersion } from '../../collab/useDocVersion.ts';
import { formatNumber } from '../../i18n/i18n.ts';
import type { ActivityViewProps } from '../registry.types.ts';
import { VisionEditor } from './VisionEditor.tsx';
import { VisionStatement } from './VisionStatement.tsx';
import {
  SuggestionForm,
  SuggestionList,
  useSuggestionAnnouncements,
} from './VisionSuggestions.tsx';
import {
  coveredPlaces,
  findQuote,
  paragraphsOf,
  replacementOf,
  selectedPassage,
} from './visionModel.ts';

/** Elements of the rendered statement that start a new line. */
const LINE_STARTS = new Set(['P', 'H4', 'LI', 'BR', 'DIV']);

/**
 * The text of the part of `range` inside `container`, a new line wherever the rendered statement
 * starts one (a triple click selects up to the start of whatever follows the paragraph).
 */
function passageInside(range: Range, container: HTMLElement): string {
  const walker = document.createTreeWalker(
    container,
    NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT,
  );
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!range.intersectsNode(node)) continue;
    if (node instanceof Element) {
      if (LINE_STARTS.has(node.tagName)) text += '\n';
      continue;
    }
    const value = node.nodeValue ?? '';
    const start = node === range.startContainer ? range.startOffset : 0;
    const end = node === range.endContainer ? range.endOffset : value.length;
    text += value.slice(start, end);
  }
  return text.trim();
}

/** Shows the size only when the statement nears the limit; earlier it is noise. */
const SIZE_SHOWN_FROM = 0.8;

/** The vision activity's participant view (facilitators also decide on suggestions here). */
export function VisionView(props: ActivityViewProps) {
  if (props.activity.config.kind !== 'vision') return null;
  return <Vision {...props} config={props.activity.config} />;
}

type Notice = { kind: 'ok' | 'warning'; text: string } | null;

function Vision({
  lab,
  doc,
  me,
  readOnly,
  config,
  ...props
}: ActivityViewProps & { config: VisionConfig }) {
  const { t } = useTranslation('vision');
  const headingId = useId();
  const hintId = useId();
  const isFacilitator = me.role === 'facilitator';
  const isEditable = mayEditVision(config, { isFacilitator }) && !readOnly;
  const [editor, setEditor] = useState<Editor | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const statementRef = useRef<HTMLDivElement>(null);
  const version = useDocVersion(doc);
  const suggestions = useMemo(() => readSuggestions(doc), [doc, version]);
  const size = useMemo(() => measureVisionText(doc), [doc, version]);
  const places = coveredPlaces(lab, config);
  const year = String(config.targetYear);
  useSuggestionAnnouncements(doc, me, lab.anonymous, (message) => props.announce(message));

  const onFull = useCallback(
    () =>
      setNotice({
        kind: 'warning',
        text: t('statement.full', { max: formatNumber(VISION_TEXT_MAX) }),
      }),
    [t],
  );

  /** The passage selected in the statement: in the editor, or in the text shown to readers. */
  function readSelection(): string {
    if (editor) {
      const { from, to } = editor.state.selection;
      return selectedPassage(editor.state.doc, from, to);
    }
    const selection = window.getSelection();
    const container = statementRef.current;
    if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !container) return '';
    return passageInside(selection.getRangeAt(0), container);
  }

  /** Takes a suggestion into the text through the editor, so it syncs like any edit. */
  function accept(suggestion: SuggestionValue) {
    if (!editor) return;
    const before = editor.state.doc;
    const range = suggestion.quote === null ? null : findQuote(before, suggestion.quote);
    const isEmpty = before.childCount <= 1 && before.textContent.trim() === '';
    if (range) {
      editor.commands.insertContentAt(range, replacementOf(suggestion.text));
    } else if (isEmpty) {
      editor.commands.insertContentAt(
        { from: 0, to: before.content.size },
        paragraphsOf(suggestion.text),
      );
    } else {
      editor.commands.insertContentAt(before.content.size, paragraphsOf(suggestion.text));
    }
    // The size guard may have stopped the edit: then the suggestion stays open.
    if (editor.state.doc === before) {
      setNotice({ kind: 'warning', text: t('suggestions.acceptFull') });
      return;
    }
    decideSuggestion(doc, suggestion.id, 'accepted');
    const isAppendedInstead = suggestion.quote !== null && !range;
    setNotice({
      kind: 'ok',
      text: t(isAppendedInstead ? 'suggestions.acceptedAppended' : 'suggestions.accepted'),
    });
  }

  function decide(suggestion: SuggestionValue, status: 'accepted' | 'rejected') {
    if (status === 'accepted') {
      accept(suggestion);
      return;
    }
    decideSuggestion(doc, suggestion.id, 'rejected');
    setNotice({ kind: 'ok', text: t('suggestions.rejected') });
  }

  const onStatus = (text: string) => setNotice({ kind: 'ok', text });

  return (
    <div className="stadshart-vision-view stadshart-stack">
      <section aria-labelledby={headingId} className="stadshart-stack">
        <Heading3 id={headingId}>{t('heading', { year })}</Heading3>
        <Paragraph>
          {t('places', {
            places: places.length > 0 ? places.join(', ') : t('noPlaces'),
          })}
        </Paragraph>
        {config.prompt && (
          <Paragraph className="stadshart-vision-view__prompt">{config.prompt}</Paragraph>
        )}
        {!readOnly && (
          <Paragraph>
            {t(config.editors === 'everyone' ? 'editorsAll' : 'editorsFacilitators')}
          </Paragraph>
        )}
        {isEditable ? (
          <>
            <Paragraph id={hintId}>{t('statement.hint')}</Paragraph>
            <VisionEditor
              doc={doc}
              label={t('statement.label', { year })}
              describedBy={hintId}
              onEditor={setEditor}
              onFull={onFull}
            />
            {size >= VISION_TEXT_MAX * SIZE_SHOWN_FROM && (
              <Paragraph>
                {t('statement.size', {
                  used: formatNumber(size),
                  max: formatNumber(VISION_TEXT_MAX),
                })}
              </Paragraph>
            )}
          </>
        ) : (
          <VisionStatement doc={doc} emptyText={t('statement.empty')} containerRef={statementRef} />
        )}
      </section>

      <div role="status">
        {notice && (
          <Alert type={notice.kind} role="presentation">
            <Paragraph>{notice.text}</Paragraph>
          </Alert>
        )}
      </div>

      <SuggestionList
        doc={doc}
        suggestions={suggestions}
        me={me}
        canDecide={isFacilitator && !readOnly && editor !== null}
        canWithdraw={!readOnly}
        onDecide={decide}
        onStatus={onStatus}
        form={
          readOnly ? null : (
            <SuggestionForm
              doc={doc}
              me={me}
              isAnonymous={lab.anonymous}
              readSelection={readSelection}
              onSent={onStatus}
            />
          )
        }
      />
    </div>
  );
}
