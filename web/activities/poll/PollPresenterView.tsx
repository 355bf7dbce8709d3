// A poll on the big screen: the question and the live results, large.
import { Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { summarisePoll, type PollConfig } from '../../../common/activities/poll.ts';
import { readAnswers } from '../../../common/activities/poll.doc.ts';
import type { ActivityViewProps } from '../registry.types.ts';
import { useDocVersion } from '../../collab/useDocVersion.ts';
import { PollResults } from './PollResults.tsx';

/** The poll activity's presenter view; results are always live here (docs: control.resultsRevealed). */
export function PollPresenterView(props: ActivityViewProps) {
  if (props.activity.config.kind !== 'poll') return null;
  return <PollPresenter {...props} config={props.activity.config} />;
}

function PollPresenter({ doc, config }: ActivityViewProps & { config: PollConfig }) {
  const version = useDocVersion(doc);
  const results = useMemo(
    () => summarisePoll(config, readAnswers(doc).values()),
    [config, doc, version],
  );
  return (
    <div className="stadshart-poll stadshart-poll--presenter">
      <Paragraph className="stadshart-poll__question">{config.question}</Paragraph>
      <PollResults config={config} results={results} size="large" />
    </div>
  );
}
