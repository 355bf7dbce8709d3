// What a participant (and a facilitator) sees of a regional positioning: the places side by side
// with their DNA and ambitions, the roles people mark, the overlap matrix and summary, the
// overlaps to discuss and the agreements.
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addAgreement,
  addRole,
  clearVerdict,
  deleteAgreement,
  deleteRole,
  setVerdict,
} from '../../../common/activities/positioning.doc.ts';
import type { PositioningConfig } from '../../../common/activities/positioning.ts';
import type { ActivityViewProps } from '../registry.types.ts';
import { AgreementList, type AgreementActions } from './AgreementList.tsx';
import { OverlapReview, type VerdictActions } from './OverlapReview.tsx';
import { PlaceGrid } from './PlaceGrid.tsx';
import { PositioningMatrix, PositioningSummary } from './PositioningMatrix.tsx';
import { changesSince, snapshotOf } from './positioningModel.ts';
import { usePositioningContext } from './usePositioningContext.ts';
import { usePositioningData } from './usePositioningData.ts';

/** The positioning activity's participant view; renders nothing for another kind. */
export function PositioningView(props: ActivityViewProps) {
  if (props.activity.config.kind !== 'positioning') return null;
  return <Positioning {...props} config={props.activity.config} />;
}

function Positioning({
  lab,
  activity,
  doc,
  me,
  readOnly,
  config,
  ...props
}: ActivityViewProps & { config: PositioningConfig }) {
  const { t, i18n } = useTranslation('positioning');
  const locale = i18n.language === 'en' ? 'en' : 'nl';
  const data = usePositioningData(doc, config, lab);
  const context = usePositioningContext(lab.id);
  const [status, setStatus] = useState('');
  const isFacilitator = me.role === 'facilitator' && !readOnly;
  const placeContext = new Map(context.context?.places.map((p) => [p.placeId, p]) ?? []);

  // Say politely what others changed: a new overlap, a verdict, an agreement.
  const snapshot = useRef(snapshotOf(data.analysis, data.agreements));
  const say = useRef((message: string) => props.announce(message));
  say.current = (message: string) => props.announce(message);
  useEffect(() => {
    const changes = changesSince(snapshot.current, data.analysis, data.agreements);
    snapshot.current = snapshotOf(data.analysis, data.agreements);
    for (const change of changes) {
      if (change.kind === 'agreement') {
        say.current(t('announce.agreement', { text: change.agreement.text }));
      } else {
        const role = change.overlap.role;
        say.current(
          change.kind === 'overlap'
            ? t('announce.overlap', {
                programme: data.programmeLabel(change.overlap.programme),
                role,
              })
            : t('announce.verdict', {
                role,
                verdict: t(`overlaps.verdicts.${change.overlap.verdict}`),
              }),
        );
      }
    }
  }, [data, t]);

  const verdictActions: VerdictActions | null = isFacilitator
    ? {
        record(overlap, verdict, note) {
          setVerdict(doc, overlap.key, { verdict, note });
          setStatus(
            t('overlaps.saved', { role: overlap.role, verdict: t(`overlaps.verdicts.${verdict}`) }),
          );
        },
        reopen(overlap) {
          clearVerdict(doc, overlap.key);
          setStatus(t('overlaps.reopened', { role: overlap.role }));
        },
      }
    : null;

  const agreementActions: AgreementActions | null = isFacilitator
    ? {
        add(input) {
          addAgreement(doc, {
            ...input,
            authorId: me.participantId,
            authorName: lab.anonymous ? '' : me.displayName,
          });
          setStatus(t('agreements.added'));
        },
        remove(agreement) {
          deleteAgreement(doc, agreement.id);
          setStatus(t('agreements.removed'));
        },
      }
    : null;

  return (
    <div className="stadshart-positioning stadshart-stack">
      {context.error !== null && (
        <Alert type="info">
          <Paragraph>{t('places.failed')}</Paragraph>
          <Paragraph>
            <Button type="button" appearance="secondary-action-button" onClick={context.reload}>
              {t('places.retry')}
            </Button>
          </Paragraph>
        </Alert>
      )}
      {context.context === null && context.error === null && (
        <Paragraph role="status">{t('places.loading')}</Paragraph>
      )}
      <PlaceGrid
        activityId={activity.id}
        config={config}
        data={data}
        contextOf={(placeId) => placeContext.get(placeId) ?? null}
        canRemove={(role) => role.authorId === me.participantId || me.role === 'facilitator'}
        onAdd={
          readOnly
            ? null
            : (placeId, programme, label) => {
                addRole(doc, {
                  placeId,
                  programme,
                  label,
                  authorId: me.participantId,
                  authorName: lab.anonymous ? '' : me.displayName,
                });
                setStatus(t('roles.added', { label, place: data.placeName(placeId) }));
              }
        }
        onRemove={(role) => {
          deleteRole(doc, role.id);
          setStatus(t('roles.removed', { label: role.label }));
        }}
        meId={me.participantId}
        showAuthors={!lab.anonymous}
        locale={locale}
      />
      <PositioningMatrix config={config} data={data} locale={locale} />
      <PositioningSummary data={data} />
      <OverlapReview
        activityId={activity.id}
        data={data}
        locale={locale}
        actions={verdictActions}
      />
      <AgreementList
        activityId={activity.id}
        config={config}
        data={data}
        locale={locale}
        actions={agreementActions}
      />
      <p className="stadshart-visually-hidden" role="status">
        {status}
      </p>
    </div>
  );
}
