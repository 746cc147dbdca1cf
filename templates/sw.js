// Offline reading, as a progressive enhancement: every page works without it.
// On install: the home page, the newest days, the search and what they need are stored.
// Pages come from the network first (fresh news), from the store when offline; the CSS,
// scripts and search index (their names change when they change) from the store first.
const VERSION = "digest-{{ version }}";
const BASE = {{ site.base_path|tojson }};
const OFFLINE = {{ offline|list|tojson }}.map((path) => BASE + path);

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(VERSION).then((cache) => cache.addAll(OFFLINE)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith("digest-") && key !== VERSION).map((key) => caches.delete(key))))
      .then(() => self.clients.claim())
  );
});

async function fromNetwork(request, cache) {
  const response = await fetch(request);
  if (response.ok) cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || !url.pathname.startsWith(BASE)) return;
  // The preview's own (digest serve: its reload script and event stream, which never ends)
  if (url.pathname.includes("/__digest__/") || request.headers.get("Accept") === "text/event-stream") return;
  event.respondWith(caches.open(VERSION).then(async (cache) => {
    if (request.mode === "navigate") {
      try {
        return await fromNetwork(request, cache);
      } catch (error) {
        // A page not stored: say so (offline.html), not that there is no such page.
        return (await cache.match(request, { ignoreSearch: true })) || (await cache.match(BASE + "offline.html"))
          || (await cache.match(BASE + "404.html")) || Response.error();
      }
    }
    // Pagefind asks for its entry file with a changing query string; the names carry the version.
    return (await cache.match(request, { ignoreSearch: true })) || fromNetwork(request, cache);
  }));
});
