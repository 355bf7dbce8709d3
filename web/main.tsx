// Entry point of the browser app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { initI18n } from './i18n/i18n.ts';
// Fonts and NL Design System styles are bundled: no page loads anything from another host.
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-serif/latin-700.css';
import '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css';
import '@utrecht/component-library-css/dist/index.css';
import './theme/stadshart.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
await initI18n();
// The service worker (public/sw.js) keeps the app on the device, so a reload without network still
// opens the live lab and its offline copy. Browsers without one simply need the network to reload.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
