// Builds the finished demo lab for IJmond: every method used, the documents stored as the live
// lab would have left them, and the projections written by the kinds' own modules, so the lab's
// page, its synthesis and the follow-up read it exactly like a lab that really took place.
import { and, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { addNote, placeDot } from '../../common/activities/canvas.doc.ts';
import type { CanvasConfig } from '../../common/activities/canvas.ts';
import { patchActivityState, setCurrent } from '../../common/activities/control.doc.ts';
import {
  placeActionDot,
  proposeAction as proposeLabAction,
  setActionStatus,
} from '../../common/activities/actions.doc.ts';
import type { ActionsConfig } from '../../common/activities/actions.ts';
import type { VoteState } from '../../common/activities/control.ts';
import { setAnswer } from '../../common/activities/poll.doc.ts';
import type { PollConfig } from '../../common/activities/poll.ts';
import { addAgreement, addRole, setVerdict } from '../../common/activities/positioning.doc.ts';
import { overlapKey, normaliseRoleLabel } from '../../common/activities/positioning.overlap.ts';
import type { PositioningConfig } from '../../common/activities/positioning.ts';
import type { ActivityConfig } from '../../common/activities/registry.ts';
import {
  addScenarioNote,
  proposeAction as proposeScenarioAction,
  recordVerdict,
  writeQuadrant,
} from '../../common/activities/scenarios.doc.ts';
import { defaultScenariosConfig } from '../../common/activities/scenarios.ts';
import {
  chooseTheme,
  setRespondentPlace,
  setScore,
} from '../../common/activities/trendscan.doc.ts';
import type { TrendscanConfig } from '../../common/activities/trendscan.ts';
import {
  addSuggestion,
  decideSuggestion,
  visionFragment,
} from '../../common/activities/vision.doc.ts';
import type { VisionConfig } from '../../common/activities/vision.ts';
import { activityDocumentName, controlDocumentName } from '../../common/collab.ts';
import { labInput } from '../../common/labs.ts';
import { builtinCatalogue } from '../../common/trends.builtin.ts';
import { moduleFor } from '../activities/registry.ts';
import { createLabAsOperator } from '../features/labs/labs.service.ts';
import type { Db } from './client.ts';
import {
  demoActions,
  demoCanvasNotes,
  demoChosenThemes,
  demoLabFacts,
  demoLabPeople,
  demoPoll,
  demoPositioning,
  demoScenarios,
  demoTrendComments,
  demoTrendScores,
  demoVision,
  type DemoPerson,
} from './demo-lab.content.ts';
import {
  activities,
  collabDocuments,
  labActions,
  labActionUpdates,
  labParticipants,
  labs,
  users,
} from './schema.ts';

interface Person {
  participantId: string;
  name: string;
  userId: string | null;
}

// The room's dot votes as the facilitator left them: closed and revealed.
const revealedVote = (dotsPerPerson: number): VoteState => ({
  open: false,
  dotsPerPerson,
  sectionKey: null,
  revealed: true,
});
// Opened only while the seed places dots, because the document helpers refuse dots otherwise.
const openVote = (dotsPerPerson: number): VoteState => ({
  open: true,
  dotsPerPerson,
  sectionKey: null,
  revealed: false,
});
const CANVAS_DOTS_PER_PERSON = 5;
const NOTE_COLOUR = 'yellow';

/** The places of the demo region by name (Heemskerk, IJmuiden, Beverwijk). */
export type DemoPlaces = ReadonlyMap<string, string>;

/**
 * Creates the finished regional demo lab (closed, with every method used) for the organisation;
 * returns the lab's id. Runs inside the seed's transaction.
 */
export async function seedFinishedDemoLab(
  db: Db,
  input: { orgId: string; regionId: string; facilitatorId: string; places: DemoPlaces },
): Promise<string> {
  const placeIds = [...input.places.values()];
  const labId = await createLabAsOperator(
    db,
    input.orgId,
    input.facilitatorId,
    labInput.parse({
      title: demoLabFacts.title,
      question: demoLabFacts.question,
      kind: 'regional',
      regionId: input.regionId,
      placeIds,
      venue: demoLabFacts.venue,
      startsAt: demoLabFacts.startsAt,
    }),
  );
  const people = await addPeople(db, labId);
  const placeOf = (who: DemoPerson): string | null => {
    const place = demoLabPeople[who].place;
    return place ? (input.places.get(place) ?? null) : null;
  };

  const control = new Y.Doc();
  const canvases = await db
    .select({ id: activities.id, config: activities.config, position: activities.position })
    .from(activities)
    .where(eq(activities.labId, labId))
    .orderBy(activities.position);
  for (const canvas of canvases) {
    const config = canvas.config as CanvasConfig;
    const placeName = [...input.places].find(([, id]) => id === config.placeId)?.[0] ?? 'regio';
    const notes = demoCanvasNotes[placeName as keyof typeof demoCanvasNotes];
    const doc = buildCanvas(config, notes, people);
    patchActivityState(control, canvas.id, { vote: revealedVote(CANVAS_DOTS_PER_PERSON) });
    await storeAndProject(db, labId, canvas.id, config, doc);
  }

  let position = canvases.length;
  const add = async (kind: ActivityConfig['kind'], title: string, config: ActivityConfig) => {
    const [row] = await db
      .insert(activities)
      .values({ labId, position: position++, kind, title, config })
      .returning({ id: activities.id });
    if (!row) throw new Error(`the demo ${kind} activity was not created`);
    return row.id;
  };

  const pollConfig: PollConfig = {
    kind: 'poll',
    question: demoPoll.question,
    type: 'single',
    options: demoPoll.options,
    maxChoices: null,
    scale: null,
  };
  const pollId = await add('poll', 'Peiling: waar staat uw centrum voor?', pollConfig);
  const poll = new Y.Doc();
  for (const [who, choice] of Object.entries(demoPoll.answers)) {
    setAnswer(poll, people.get(who as DemoPerson)!.participantId, { choices: [choice] });
  }
  patchActivityState(control, pollId, { resultsRevealed: true });
  await storeAndProject(db, labId, pollId, pollConfig, poll);

  const trendConfig: TrendscanConfig = {
    kind: 'trendscan',
    items: builtinCatalogue.map((trend) => ({
      key: trend.key,
      trendKey: trend.key,
      kind: 'trend',
      title: trend.title,
      description: trend.description,
    })),
    allowNewDevelopments: true,
    themeCount: demoChosenThemes.length,
  };
  const trendId = await add('trendscan', 'Trendscan: welke trends raken ons?', trendConfig);
  const trendDoc = buildTrendscan(trendConfig, people, placeOf);
  patchActivityState(control, trendId, { resultsRevealed: true });
  await storeAndProject(db, labId, trendId, trendConfig, trendDoc);

  const scenariosConfig = defaultScenariosConfig();
  const scenariosId = await add('scenarios', 'Scenario’s voor 2030', scenariosConfig);
  await storeAndProject(db, labId, scenariosId, scenariosConfig, buildScenarios(people));

  const visionConfig: VisionConfig = {
    kind: 'vision',
    targetYear: demoVision.targetYear,
    placeIds,
    prompt: 'In 2030 zijn de centra van de IJmond …',
    editors: 'everyone',
  };
  const visionId = await add('vision', 'Visie 2030', visionConfig);
  await storeAndProject(db, labId, visionId, visionConfig, buildVision(people));

  const positioningConfig: PositioningConfig = {
    kind: 'positioning',
    programmes: demoPositioning.programmes,
    placeIds,
  };
  const positioningId = await add('positioning', 'Positie in de regio', positioningConfig);
  const positioning = buildPositioning(people, input.places);
  await storeAndProject(db, labId, positioningId, positioningConfig, positioning);

  const actionsConfig: ActionsConfig = {
    kind: 'actions',
    dotsPerPerson: 3,
    termEnds: '2030-03-31',
  };
  const actionsId = await add('actions', 'Acties voor deze raadsperiode', actionsConfig);
  const actionsDoc = buildActions(people);
  patchActivityState(control, actionsId, { vote: revealedVote(actionsConfig.dotsPerPerson) });
  await storeAndProject(db, labId, actionsId, actionsConfig, actionsDoc);
  await followUpActions(db, labId, actionsId, people);

  setCurrent(control, actionsId);
  await storeDocument(db, labId, controlDocumentName(labId), control);
  await db
    .update(labs)
    .set({
      status: 'closed',
      openedAt: new Date(demoLabFacts.startsAt),
      closedAt: new Date(demoLabFacts.closedAt),
    })
    .where(eq(labs.id, labId));
  return labId;
}

/** Creates the lab's participants: the demo accounts as members, the rest as guests. */
async function addPeople(db: Db, labId: string): Promise<Map<DemoPerson, Person>> {
  const people = new Map<DemoPerson, Person>();
  for (const [key, who] of Object.entries(demoLabPeople) as [
    DemoPerson,
    (typeof demoLabPeople)[DemoPerson],
  ][]) {
    let userId: string | null = null;
    let name: string;
    if ('email' in who) {
      const [user] = await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(eq(users.email, who.email));
      if (!user) throw new Error(`the demo account ${who.email} is missing`);
      userId = user.id;
      name = user.name;
    } else {
      name = who.guest;
    }
    const [row] = await db
      .insert(labParticipants)
      .values({
        labId,
        userId,
        kind: userId ? 'member' : 'guest',
        role: key === 'jeroen' ? 'facilitator' : 'participant',
        displayName: name,
        joinedAt: new Date(demoLabFacts.startsAt),
      })
      .returning({ id: labParticipants.id });
    if (!row) throw new Error(`the demo participant ${name} was not created`);
    people.set(key, { participantId: row.id, name, userId });
  }
  return people;
}

function person(people: Map<DemoPerson, Person>, who: DemoPerson): Person {
  const found = people.get(who);
  if (!found) throw new Error(`the demo person ${who} is missing`);
  return found;
}

/** The people who hand out dots, in a fixed order, so each note's dots come from different people. */
function voters(people: Map<DemoPerson, Person>): Person[] {
  return [...people.entries()].filter(([key]) => key !== 'jeroen').map(([, p]) => p);
}

function buildCanvas(
  config: CanvasConfig,
  notes: readonly [DemoPerson, string, string, number][],
  people: Map<DemoPerson, Person>,
): Y.Doc {
  const doc = new Y.Doc();
  const sections = new Set(config.sections.map((s) => s.key));
  const vote = openVote(CANVAS_DOTS_PER_PERSON);
  let next = 0;
  for (const [who, section, text, dots] of notes) {
    if (!sections.has(section)) continue;
    const author = person(people, who);
    const note = addNote(doc, {
      section,
      text,
      colour: NOTE_COLOUR,
      authorId: author.participantId,
      authorName: author.name,
    });
    const room = voters(people);
    for (let i = 0; i < dots; i += 1) {
      const voter = room[next % room.length]!;
      next += 1;
      placeDot(doc, voter.participantId, note.id, vote);
    }
  }
  return doc;
}

function buildTrendscan(
  config: TrendscanConfig,
  people: Map<DemoPerson, Person>,
  placeOf: (who: DemoPerson) => string | null,
): Y.Doc {
  const doc = new Y.Doc();
  for (const [who, scores] of Object.entries(demoTrendScores) as [
    DemoPerson,
    Record<string, [number, number, number]>,
  ][]) {
    const { participantId } = person(people, who);
    setRespondentPlace(doc, participantId, placeOf(who));
    for (const [itemKey, [relevance, impact, uncertainty]] of Object.entries(scores)) {
      const comment = demoTrendComments[who]?.[itemKey];
      setScore(doc, participantId, itemKey, {
        relevance,
        impact,
        uncertainty,
        ...(comment ? { comment } : {}),
      });
    }
  }
  for (const itemKey of demoChosenThemes) {
    const item = config.items.find((i) => i.key === itemKey);
    if (item) chooseTheme(doc, config, { itemKey, trendKey: item.trendKey, title: item.title });
  }
  return doc;
}

function buildScenarios(people: Map<DemoPerson, Person>): Y.Doc {
  const doc = new Y.Doc();
  for (const [quadrant, value] of Object.entries(demoScenarios.quadrants) as [
    keyof typeof demoScenarios.quadrants,
    { name: string; narrative: string },
  ][]) {
    writeQuadrant(doc, quadrant, value);
  }
  for (const [who, quadrant, lane, text] of demoScenarios.notes) {
    const author = person(people, who);
    addScenarioNote(doc, {
      quadrant,
      lane,
      text,
      authorId: author.participantId,
      authorName: author.name,
    });
  }
  for (const action of demoScenarios.actions) {
    const author = person(people, action.by);
    const proposed = proposeScenarioAction(doc, {
      title: action.title,
      origin: action.origin,
      authorId: author.participantId,
      authorName: author.name,
    });
    for (const quadrant of ['hh', 'hl', 'lh', 'll'] as const) {
      if (quadrant === action.origin) continue;
      recordVerdict(
        doc,
        proposed.id,
        quadrant,
        (action.holds as readonly string[]).includes(quadrant),
      );
    }
  }
  return doc;
}

function buildVision(people: Map<DemoPerson, Person>): Y.Doc {
  const doc = new Y.Doc();
  // The rich-text editor stores paragraphs as elements named after the node type.
  const paragraphs = demoVision.paragraphs.map((text) => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    return paragraph;
  });
  doc.transact(() => visionFragment(doc).insert(0, paragraphs));
  for (const suggestion of demoVision.suggestions) {
    const author = person(people, suggestion.by);
    const added = addSuggestion(doc, {
      text: suggestion.text,
      quote: null,
      authorId: author.participantId,
      authorName: author.name,
    });
    if (suggestion.status !== 'open') decideSuggestion(doc, added.id, suggestion.status);
  }
  return doc;
}

function buildPositioning(people: Map<DemoPerson, Person>, places: DemoPlaces): Y.Doc {
  const doc = new Y.Doc();
  for (const [who, placeName, programme, label] of demoPositioning.roles) {
    const placeId = places.get(placeName);
    if (!placeId) continue;
    const author = person(people, who);
    addRole(doc, {
      placeId,
      programme,
      label,
      authorId: author.participantId,
      authorName: author.name,
    });
  }
  for (const verdict of demoPositioning.verdicts) {
    setVerdict(doc, overlapKey(verdict.programme, normaliseRoleLabel(verdict.role)), {
      verdict: verdict.verdict,
      note: verdict.note,
    });
  }
  const facilitator = person(people, 'jeroen');
  for (const agreement of demoPositioning.agreements) {
    addAgreement(doc, {
      text: agreement.text,
      placeIds: agreement.places.map((name) => places.get(name)).filter((id) => id !== undefined),
      programme: null,
      authorId: facilitator.participantId,
      authorName: facilitator.name,
    });
  }
  return doc;
}

function buildActions(people: Map<DemoPerson, Person>): Y.Doc {
  const doc = new Y.Doc();
  const vote = openVote(3);
  let next = 0;
  for (const action of demoActions) {
    const author = person(people, action.by);
    const proposed = proposeLabAction(
      doc,
      {
        title: action.title,
        description: action.description,
        ownerName: action.ownerName,
        horizon: action.horizon,
        startsOn: action.startsOn,
        endsOn: action.endsOn,
        links: [],
      },
      { authorId: author.participantId, authorName: author.name },
    );
    if (action.status !== 'proposed') setActionStatus(doc, proposed.id, action.status);
    const room = voters(people);
    for (let i = 0; i < action.dots; i += 1) {
      const voter = room[next % room.length]!;
      next += 1;
      placeActionDot(doc, voter.participantId, proposed.id, vote);
    }
  }
  return doc;
}

/** Records the follow-up after the lab, as the facilitator would on the lab's page. */
async function followUpActions(
  db: Db,
  labId: string,
  activityId: string,
  people: Map<DemoPerson, Person>,
): Promise<void> {
  const facilitator = person(people, 'jeroen');
  const rows = await db
    .select({ actionId: labActions.actionId, title: labActions.title })
    .from(labActions)
    .where(eq(labActions.activityId, activityId));
  for (const action of demoActions) {
    if (!action.followUp) continue;
    const row = rows.find((r) => r.title === action.title);
    if (!row) continue;
    await db.insert(labActionUpdates).values({
      activityId,
      actionId: row.actionId,
      labId,
      userId: facilitator.userId,
      authorName: facilitator.name,
      status: action.followUp.status,
      progress: action.followUp.progress,
      note: action.followUp.note,
    });
    await db
      .update(labActions)
      .set({ status: action.followUp.status, progress: action.followUp.progress })
      .where(and(eq(labActions.activityId, activityId), eq(labActions.actionId, row.actionId)));
  }
}

async function storeDocument(db: Db, labId: string, name: string, doc: Y.Doc): Promise<void> {
  await db
    .insert(collabDocuments)
    .values({ name, labId, state: Buffer.from(Y.encodeStateAsUpdate(doc)) });
}

/** Stores an activity's document and lets its kind write the projection rows, as the live lab does. */
async function storeAndProject(
  db: Db,
  labId: string,
  activityId: string,
  config: ActivityConfig,
  doc: Y.Doc,
): Promise<void> {
  await storeDocument(db, labId, activityDocumentName(labId, activityId), doc);
  await moduleFor(config.kind).project(db, doc, { labId, activityId, config });
}
