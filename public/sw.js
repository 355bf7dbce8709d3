// The service worker keeps the web app itself on the device, so a participant whose Wi-Fi drops
// can reload the live lab and still see (and keep writing to) the copy in IndexedDB. It never
// caches API answers or the realtime socket: those are the app's own business.
const CACHE = 'stadshart-app-v1';
const SHELL = '/';

async function cacheShell() {
  const cache = await caches.open(CACHE);
  const response = await fetch(SHELL, { cache: 'no-store' });
  if (!response.ok) return;
  const html = await response.clone().text();
  await cache.put(SHELL, response);
  // The built index.html names its script and style bundles; fonts and images follow on use.
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);
  await cache.addAll(assets);
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))),
      )
      .then(() => self.clients.claim()),
  );
});

async function networkFirstPage(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    // Every page of the app is the same index.html (client-side routing).
    if (response.ok && (response.headers.get('content-type') ?? '').includes('text/html')) {
      await cache.put(SHELL, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await cache.match(SHELL);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirstAsset(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  // Built assets have content hashes in their names, so a cached copy never goes stale.
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function networkThenCache(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(request);
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // The server-rendered knowledge base and uploaded files are not the app: never serve the shell
  // for them, and never store them as the shell.
  if (
    url.pathname.startsWith('/api/') ||
    url.pathname.startsWith('/collab') ||
    url.pathname === '/kennisbank' ||
    url.pathname.startsWith('/kennisbank/') ||
    url.pathname.startsWith('/files/')
  ) {
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(networkFirstPage(request));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirstAsset(request));
  } else {
    event.respondWith(networkThenCache(request));
  }
});
