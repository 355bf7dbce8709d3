// Messages of the live body editor of a knowledge item, Dutch first.
import { defineMessages } from '../../i18n/messages.ts';

export const knowledgeEditorMessages = defineMessages({
  nl: {
    hint: 'Schrijf samen met uw collega’s. Wat anderen typen, verschijnt vanzelf.',
    readOnlyHint: 'U kunt deze tekst nu lezen, maar niet aanpassen.',
    toolbar: 'Opmaak van de tekst',
    bold: 'Vet',
    italic: 'Cursief',
    heading2: 'Kop',
    heading3: 'Subkop',
    bulletList: 'Opsomming',
    orderedList: 'Genummerde lijst',
    blockquote: 'Citaat',
    sync: {
      saved: 'Opgeslagen',
      saving: 'Bezig met opslaan…',
      offline: 'Niet verbonden – uw wijzigingen worden bewaard',
    },
    problem: {
      noAccess:
        'U heeft geen toegang (meer) tot deze tekst. Laad de pagina opnieuw of vraag een beheerder om hulp.',
      refused:
        'Uw laatste wijziging is niet bewaard: de tekst mag op dit moment niet zo veranderd worden. Laad de tekst opnieuw om verder te gaan.',
      reload: 'Tekst opnieuw laden',
    },
  },
  en: {
    hint: 'Write together with your colleagues. What others type appears by itself.',
    readOnlyHint: 'You can read this text now, but not change it.',
    toolbar: 'Text formatting',
    bold: 'Bold',
    italic: 'Italic',
    heading2: 'Heading',
    heading3: 'Subheading',
    bulletList: 'Bulleted list',
    orderedList: 'Numbered list',
    blockquote: 'Quote',
    sync: {
      saved: 'Saved',
      saving: 'Saving…',
      offline: 'Not connected – your changes are kept',
    },
    problem: {
      noAccess:
        'You have no access (any more) to this text. Reload the page or ask an administrator for help.',
      refused:
        'Your last change was not kept: the text may not be changed like that right now. Reload the text to continue.',
      reload: 'Reload the text',
    },
  },
});
