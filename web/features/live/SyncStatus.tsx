// Says plainly whether everything is saved; tests and people read the same element.
import { useTranslation } from 'react-i18next';
import type { SyncState } from '../../collab/syncState.ts';

/** Shows "Alles opgeslagen", "Opslaan…" or "Offline — n wijzigingen nog niet verzonden". */
export function SyncStatus({ sync }: { sync: SyncState }) {
  const { t } = useTranslation('live');
  const text =
    sync.state === 'offline' ? t('sync.offline', { count: sync.pending }) : t(`sync.${sync.state}`);
  // Not a live region: it flips with every keystroke. Going offline and back is announced
  // by the page's announcer instead.
  return (
    <p
      className={`stadshart-live-sync stadshart-live-sync--${sync.state}`}
      data-sync-state={sync.state}
      data-pending={sync.pending}
    >
      <span className="stadshart-live-sync__dot" aria-hidden="true" />
      {text}
    </p>
  );
}
