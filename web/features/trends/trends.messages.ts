// Messages of the trend catalogue page, Dutch first.
import { defineMessages } from '../../i18n/messages.ts';

export const trendsMessages = defineMessages({
  nl: {
    nav: {
      trends: 'Trendcatalogus',
    },
    title: 'Trendcatalogus',
    intro:
      'Dit zijn de trends die op binnensteden afkomen, elk met een aantal ontwikkelingen. In een trendscan geven deelnemers aan hoe belangrijk deze voor hun binnenstad zijn.',
    introAdmin:
      'U kunt trends en ontwikkelingen aanpassen, toevoegen, archiveren en in een andere volgorde zetten. Een lab neemt een kopie van de catalogus over. Wat u hier later verandert, past de uitkomsten van eerdere labs dus niet aan.',
    showArchived: 'Ook gearchiveerde trends en ontwikkelingen tonen',
    empty: 'Er staan nog geen trends in de catalogus.',
    noDevelopments: 'Deze trend heeft nog geen ontwikkelingen.',
    developmentsOf: 'Ontwikkelingen bij {{title}}',
    archivedMark: '(gearchiveerd)',
    fields: {
      title: 'Titel',
      description: 'Korte omschrijving',
      descriptionHint: 'Eén of twee zinnen over wat dit betekent voor een binnenstad.',
    },
    trend: {
      edit: 'Trend bewerken',
      editTitle: 'Trend "{{title}}" bewerken',
      add: 'Trend toevoegen',
      addTitle: 'Nieuwe trend',
      archive: 'Trend archiveren',
      confirmArchive:
        'Wilt u de trend "{{title}}" archiveren? Nieuwe labs kunnen deze trend en de ontwikkelingen eronder dan niet meer kiezen. U kunt de trend later terugzetten.',
      confirmArchiveButton: 'Ja, archiveren',
      restore: 'Trend terugzetten',
      saved: 'De trend "{{title}}" is opgeslagen.',
      added: 'De trend "{{title}}" is toegevoegd.',
      archived: 'De trend "{{title}}" is gearchiveerd.',
      restored: 'De trend "{{title}}" is teruggezet.',
      moved: 'De trend "{{title}}" staat nu op plaats {{position}} van {{total}}.',
    },
    development: {
      edit: 'Bewerken',
      editTitle: 'Ontwikkeling "{{title}}" bewerken',
      add: 'Ontwikkeling toevoegen',
      addTitle: 'Nieuwe ontwikkeling bij {{trend}}',
      archive: 'Archiveren',
      confirmArchive:
        'Wilt u de ontwikkeling "{{title}}" archiveren? Nieuwe labs kunnen haar dan niet meer kiezen. U kunt haar later terugzetten.',
      confirmArchiveButton: 'Ja, archiveren',
      restore: 'Terugzetten',
      saved: 'De ontwikkeling "{{title}}" is opgeslagen.',
      added: 'De ontwikkeling "{{title}}" is toegevoegd.',
      archived: 'De ontwikkeling "{{title}}" is gearchiveerd.',
      restored: 'De ontwikkeling "{{title}}" is teruggezet.',
      moved: 'De ontwikkeling "{{title}}" staat nu op plaats {{position}} van {{total}}.',
    },
    moveUp: 'Omhoog',
    moveDown: 'Omlaag',
    save: 'Opslaan',
    back: 'Terug naar de organisatie',
  },
  en: {
    nav: {
      trends: 'Trend catalogue',
    },
    title: 'Trend catalogue',
    intro:
      'These are the trends that affect city centres, each with a number of developments. In a trend scan, participants say how much each one matters for their city centre.',
    introAdmin:
      'You can change, add, archive and reorder trends and developments. A lab takes a copy of the catalogue, so what you change here later does not alter the results of earlier labs.',
    showArchived: 'Also show archived trends and developments',
    empty: 'The catalogue has no trends yet.',
    noDevelopments: 'This trend has no developments yet.',
    developmentsOf: 'Developments of {{title}}',
    archivedMark: '(archived)',
    fields: {
      title: 'Title',
      description: 'Short description',
      descriptionHint: 'One or two sentences on what this means for a city centre.',
    },
    trend: {
      edit: 'Edit trend',
      editTitle: 'Edit trend "{{title}}"',
      add: 'Add a trend',
      addTitle: 'New trend',
      archive: 'Archive trend',
      confirmArchive:
        'Archive the trend "{{title}}"? New labs can then no longer choose it or the developments under it. You can restore it later.',
      confirmArchiveButton: 'Yes, archive',
      restore: 'Restore trend',
      saved: 'The trend "{{title}}" has been saved.',
      added: 'The trend "{{title}}" has been added.',
      archived: 'The trend "{{title}}" has been archived.',
      restored: 'The trend "{{title}}" has been restored.',
      moved: 'The trend "{{title}}" is now in place {{position}} of {{total}}.',
    },
    development: {
      edit: 'Edit',
      editTitle: 'Edit development "{{title}}"',
      add: 'Add a development',
      addTitle: 'New development for {{trend}}',
      archive: 'Archive',
      confirmArchive:
        'Archive the development "{{title}}"? New labs can then no longer choose it. You can restore it later.',
      confirmArchiveButton: 'Yes, archive',
      restore: 'Restore',
      saved: 'The development "{{title}}" has been saved.',
      added: 'The development "{{title}}" has been added.',
      archived: 'The development "{{title}}" has been archived.',
      restored: 'The development "{{title}}" has been restored.',
      moved: 'The development "{{title}}" is now in place {{position}} of {{total}}.',
    },
    moveUp: 'Up',
    moveDown: 'Down',
    save: 'Save',
    back: 'Back to the organisation',
  },
});
