// The places side by side: per place its DNA, and per programme its canvas ambitions and the
// roles people marked, with a form to add one. A grid (programmes as rows, places as columns) on
// wide screens; on small screens, and for screen readers, one place after the other.
import {
  Button,
  ButtonGroup,
  Heading3,
  Heading4,
  Heading5,
  Paragraph,
} from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type CSSProperties, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  PositioningConfig,
  PositioningContextPlace,
  RoleValue,
} from '../../../common/activities/positioning.ts';
import { ROLE_LABEL_MAX } from '../../../common/activities/positioning.ts';
import { joinList } from '../../../common/activities/positioning.overlap.ts';
import { TextField } from '../../components/Fields.tsx';
import { formatNumber } from '../../i18n/i18n.ts';
import { cellKey, overlapOf, roleLabelProblem, rolesByCell } from './positioningModel.ts';
import type { PositioningData } from './usePositioningData.ts';

export interface PlaceGridProps {
  activityId: string;
  config: PositioningConfig;
  data: PositioningData;
  /** Per place id, what the positioning context knows; absent while loading or after a failure. */
  contextOf: (placeId: string) => PositioningContextPlace | null;
  /** Whose roles may be removed: the viewer's own, or everyone's for a facilitator. */
  canRemove: (role: RoleValue) => boolean;
  /** Null when the viewer may not add roles (read-only). */
  onAdd: ((placeId: string, programme: string, label: string) => void) | null;
  onRemove: (role: RoleValue) => void;
  meId: string;
  showAuthors: boolean;
  locale: string;
}

/** Renders the grid; every action is a button or a form, nothing needs dragging. */
export function PlaceGrid(props: PlaceGridProps) {
  const { t } = useTranslation('positioning');
  const headingId = useId();
  const { config, data } = props;
  const cells = rolesByCell(data.roles);
  const style = { '--stadshart-positioning-columns': config.placeIds.length } as CSSProperties;
  // Every role label already used per programme, so people can pick the same wording.
  const suggestions = new Map<string, string[]>();
  for (const role of data.roles) {
    const list = suggestions.get(role.programme) ?? [];
    if (!list.includes(role.label)) list.push(role.label);
    suggestions.set(role.programme, list);
  }

  return (
    <section aria-labelledby={headingId} className="stadshart-positioning-places">
      <Heading3 id={headingId}>{t('places.heading')}</Heading3>
      <Paragraph>{t('places.intro')}</Paragraph>
      {config.programmes.map((programme) => (
        <datalist key={programme.key} id={`${props.activityId}-suggest-${programme.key}`}>
          {(suggestions.get(programme.key) ?? []).map((label) => (
            <option key={label} value={label} />
          ))}
        </datalist>
      ))}
      <div className="stadshart-positioning-grid" style={style}>
        {config.programmes.map((programme, row) => (
          <div
            key={programme.key}
            className="stadshart-positioning-grid__rowhead"
            style={{ gridColumn: 1, gridRow: row + 2 }}
            aria-hidden="true"
          >
            {programme.label}
          </div>
        ))}
        {config.placeIds.map((placeId, column) => {
          const place = props.contextOf(placeId);
          const name = data.placeName(placeId);
          return [
            <div
              key={placeId}
              className="stadshart-positioning-grid__place"
              style={{ gridColumn: column + 2, gridRow: 1 }}
            >
              <Heading4>{name}</Heading4>
              <PlaceDna name={name} place={place} />
            </div>,
            ...config.programmes.map((programme, row) => (
              <RoleCell
                key={`${placeId}-${programme.key}`}
                {...props}
                placeId={placeId}
                placeName={name}
                programme={programme.key}
                programmeLabel={programme.label}
                ambitions={
                  place?.ambitions.find((a) => a.programme === programme.key)?.notes ?? null
                }
                roles={cells.get(cellKey(programme.key, placeId)) ?? []}
                style={{ gridColumn: column + 2, gridRow: row + 2 }}
              />
            )),
          ];
        })}
      </div>
    </section>
  );
}

function PlaceDna({ name, place }: { name: string; place: PositioningContextPlace | null }) {
  const { t } = useTranslation('positioning');
  if (!place) return null;
  const hasDna = place.dnaTags.length > 0 || place.dnaNotes.length > 0;
  return (
    <div className="stadshart-positioning-dna">
      <Paragraph className="stadshart-positioning-dna__title">
        {t('places.dna', { place: name })}
      </Paragraph>
      {!hasDna && <Paragraph>{t('places.noDna')}</Paragraph>}
      {place.dnaTags.length > 0 && (
        <ul className="stadshart-positioning-tags">
          {place.dnaTags.map((tag) => (
            <li key={tag} className="stadshart-positioning-tags__tag">
              {tag}
            </li>
          ))}
        </ul>
      )}
      {place.dnaNotes.length > 0 && (
        <>
          <Paragraph>{t('places.fromCanvas')}</Paragraph>
          <ul className="stadshart-positioning-list">
            {place.dnaNotes.map((note, index) => (
              <li key={index}>{note}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function RoleCell({
  activityId,
  placeId,
  placeName,
  programme,
  programmeLabel,
  ambitions,
  roles,
  style,
  data,
  canRemove,
  onAdd,
  onRemove,
  meId,
  showAuthors,
  locale,
}: PlaceGridProps & {
  placeId: string;
  placeName: string;
  programme: string;
  programmeLabel: string;
  ambitions: string[] | null;
  roles: RoleValue[];
  style: CSSProperties;
}) {
  const { t } = useTranslation('positioning');
  const headingId = useId();
  const [isAdding, setAdding] = useState(false);
  const openButton = useRef<HTMLButtonElement>(null);
  const wasAdding = useRef(false);

  // Closing the form brings focus back to the button that opened it.
  useEffect(() => {
    if (!isAdding && wasAdding.current) openButton.current?.focus();
    wasAdding.current = isAdding;
  }, [isAdding]);

  return (
    <div
      className="stadshart-positioning-cell"
      style={style}
      aria-labelledby={headingId}
      role="group"
    >
      <Heading5 id={headingId} className="stadshart-positioning-cell__heading">
        <span aria-hidden="true">{programmeLabel}</span>
        <span className="stadshart-visually-hidden">
          {t('places.cell', { programme: programmeLabel, place: placeName })}
        </span>
      </Heading5>
      {ambitions !== null && (
        <div className="stadshart-positioning-ambitions">
          <Paragraph className="stadshart-positioning-ambitions__title">
            {t('places.ambitions')}
          </Paragraph>
          {ambitions.length === 0 ? (
            <Paragraph>{t('places.noAmbitions')}</Paragraph>
          ) : (
            <ul className="stadshart-positioning-list">
              {ambitions.map((note, index) => (
                <li key={index}>{note}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <Paragraph className="stadshart-positioning-ambitions__title">{t('roles.heading')}</Paragraph>
      {roles.length === 0 ? (
        <Paragraph>{t('roles.none')}</Paragraph>
      ) : (
        <ul className="stadshart-positioning-roles">
          {roles.map((role) => {
            const overlap = overlapOf(role, data.overlapsByKey);
            const others = overlap?.placeIds.filter((id) => id !== placeId) ?? [];
            const author =
              role.authorId === meId
                ? t('roles.yours')
                : showAuthors && role.authorName
                  ? t('roles.by', { name: role.authorName })
                  : null;
            return (
              <li
                key={role.id}
                className={`stadshart-positioning-role${overlap ? ' stadshart-positioning-role--overlap' : ''}`}
              >
                <span className="stadshart-positioning-role__label">{role.label}</span>
                {author && <span className="stadshart-positioning-role__meta">{author}</span>}
                {overlap && (
                  <strong className="stadshart-positioning-role__overlap">
                    {t('roles.overlap', { places: joinList(locale, others.map(data.placeName)) })}
                  </strong>
                )}
                {onAdd && canRemove(role) && (
                  <Button
                    type="button"
                    appearance="subtle-button"
                    hint="danger"
                    aria-label={t('roles.removeLabel', { label: role.label, place: placeName })}
                    onClick={() => onRemove(role)}
                  >
                    {t('roles.remove')}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {onAdd &&
        (isAdding ? (
          <AddRoleForm
            fieldName={`${activityId}-role-${placeId}-${programme}`}
            listId={`${activityId}-suggest-${programme}`}
            label={t('roles.label', { place: placeName, programme: programmeLabel })}
            onSubmit={(label) => onAdd(placeId, programme, label)}
            onClose={() => setAdding(false)}
          />
        ) : (
          <ButtonGroup>
            <Button
              ref={openButton}
              type="button"
              appearance="secondary-action-button"
              aria-label={t('roles.openLabel', { place: placeName, programme: programmeLabel })}
              onClick={() => setAdding(true)}
            >
              {t('roles.open')}
            </Button>
          </ButtonGroup>
        ))}
    </div>
  );
}

/** The "add a role" form: a text field with suggestions, add and close; Escape closes. */
function AddRoleForm({
  fieldName,
  listId,
  label,
  onSubmit,
  onClose,
}: {
  fieldName: string;
  listId: string;
  label: string;
  onSubmit: (label: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('positioning');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const formRef = useRef<HTMLFormElement>(null);
  const max = formatNumber(ROLE_LABEL_MAX);

  useEffect(() => {
    formRef.current?.querySelector('input')?.focus();
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const problem = roleLabelProblem(text);
    if (problem) {
      setError(t(`roles.${problem}`, { max }));
    } else {
      setError(undefined);
      onSubmit(text.trim());
      setText('');
    }
    formRef.current?.querySelector('input')?.focus();
  }

  return (
    <form
      ref={formRef}
      className="stadshart-positioning-add"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onClose();
      }}
      noValidate
    >
      <TextField
        name={fieldName}
        label={label}
        description={t('roles.hint', { max })}
        value={text}
        onChange={setText}
        error={error}
        list={listId}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button">
          {t('roles.submit')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onClose}>
          {t('roles.close')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
