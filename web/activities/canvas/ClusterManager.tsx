// The facilitator's clusters of one section: make, rename and remove named groups of notes.
import {
  Button,
  ButtonGroup,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { clusterValue, type ClusterValue } from '../../../common/activities/canvas.ts';
import { TextField } from '../../components/Fields.tsx';

export interface ClusterActions {
  create(sectionKey: string, name: string): void;
  rename(clusterId: string, name: string): void;
  remove(clusterId: string): void;
}

/** The name's own rule from the shared schema; returns an error message key or null. */
function checkName(name: string): 'empty' | 'tooLong' | null {
  const parsed = clusterValue.shape.name.safeParse(name);
  if (parsed.success) return null;
  return name.trim().length === 0 ? 'empty' : 'tooLong';
}

function ClusterRow({
  cluster,
  noteCount,
  actions,
}: {
  cluster: ClusterValue;
  noteCount: number;
  actions: ClusterActions;
}) {
  const { t } = useTranslation('activities');
  const [mode, setMode] = useState<'view' | 'rename' | 'confirmRemove'>('view');
  const [name, setName] = useState(cluster.name);
  const [error, setError] = useState<string | undefined>(undefined);
  const renameRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const hasLeft = useRef(false);
  const fieldName = `cluster-${cluster.id}-name`;

  useEffect(() => {
    if (mode === 'rename') document.getElementById(`field-${fieldName}`)?.focus();
    else if (mode === 'confirmRemove') confirmRef.current?.focus();
    else if (hasLeft.current) renameRef.current?.focus();
    hasLeft.current ||= mode !== 'view';
  }, [mode, fieldName]);

  function save(event: FormEvent) {
    event.preventDefault();
    const problem = checkName(name);
    if (problem) {
      setError(t(`canvas.clusters.${problem}`));
      return;
    }
    actions.rename(cluster.id, name);
    setError(undefined);
    setMode('view');
  }

  if (mode === 'rename') {
    return (
      <UnorderedListItem>
        <form
          className="stadshart-inline-form"
          onSubmit={save}
          noValidate
          onKeyDown={(event) => {
            if (event.key === 'Escape') setMode('view');
          }}
        >
          <TextField
            name={fieldName}
            label={t('canvas.clusters.newName')}
            value={name}
            onChange={setName}
            error={error}
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button">
              {t('common:form.save')}
            </Button>
            <Button
              type="button"
              appearance="secondary-action-button"
              onClick={() => setMode('view')}
            >
              {t('common:form.cancel')}
            </Button>
          </ButtonGroup>
        </form>
      </UnorderedListItem>
    );
  }

  const nameId = `cluster-${cluster.id}-label`;
  return (
    <UnorderedListItem>
      <span id={nameId}>{t('canvas.clusters.row', { name: cluster.name, count: noteCount })}</span>
      {mode === 'confirmRemove' ? (
        <div className="stadshart-confirm">
          <Paragraph>{t('canvas.clusters.removeQuestion')}</Paragraph>
          <ButtonGroup>
            <Button
              ref={confirmRef}
              appearance="primary-action-button"
              hint="danger"
              aria-describedby={nameId}
              onClick={() => actions.remove(cluster.id)}
            >
              {t('canvas.clusters.removeConfirm')}
            </Button>
            <Button appearance="secondary-action-button" onClick={() => setMode('view')}>
              {t('common:form.cancel')}
            </Button>
          </ButtonGroup>
        </div>
      ) : (
        <ButtonGroup>
          <Button
            ref={renameRef}
            appearance="subtle-button"
            aria-describedby={nameId}
            onClick={() => {
              setName(cluster.name);
              setMode('rename');
            }}
          >
            {t('canvas.clusters.rename')}
          </Button>
          <Button
            appearance="subtle-button"
            hint="danger"
            aria-describedby={nameId}
            onClick={() => setMode('confirmRemove')}
          >
            {t('canvas.clusters.remove')}
          </Button>
        </ButtonGroup>
      )}
    </UnorderedListItem>
  );
}

/**
 * Lists a section's clusters with rename and remove (removing keeps the notes), and a form to
 * make a new one. Notes are put in a cluster from each note's "Verplaatsen…" panel.
 */
export function ClusterManager({
  sectionKey,
  sectionTitle,
  clusters,
  noteCounts,
  actions,
}: {
  sectionKey: string;
  sectionTitle: string;
  clusters: readonly ClusterValue[];
  noteCounts: ReadonlyMap<string, number>;
  actions: ClusterActions;
}) {
  const { t } = useTranslation('activities');
  const [isOpen, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const panelId = `clusters-${sectionKey}`;
  const fieldName = `cluster-${sectionKey}-new`;

  function create(event: FormEvent) {
    event.preventDefault();
    const problem = checkName(name);
    if (problem) {
      setError(t(`canvas.clusters.${problem}`));
      return;
    }
    actions.create(sectionKey, name);
    setName('');
    setError(undefined);
  }

  return (
    <div className="stadshart-clusters">
      <Button
        appearance="subtle-button"
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setOpen(!isOpen)}
      >
        {t('canvas.clusters.toggle', { section: sectionTitle, count: clusters.length })}
      </Button>
      <div id={panelId} hidden={!isOpen}>
        {isOpen && (
          <>
            {clusters.length === 0 ? (
              <Paragraph>{t('canvas.clusters.none')}</Paragraph>
            ) : (
              <UnorderedList>
                {clusters.map((cluster) => (
                  <ClusterRow
                    key={cluster.id}
                    cluster={cluster}
                    noteCount={noteCounts.get(cluster.id) ?? 0}
                    actions={actions}
                  />
                ))}
              </UnorderedList>
            )}
            <form className="stadshart-inline-form" onSubmit={create} noValidate>
              <TextField
                name={fieldName}
                label={t('canvas.clusters.nameLabel')}
                value={name}
                onChange={setName}
                error={error}
              />
              <Button type="submit" appearance="secondary-action-button">
                {t('canvas.clusters.create')}
              </Button>
            </form>
            <Paragraph>{t('canvas.clusters.hint')}</Paragraph>
          </>
        )}
      </div>
    </div>
  );
}
