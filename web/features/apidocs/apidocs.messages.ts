// Messages of the API reference page, Dutch first.
import { defineMessages } from '../../i18n/messages.ts';

export const apidocsMessages = defineMessages({
  nl: {
    title: 'API-naslag',
    intro:
      'Alles wat de webapp doet, kan ook via de JSON-API onder /api/v1. Deze pagina wordt gemaakt uit het OpenAPI-document, dat u ook zelf kunt downloaden.',
    download: 'OpenAPI-document (JSON)',
    rulesTitle: 'Spelregels',
    rules: {
      session:
        'Aanmelden gaat met een sessiecookie. Elke wijziging (POST, PUT, PATCH, DELETE) met die cookie stuurt de kop x-csrf-token mee, met de waarde uit GET /api/v1/session.',
      errors:
        'Fouten komen terug als application/problem+json, met een code, een uitleg en bij foute invoer per veld wat er mis is.',
      limits:
        'Bij te veel pogingen antwoordt de server met 429 en de kop Retry-After: het aantal seconden dat u moet wachten.',
    },
    contents: 'Inhoud',
    parameters: 'Parameters',
    parameter: {
      name: 'Naam',
      in: 'Waar',
      type: 'Type',
      required: 'Verplicht',
      yes: 'ja',
      no: 'nee',
    },
    requestBody: 'Inhoud van het verzoek ({{type}})',
    response: 'Antwoord {{status}} ({{type}})',
    noSummary: 'Geen beschrijving.',
    failed: 'Het OpenAPI-document kon niet worden geladen.',
  },
  en: {
    title: 'API reference',
    intro:
      'Everything the web app does can also be done through the JSON API under /api/v1. This page is made from the OpenAPI document, which you can also download yourself.',
    download: 'OpenAPI document (JSON)',
    rulesTitle: 'Ground rules',
    rules: {
      session:
        'Authentication uses a session cookie. Every change (POST, PUT, PATCH, DELETE) made with that cookie sends the x-csrf-token header, with the value from GET /api/v1/session.',
      errors:
        'Errors come back as application/problem+json, with a code, an explanation and, for bad input, what is wrong with each field.',
      limits:
        'After too many attempts the server answers 429 with a Retry-After header: the number of seconds to wait.',
    },
    contents: 'Contents',
    parameters: 'Parameters',
    parameter: {
      name: 'Name',
      in: 'Where',
      type: 'Type',
      required: 'Required',
      yes: 'yes',
      no: 'no',
    },
    requestBody: 'Request body ({{type}})',
    response: 'Response {{status}} ({{type}})',
    noSummary: 'No description.',
    failed: 'The OpenAPI document could not be loaded.',
  },
});
