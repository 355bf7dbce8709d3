// The body of a knowledge item, written by several members at once: TipTap bound to the item's
// Yjs document (`knowledge.<itemId>`, docs/COLLAB_SPEC.md "Knowledge items") through the
// Collaboration extension, without cursors or awareness, with a small toolbar and a sync state
// that says plainly whether everything is saved.
import {
  HocuspocusProvider,
  HocuspocusProviderWebsocket,
  WebSocketStatus,
} from '@hocuspocus/provider';
import { Collaboration } from '@tiptap/extension-collaboration';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { closeCodes } from '../../../common/collab.ts';
import {
  KNOWLEDGE_BODY_ROOT,
  knowledgeBodyExtensions,
  knowledgeCollabToken,
} from '../../../common/knowledgeBody.ts';
import {
  activeFormats,
  FormatToolbar,
  richTextFormats,
  runFormat,
  type FormatKey,
} from '../../components/FormatToolbar.tsx';
import { api } from '../../api/client.ts';
import { codeFromReason } from '../../collab/closeDecisions.ts';
import { collabUrl } from '../../collab/labConnection.ts';
import { deriveSyncState, type SocketStatus, type SyncStateName } from '../../collab/syncState.ts';

export interface KnowledgeBodyEditorProps {
  orgSlug: string;
  itemId: string;
  /** `knowledge.<itemId>`, as the item's API answer gives it. */
  documentName: string;
  /** True when the page already knows the person may only read the body now. */
  readOnly: boolean;
  /** The accessible name of the editable region, e.g. "Tekst van het artikel". */
  label: string;
}

/** Why the editor stopped: no access (any more), or the server refused the last change. */
export type BodyProblem = 'noAccess' | 'refused';

/** What a refusal from the server means for the editor (docs/COLLAB_SPEC.md, "Close codes"). */
export function problemOfRefusal(
  reason: string,
  where: 'authentication' | 'document',
): BodyProblem | null {
  const code = codeFromReason(reason);
  if (where === 'authentication') return 'noAccess';
  if (code === closeCodes.rejected || code === closeCodes.forbidden) return 'refused';
  if (code === closeCodes.notFound) return 'noAccess';
  return null;
}

interface BodySession {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  persistence: IndexeddbPersistence | null;
}

interface LiveState {
  socket: SocketStatus;
  hasLostConnection: boolean;
  synced: boolean;
  unsynced: number;
  serverReadOnly: boolean;
  problem: BodyProblem | null;
  isOnline: boolean;
}

const initialLiveState: LiveState = {
  socket: 'connecting',
  hasLostConnection: false,
  synced: false,
  unsynced: 0,
  serverReadOnly: false,
  problem: null,
  isOnline: true,
};

const socketStatusOf: Record<WebSocketStatus, SocketStatus> = {
  [WebSocketStatus.Connecting]: 'connecting',
  [WebSocketStatus.Connected]: 'connected',
  [WebSocketStatus.Disconnected]: 'disconnected',
};

/** Derives the words shown for the sync state; a stopped editor shows its problem instead. */
export function bodySyncState(live: LiveState): SyncStateName {
  return deriveSyncState({
    isOnline: live.isOnline,
    socket: live.socket,
    hasLostConnection: live.hasLostConnection,
    isStopped: live.problem !== null,
    documents: [{ pending: 0, unsynced: live.unsynced, synced: live.synced }],
  }).state;
}

/**
 * Opens the item's document: one WebSocket, one provider (no awareness), a copy in IndexedDB so
 * edits made offline survive a reload, and a token fetched anew for every (re)connection.
 */
function useBodySession(
  props: Pick<KnowledgeBodyEditorProps, 'orgSlug' | 'itemId' | 'documentName'>,
  generation: number,
): { session: BodySession | null; live: LiveState } {
  const { orgSlug, itemId, documentName } = props;
  const [session, setSession] = useState<BodySession | null>(null);
  const [live, setLive] = useState<LiveState>(initialLiveState);

  useEffect(() => {
    const update = (patch: Partial<LiveState>) => setLive((current) => ({ ...current, ...patch }));
    setLive({ ...initialLiveState, isOnline: navigator.onLine });
    const doc = new Y.Doc();
    const persistence =
      typeof indexedDB === 'undefined' ? null : new IndexeddbPersistence(documentName, doc);
    const socket = new HocuspocusProviderWebsocket({
      url: collabUrl(),
      onStatus: ({ status }) => {
        const next = socketStatusOf[status];
        update(
          next === 'connected'
            ? { socket: next, hasLostConnection: false }
            : { socket: next, hasLostConnection: true, synced: false },
        );
      },
    });
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: documentName,
      document: doc,
      // The house sends no awareness (docs/COLLAB_SPEC.md, "Awareness").
      awareness: null,
      token: async () => {
        const answer = await api('POST', `/orgs/${orgSlug}/knowledge/${itemId}/collab-token`, {
          schema: knowledgeCollabToken,
        });
        return answer.token;
      },
      onAuthenticated: ({ scope }) => update({ serverReadOnly: scope === 'readonly' }),
      onAuthenticationFailed: ({ reason }) =>
        update({ problem: problemOfRefusal(reason, 'authentication') }),
      onClose: ({ event }) => {
        const problem = problemOfRefusal(String(event.reason ?? ''), 'document');
        if (problem) update({ problem });
      },
      onSynced: ({ state }) => update({ synced: state }),
      onUnsyncedChanges: ({ number }) => update({ unsynced: number }),
    });
    provider.attach();
    const onOnline = () => update({ isOnline: true });
    const onOffline = () => update({ isOnline: false });
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    setSession({ doc, provider, socket, persistence });
    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      setSession(null);
      provider.destroy();
      socket.destroy();
      void persistence?.destroy();
      doc.destroy();
    };
  }, [orgSlug, itemId, documentName, generation]);

  return { session, live };
}

const formatKeys = richTextFormats;
type BodyFormat = (typeof formatKeys)[number];

/** The toolbar: real buttons (Tab and Enter/Space work), each saying with aria-pressed whether it is on. */
export function KnowledgeBodyToolbar({
  active,
  onRun,
}: {
  active: Partial<Record<BodyFormat, boolean>>;
  onRun: (key: FormatKey) => void;
}) {
  const { t } = useTranslation('knowledgeEditor');
  return (
    <FormatToolbar
      label={t('toolbar')}
      buttons={formatKeys.map((key) => ({ key, label: t(key) }))}
      active={active}
      onRun={onRun}
    />
  );
}

/** The sync state in words, announced politely when it changes; a problem replaces it. */
export function KnowledgeBodyStatus({
  state,
  problem,
  onReload,
}: {
  state: SyncStateName;
  problem: BodyProblem | null;
  onReload: () => void;
}) {
  const { t } = useTranslation('knowledgeEditor');
  if (problem) {
    return (
      <div role="alert" className="stadshart-knowledge-editor__problem">
        <Paragraph>{t(`problem.${problem}`)}</Paragraph>
        {problem === 'refused' && (
          <Button type="button" appearance="secondary-action-button" onClick={onReload}>
            {t('problem.reload')}
          </Button>
        )}
      </div>
    );
  }
  return (
    <p role="status" aria-live="polite" data-sync-state={state}>
      {t(`sync.${state}`)}
    </p>
  );
}

/** The live body editor of one knowledge item; read-only when the page or the server says so. */
export function KnowledgeBodyEditor({
  orgSlug,
  itemId,
  documentName,
  readOnly,
  label,
}: KnowledgeBodyEditorProps) {
  const { t } = useTranslation('knowledgeEditor');
  const hintId = useId();
  const [generation, setGeneration] = useState(0);
  const { session, live } = useBodySession({ orgSlug, itemId, documentName }, generation);
  const isReadOnly = readOnly || live.serverReadOnly || live.problem !== null;
  const attributes = {
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': label,
    'aria-describedby': hintId,
    'aria-readonly': String(isReadOnly),
    class: 'stadshart-vision-editor__content',
  };

  const editor = useEditor(
    {
      // The page's Content-Security-Policy refuses inline styles; the editor's CSS is in stadshart.css.
      injectCSS: false,
      editable: !isReadOnly,
      extensions: session
        ? [
            ...knowledgeBodyExtensions(),
            Collaboration.configure({ document: session.doc, field: KNOWLEDGE_BODY_ROOT }),
          ]
        : knowledgeBodyExtensions(),
      editorProps: { attributes },
    },
    [session, label, hintId],
  );

  // The page or the server may turn a person into a reader while the editor is open.
  useEffect(() => {
    editor.setOptions({ editorProps: { attributes: { ...attributes } } });
    editor.setEditable(!isReadOnly, false);
    // `attributes` is rebuilt each render; what it holds besides isReadOnly is in useEditor's deps.
  }, [editor, isReadOnly]);

  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => activeFormats(current, formatKeys),
  });

  // After a refusal the local copy holds what the server refused: drop it and open afresh.
  const reload = () => {
    void clearDocument(documentName).finally(() => setGeneration((g) => g + 1));
  };

  return (
    <div className="stadshart-vision-editor stadshart-knowledge-editor">
      <Paragraph id={hintId}>{isReadOnly ? t('readOnlyHint') : t('hint')}</Paragraph>
      {!isReadOnly && (
        <KnowledgeBodyToolbar active={active} onRun={(key) => runFormat(editor, key)} />
      )}
      {session && <EditorContent editor={editor} />}
      <KnowledgeBodyStatus state={bodySyncState(live)} problem={live.problem} onReload={reload} />
    </div>
  );
}
