// The report (verslag) of a lab: what a generation job collects, what the facilitator edits, and
// the frozen document of a finalised version that every export (PDF, Markdown, DOCX, CSV, XLSX)
// renders. Exports read only a version's document and raw data, so the same version always gives
// the same content in every format (docs/reports.md).
import { z } from 'zod';
import { activityKind } from './activities/registry.ts';
import { isoDateTime, slug, uuid } from './fields.ts';
import { richDoc } from './richtext.ts';

// ---------------------------------------------------------------------------------------------
// Licences

export const licenceCodes = [
  'CC-BY-SA-4.0',
  'CC-BY-4.0',
  'CC0-1.0',
  'all-rights-reserved',
] as const;
export const licenceCode = z.enum(licenceCodes);
export type LicenceCode = z.infer<typeof licenceCode>;
export const DEFAULT_LICENCE: LicenceCode = 'CC-BY-SA-4.0';

/** How each licence is named and where its text lives; the names are the licences' own. */
export const licenceInfo: Record<LicenceCode, { name: string; url: string | null }> = {
  'CC-BY-SA-4.0': {
    name: 'CC BY-SA 4.0',
    url: 'https://creativecommons.org/licenses/by-sa/4.0/deed.nl',
  },
  'CC-BY-4.0': { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.nl' },
  'CC0-1.0': { name: 'CC0 1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/deed.nl' },
  'all-rights-reserved': { name: 'Alle rechten voorbehouden', url: null },
};

export const ATTRIBUTION_MAX = 300;

/** The attribution line every page and export shows: who made it, when, under which licence. */
export function attributionLine(input: {
  attribution: string;
  orgName: string;
  year: number;
  licence: LicenceCode;
}): string {
  const who = input.attribution.trim() || input.orgName;
  return `© ${input.year} ${who} · ${licenceInfo[input.licence].name}`;
}

export const reportLicence = z.object({
  code: licenceCode,
  /** Who is credited; empty = the authoring organisation's name. */
  attribution: z.string().trim().max(ATTRIBUTION_MAX),
  /** attributionLine(...) as it was when the version was finalised. */
  line: z.string(),
});
export type ReportLicence = z.infer<typeof reportLicence>;

// ---------------------------------------------------------------------------------------------
// The document: cover + sections of blocks. Charts carry their data, not pictures, so every format
// draws them itself (vector in PDF, a table in Markdown and DOCX) from the same numbers.

export const barChart = z.object({
  chart: z.literal('bar'),
  /** Values share one scale from 0 (or `min`) to `max`. */
  min: z.number(),
  max: z.number(),
  bars: z.array(z.object({ label: z.string(), value: z.number().nullable() })),
});

export const matrixChart = z.object({
  chart: z.literal('matrix'),
  xLabel: z.string(),
  yLabel: z.string(),
  min: z.number(),
  max: z.number(),
  /** The value where the quadrants split on both axes. */
  split: z.number(),
  points: z.array(
    z.object({ label: z.string(), x: z.number().nullable(), y: z.number().nullable() }),
  ),
});

export const radarChart = z.object({
  chart: z.literal('radar'),
  min: z.number(),
  max: z.number(),
  axes: z.array(z.string()),
  series: z.array(z.object({ label: z.string(), values: z.array(z.number().nullable()) })),
});

export const chartData = z.discriminatedUnion('chart', [barChart, matrixChart, radarChart]);
export type ChartData = z.infer<typeof chartData>;

export const reportBlock = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), text: z.string() }),
  z.object({ type: z.literal('heading'), text: z.string() }),
  z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(z.string()) }),
  z.object({
    type: z.literal('table'),
    caption: z.string(),
    columns: z.array(z.string()),
    rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
  }),
  z.object({
    type: z.literal('chart'),
    caption: z.string(),
    /** A sentence that says what the chart shows, for screen readers and the tagged PDF. */
    alt: z.string(),
    data: chartData,
  }),
  z.object({ type: z.literal('quote'), text: z.string(), author: z.string().nullable() }),
  z.object({ type: z.literal('rich'), doc: richDoc }),
]);
export type ReportBlock = z.infer<typeof reportBlock>;

/**
 * Section keys: `introduction`, `question` (question and agenda), `activity:<activityId>`,
 * `quotes`, `synthesis`, `conclusions`. Stable across generations, so the facilitator's order and
 * hidden list survive a new generation.
 */
export const reportSectionKey = z
  .string()
  .regex(
    /^(introduction|question|quotes|synthesis|conclusions|activity:[0-9a-f-]{36})$/,
    'a section key such as question, synthesis or activity:<id>',
  );

export const reportSection = z.object({
  key: reportSectionKey,
  title: z.string(),
  /** The activity's kind for activity sections, else null. */
  activityKind: activityKind.nullable(),
  blocks: z.array(reportBlock),
});
export type ReportSection = z.infer<typeof reportSection>;

export const reportCover = z.object({
  title: z.string(),
  question: z.string(),
  orgName: z.string(),
  places: z.array(z.string()),
  region: z.string().nullable(),
  /** The lab's date (startsAt), or null when it had none. */
  date: isoDateTime.nullable(),
  venue: z.string(),
  facilitators: z.array(z.string()),
  participantCount: z.number().int(),
  anonymous: z.boolean(),
});
export type ReportCover = z.infer<typeof reportCover>;

/** What every export renders: cover, sections in the chosen order (hidden ones left out), licence. */
export const reportDocument = z.object({
  labId: uuid,
  /** 0 for a preview of the unfinalised draft. */
  version: z.number().int().min(0),
  generatedAt: isoDateTime,
  cover: reportCover,
  sections: z.array(reportSection),
  licence: reportLicence,
});
export type ReportDocument = z.infer<typeof reportDocument>;

// ---------------------------------------------------------------------------------------------
// Raw data for CSV and XLSX. Names follow the lab's anonymity: null in an anonymous lab, a guest's
// display name otherwise.

export const rawNote = z.object({
  id: z.string(),
  activity: z.string(),
  section: z.string(),
  text: z.string(),
  author: z.string().nullable(),
  dots: z.number().int(),
  createdAt: isoDateTime.nullable(),
});
export const rawVote = z.object({
  activity: z.string(),
  /** What was voted on: a note's text, a poll option, an action. */
  target: z.string(),
  voter: z.string().nullable(),
  count: z.number().int(),
});
export const rawScore = z.object({
  activity: z.string(),
  item: z.string(),
  place: z.string().nullable(),
  participant: z.string().nullable(),
  relevance: z.number().int().nullable(),
  impact: z.number().int().nullable(),
  uncertainty: z.number().int().nullable(),
});
export const rawAction = z.object({
  activity: z.string(),
  title: z.string(),
  owner: z.string(),
  horizon: z.string(),
  status: z.string(),
  dots: z.number().int(),
  links: z.string(),
});
export const reportRawData = z.object({
  notes: z.array(rawNote),
  votes: z.array(rawVote),
  scores: z.array(rawScore),
  actions: z.array(rawAction),
});
export type ReportRawData = z.infer<typeof reportRawData>;

/** The column headings of the CSV files and XLSX sheets, in order (field names of the rows). */
export const rawTables = {
  notes: ['activity', 'section', 'text', 'author', 'dots', 'createdAt'],
  votes: ['activity', 'target', 'voter', 'count'],
  scores: ['activity', 'item', 'place', 'participant', 'relevance', 'impact', 'uncertainty'],
  actions: ['activity', 'title', 'owner', 'horizon', 'status', 'dots', 'links'],
} as const;
export type RawTableName = keyof typeof rawTables;

// ---------------------------------------------------------------------------------------------
// The facilitator's edits, kept apart from the generated content so a new generation keeps them.

export const REPORT_QUOTES_MAX = 40;

export const reportEditorial = z.object({
  introduction: richDoc.nullable(),
  conclusions: richDoc.nullable(),
  /** Section keys in the wanted order; sections not listed follow in their generated order. */
  order: z.array(reportSectionKey).max(100),
  hidden: z.array(reportSectionKey).max(100),
  /** Notes to quote (ids from quotableNotes), shown in the `quotes` section in this order. */
  quotedNoteIds: z.array(z.string().min(1).max(100)).max(REPORT_QUOTES_MAX),
  licence: licenceCode,
  attribution: z.string().trim().max(ATTRIBUTION_MAX),
});
export type ReportEditorial = z.infer<typeof reportEditorial>;

/** The editorial state of a report nobody has touched yet. */
export function defaultReportEditorial(): ReportEditorial {
  return {
    introduction: null,
    conclusions: null,
    order: [],
    hidden: [],
    quotedNoteIds: [],
    licence: DEFAULT_LICENCE,
    attribution: '',
  };
}

export const quotableNote = z.object({
  id: z.string(),
  activityTitle: z.string(),
  sectionTitle: z.string(),
  text: z.string(),
  author: z.string().nullable(),
  dots: z.number().int(),
});
export type QuotableNote = z.infer<typeof quotableNote>;

// ---------------------------------------------------------------------------------------------
// The API

export const reportJobStatuses = ['idle', 'queued', 'running', 'ready', 'failed'] as const;
export const reportJobStatus = z.enum(reportJobStatuses);
export type ReportJobStatus = z.infer<typeof reportJobStatus>;

export const reportVersionSummary = z.object({
  version: z.number().int().min(1),
  title: z.string(),
  finalisedAt: isoDateTime,
  finalisedBy: z.string().nullable(),
  licence: licenceCode,
});
export type ReportVersionSummary = z.infer<typeof reportVersionSummary>;

/** GET /api/v1/orgs/:orgSlug/labs/:labId/report: the working report and its versions. */
export const reportState = z.object({
  labId: uuid,
  labTitle: z.string(),
  labStatus: z.string(),
  /** Generation is possible once the lab has started (live or closed). */
  canGenerate: z.boolean(),
  /** What the asking person may do: facilitators of the lab and admins edit; members read. */
  can: z.object({ edit: z.boolean(), publish: z.boolean() }),
  job: z.object({
    status: reportJobStatus,
    /** 0–100. */
    progress: z.number().int().min(0).max(100),
    /** What the job is doing now, as a key the web app translates (e.g. "synthesis"). */
    step: z.string().nullable(),
    /** Why the last generation failed, in words a person can act on; null unless failed. */
    error: z.string().nullable(),
    requestedAt: isoDateTime.nullable(),
    finishedAt: isoDateTime.nullable(),
  }),
  editorial: reportEditorial,
  /** The draft as it would be finalised now (version 0), or null before the first generation. */
  preview: reportDocument.nullable(),
  /** Sections of the generation in generated order, hidden ones included, for the editor. */
  sections: z.array(z.object({ key: reportSectionKey, title: z.string(), hidden: z.boolean() })),
  quotableNotes: z.array(quotableNote),
  versions: z.array(reportVersionSummary),
  /** True when the lab has changed since the generation (new notes after it ran). */
  stale: z.boolean(),
});
export type ReportState = z.infer<typeof reportState>;

export const reportVersion = reportVersionSummary.extend({ document: reportDocument });
export type ReportVersion = z.infer<typeof reportVersion>;

export const reportParams = z.object({ orgSlug: slug, labId: uuid });
export const reportVersionParams = reportParams.extend({
  version: z.coerce.number().int().min(1),
});

/** The files of a version; CSV has one file per raw table, XLSX one sheet per table. */
export const reportExportFiles = [
  'report.pdf',
  'report.md',
  'report.docx',
  'data.xlsx',
  'notes.csv',
  'votes.csv',
  'scores.csv',
  'actions.csv',
] as const;
export const reportExportFile = z.enum(reportExportFiles);
export type ReportExportFile = z.infer<typeof reportExportFile>;
export const reportExportParams = reportVersionParams.extend({ file: reportExportFile });

export const reportVersionList = z.object({ versions: z.array(reportVersionSummary) });

/** POST …/report/versions/:version/publish: a knowledge-item draft from a finalised version. */
export const publishReportRequest = z.object({
  /** `full`: the whole report as the body; `summary`: a shorter best-practice text. */
  mode: z.enum(['full', 'summary']),
});
