// Translations: Dutch first, English second. Each feature keeps its own namespace of messages.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../common/fields.ts';
import { actionsMessages } from '../activities/actions/actions.messages.ts';
import { activitiesMessages } from '../activities/activities.messages.ts';
import { positioningMessages } from '../activities/positioning/positioning.messages.ts';
import { scenariosMessages } from '../activities/scenarios/scenarios.messages.ts';
import { trendscanMessages } from '../activities/trendscan/trendscan.messages.ts';
import { visionMessages } from '../activities/vision/vision.messages.ts';
import { accountMessages } from '../features/account/account.messages.ts';
import { actionsFollowUpMessages } from '../features/actions/actions.messages.ts';
import { apidocsMessages } from '../features/apidocs/apidocs.messages.ts';
import { authMessages } from '../features/auth/auth.messages.ts';
import { homeMessages } from '../features/home/home.messages.ts';
import { knowledgeMessages } from '../features/knowledge/knowledge.messages.ts';
import { knowledgeEditorMessages } from '../features/knowledge/knowledgeEditor.messages.ts';
import { labsMessages } from '../features/labs/labs.messages.ts';
import { liveMessages } from '../features/live/live.messages.ts';
import { orgsMessages } from '../features/orgs/orgs.messages.ts';
import { outboxMessages } from '../features/outbox/outbox.messages.ts';
import { placesMessages } from '../features/places/places.messages.ts';
import { reportsMessages } from '../features/reports/reports.messages.ts';
import { synthesisMessages } from '../features/synthesis/synthesis.messages.ts';
import { trendsMessages } from '../features/trends/trends.messages.ts';
import { commonMessages } from './common.messages.ts';

const namespaces = {
  common: commonMessages,
  home: homeMessages,
  auth: authMessages,
  account: accountMessages,
  orgs: orgsMessages,
  outbox: outboxMessages,
  places: placesMessages,
  labs: labsMessages,
  trends: trendsMessages,
  live: liveMessages,
  synthesis: synthesisMessages,
  activities: activitiesMessages,
  trendscan: trendscanMessages,
  scenarios: scenariosMessages,
  vision: visionMessages,
  positioning: positioningMessages,
  actions: actionsMessages,
  actionsFollowUp: actionsFollowUpMessages,
  apidocs: apidocsMessages,
  reports: reportsMessages,
  knowledgeEditor: knowledgeEditorMessages,
  knowledge: knowledgeMessages,
};

const STORAGE_KEY = 'stadshart.locale';

function initialLocale(): Locale {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'nl';
}

/** Starts i18next with every namespace in Dutch and English; Dutch unless the person chose English. */
export async function initI18n(): Promise<void> {
  const resources = {
    nl: Object.fromEntries(Object.entries(namespaces).map(([ns, messages]) => [ns, messages.nl])),
    en: Object.fromEntries(Object.entries(namespaces).map(([ns, messages]) => [ns, messages.en])),
  };
  const lng = initialLocale();
  await i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'nl',
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
}

/** Switches the interface language and remembers the choice in this browser. */
export async function changeLocale(locale: Locale): Promise<void> {
  window.localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
  await i18next.changeLanguage(locale);
}

/** The current interface language. */
export function currentLocale(): Locale {
  return i18next.language === 'en' ? 'en' : 'nl';
}

/** Formats a date (and time) the way the current language writes it. */
export function formatDateTime(
  value: string | Date,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeStyle: 'short' },
): string {
  return new Intl.DateTimeFormat(currentLocale() === 'nl' ? 'nl-NL' : 'en-GB', options).format(
    new Date(value),
  );
}

/** Formats a number the way the current language writes it. */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(currentLocale() === 'nl' ? 'nl-NL' : 'en-GB', options).format(value);
}
