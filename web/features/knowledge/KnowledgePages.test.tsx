// Renders the knowledge pages' parts to HTML (no browser), to check what they say and offer in a
// given state: the list, a field error, the workflow buttons, the preview before publishing, and
// an upload error.
import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  KnowledgeItemSummary,
  KnowledgeMetadata,
  KnowledgeStatus,
  PublicKnowledgeItem,
} from '../../../common/knowledge.ts';
import { richDocFromText } from '../../../common/richtext.ts';
import type { OrgRole } from '../../../common/roles.ts';
import { commonMessages } from '../../i18n/common.messages.ts';
import { knowledgeMessages } from './knowledge.messages.ts';
import { ImageUploadFields } from './KnowledgeImages.tsx';
import { CreateKnowledgeForm, KnowledgeListView } from './KnowledgeListPage.tsx';
import { KnowledgeMetadataFields } from './KnowledgeMetadataForm.tsx';
import { KnowledgeWorkflowView, type WorkflowViewProps } from './KnowledgeWorkflow.tsx';

beforeAll(async () => {
  await i18next.use(initReactI18next).init({
    lng: 'nl',
    resources: { nl: { common: commonMessages.nl, knowledge: knowledgeMessages.nl } },
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  });
});

function render(node: React.ReactNode): string {
  return renderToStaticMarkup(<MemoryRouter>{node}</MemoryRouter>);
}

function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

const noop = () => undefined;
const asyncNoop = () => Promise.resolve();

describe('the list of items', () => {
  const items: KnowledgeItemSummary[] = [
    {
      id: '0d9b8c7a-6e5f-4a3b-9c2d-1e0f9a8b7c61',
      slug: 'regiolab-ijmond-1a2b3c',
      kind: 'best_practice',
      title: 'Regiolab IJmond',
      summary: '',
      status: 'in_review',
      membersOnly: false,
      publishedAt: null,
      updatedAt: '2025-03-01T10:00:00.000Z',
    },
    {
      id: '0d9b8c7a-6e5f-4a3b-9c2d-1e0f9a8b7c62',
      slug: 'blog-<b>vet</b>-4d5e6f',
      kind: 'blog',
      title: 'Blog over <b>leegstand</b>',
      summary: '',
      status: 'published',
      membersOnly: true,
      publishedAt: '2025-02-01T10:00:00.000Z',
      updatedAt: '2025-02-01T10:00:00.000Z',
    },
  ];

  it('shows every item with its status badge and a link to its editor', () => {
    const html = render(
      <KnowledgeListView
        orgSlug="ijmond"
        items={items}
        filter={{ status: 'all', kind: 'all' }}
        onFilter={noop}
      />,
    );
    const text = textOf(html);
    expect(text).toContain('Regiolab IJmond');
    expect(text).toContain('Ter beoordeling');
    expect(text).toContain('Gepubliceerd');
    expect(text).toContain('alleen voor leden');
    expect(html).toContain('href="/o/ijmond/kennisbank/0d9b8c7a-6e5f-4a3b-9c2d-1e0f9a8b7c61"');
    expect(html).toContain('utrecht-status-badge');
    // A title is data: shown as text, never as markup.
    expect(html).not.toContain('<b>leegstand</b>');
    expect(html).toContain('&lt;b&gt;leegstand&lt;/b&gt;');
  });

  it('shows only the items that match the filters', () => {
    const text = textOf(
      render(
        <KnowledgeListView
          orgSlug="ijmond"
          items={items}
          filter={{ status: 'published', kind: 'all' }}
          onFilter={noop}
        />,
      ),
    );
    expect(text).not.toContain('Regiolab IJmond');
    expect(text).toContain('leegstand');
    const none = textOf(
      render(
        <KnowledgeListView
          orgSlug="ijmond"
          items={items}
          filter={{ status: 'draft', kind: 'all' }}
          onFilter={noop}
        />,
      ),
    );
    expect(none).toContain('Geen items met deze status en soort.');
  });

  it('offers a labelled "new item" form with kind and title', () => {
    const html = render(<CreateKnowledgeForm orgSlug="ijmond" />);
    expect(textOf(html)).toContain('Nieuw item');
    expect(html).toMatch(/<label[^>]*for="field-kind"/);
    expect(html).toMatch(/<label[^>]*for="field-title"/);
    for (const kind of ['Goed voorbeeld', 'Publicatie', 'Blog', 'Verslag van een bijeenkomst']) {
      expect(textOf(html)).toContain(kind);
    }
  });
});

describe('the details form', () => {
  const values: KnowledgeMetadata = {
    kind: 'best_practice',
    title: 'Regiolab IJmond',
    summary: '',
    membersOnly: false,
    places: ['IJmuiden', 'Beverwijk'],
    region: 'IJmond',
    trends: [],
    themes: ['identiteit'],
    sizeClass: null,
    licence: 'CC-BY-SA-4.0',
    attribution: '',
  };

  it('shows an API field error in the summary and beside its field', () => {
    const html = render(
      <KnowledgeMetadataFields
        values={values}
        onChange={noop}
        errors={{ general: null, fields: { 'places.1': 'Dit is te lang.' } }}
        isReadOnly={false}
      />,
    );
    const text = textOf(html);
    expect(text).toContain('Plaatsen: Dit is te lang.');
    expect(html).toContain('href="#field-places"');
    expect(html).toContain('id="field-places-error"');
    expect(text).toContain('IJmuiden');
    expect(html).toContain('aria-label="Beverwijk verwijderen"');
    // Themes are translated checkboxes, the licence select names licences by their own names.
    expect(text).toContain('Identiteit');
    expect(text).toContain('Levendigheid');
    expect(text).toContain('CC BY-SA 4.0');
  });

  it('disables every field for someone who may not edit', () => {
    const html = render(
      <KnowledgeMetadataFields
        values={values}
        onChange={noop}
        errors={{ general: null, fields: {} }}
        isReadOnly
      />,
    );
    expect(html).toMatch(/<fieldset[^>]*disabled/);
  });
});

const preview: PublicKnowledgeItem = {
  kind: 'best_practice',
  title: 'Regiolab IJmond: drie kernen, één binnenstadsaanpak',
  summary: 'Hoe drie gemeenten hun centra naast elkaar legden.',
  membersOnly: false,
  places: ['IJmuiden'],
  region: 'IJmond',
  trends: [],
  themes: [],
  sizeClass: null,
  licence: 'CC-BY-SA-4.0',
  attribution: '',
  slug: 'regiolab-ijmond-1a2b3c',
  orgName: 'IJmond',
  body: richDocFromText('De kernen vullen elkaar aan.'),
  images: [],
  attributionLine: '© 2025 IJmond · CC BY-SA 4.0',
  publishedAt: '2025-03-01T10:00:00.000Z',
  updatedAt: '2025-03-01T10:00:00.000Z',
  related: [],
};

function workflow(
  role: OrgRole,
  status: KnowledgeStatus,
  extra: Partial<WorkflowViewProps> = {},
): string {
  const isReviewer = role !== 'member';
  const props: WorkflowViewProps = {
    item: {
      status,
      membersOnly: false,
      can: {
        edit: isReviewer || status !== 'published',
        review: isReviewer && status === 'in_review',
        publish: isReviewer,
      },
    },
    headingLevel: 2,
    phase: 'closed',
    preview: null,
    isReturning: false,
    returnNote: '',
    isBusy: false,
    error: null,
    status: null,
    onSubmit: noop,
    onReturnOpen: noop,
    onReturnNoteChange: noop,
    onReturnSend: noop,
    onReturnCancel: noop,
    onPublishOpen: noop,
    onPublishConfirm: asyncNoop,
    onPublishCancel: noop,
    onUnpublish: asyncNoop,
    ...extra,
  };
  return textOf(render(<KnowledgeWorkflowView {...props} />));
}

describe('the workflow buttons', () => {
  it('lets a member submit a draft, and nothing else', () => {
    const text = workflow('member', 'draft');
    expect(text).toContain('Ter beoordeling aanbieden');
    expect(text).not.toContain('Publiceren');
    expect(text).not.toContain('Terugsturen');
  });

  it('gives a member nothing to do while the item is in review or published', () => {
    for (const status of ['in_review', 'published'] as const) {
      const text = workflow('member', status);
      expect(text).toContain('U kunt met dit item nu geen stap in de beoordeling zetten.');
      expect(text).not.toContain('Ter beoordeling aanbieden');
    }
  });

  it('lets a facilitator send back or publish an item in review', () => {
    const text = workflow('facilitator', 'in_review');
    expect(text).toContain('Terugsturen');
    expect(text).toContain('Publiceren');
    expect(text).not.toContain('Publicatie intrekken');
  });

  it('asks for the note when sending back', () => {
    const text = workflow('admin', 'in_review', { isReturning: true });
    expect(text).toContain('Opmerking voor de schrijvers');
    expect(text).toContain('Terugsturen naar de schrijvers');
  });

  it('lets an admin unpublish a published item', () => {
    const text = workflow('admin', 'published');
    expect(text).toContain('Publicatie intrekken');
    expect(text).not.toContain('Publiceren ');
  });
});

describe('publishing', () => {
  it('offers only the way to the preview at first', () => {
    const text = workflow('facilitator', 'draft');
    expect(text).toContain('Publiceren');
    expect(text).not.toContain('Zo ziet het item eruit');
    expect(text).not.toContain(preview.attributionLine);
  });

  it('shows the preview with its attribution line before the publish confirmation', () => {
    const text = workflow('facilitator', 'draft', { phase: 'preview', preview });
    const previewAt = text.indexOf('Zo ziet het item eruit als het gepubliceerd is');
    const titleAt = text.indexOf(preview.title);
    const attributionAt = text.indexOf(preview.attributionLine);
    const confirmAt = text.lastIndexOf('Publiceren');
    expect(previewAt).toBeGreaterThanOrEqual(0);
    expect(titleAt).toBeGreaterThan(previewAt);
    expect(text).toContain('De kernen vullen elkaar aan.');
    expect(attributionAt).toBeGreaterThan(titleAt);
    expect(confirmAt).toBeGreaterThan(attributionAt);
  });

  it('offers no confirmation while the preview is still loading', () => {
    const text = workflow('facilitator', 'draft', { phase: 'preview', preview: null });
    expect(text).toContain('Voorbeeld laden');
    expect(text.indexOf('Publiceren')).toBe(-1);
  });
});

describe('the image upload', () => {
  it('shows a refused type beside the file field, linked for screen readers', () => {
    const html = render(
      <ImageUploadFields
        alt="Het plein"
        onAltChange={noop}
        problem="wrongType"
        altError={undefined}
        generalError={null}
        isBusy={false}
      />,
    );
    expect(textOf(html)).toContain('Dit bestand is geen PNG-, JPEG-, WebP- of GIF-afbeelding.');
    expect(html).toContain('id="field-file-error"');
    expect(html).toMatch(/aria-describedby="field-file-description field-file-error"/);
    expect(html).toMatch(/<input[^>]*type="file"/);
    expect(html).toMatch(/<label[^>]*for="field-file"/);
  });

  it('names the size limit when an image is too large, and asks for the alt text', () => {
    const text = textOf(
      render(
        <ImageUploadFields
          alt=""
          onAltChange={noop}
          problem="tooLarge"
          altError="Vul dit veld in."
          generalError={null}
          isBusy={false}
        />,
      ),
    );
    expect(text).toContain('Deze afbeelding is te groot: hoogstens 5 MB.');
    expect(text).toContain('Vul dit veld in.');
  });
});
