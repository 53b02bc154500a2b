/*
 * Equilibria's offline reader: a service worker registered only when a reader asks for it on
 * /special/offline/. It saves every file listed in /offline-manifest.json (pages, the Pagefind
 * index, the simulation bundles) in one cache named after the build's content hash, answers from
 * the network when it can and from that cache when it cannot, and, when a newer build is online,
 * saves it and then drops the old copy.
 */
const PREFIX = 'equilibria-offline-';
const MANIFEST = '/offline-manifest.json';
const BATCH = 8;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

async function savedVersions() {
  return (await caches.keys()).filter((k) => k.startsWith(PREFIX)).map((k) => k.slice(PREFIX.length));
}

/** Saves the build the server has now; reports { done, total } as it goes; returns the manifest. */
async function save(report) {
  const res = await fetch(MANIFEST, { cache: 'no-store' });
  if (!res.ok) throw new Error(`the offline manifest is missing (HTTP ${res.status})`);
  const manifest = await res.json();
  const name = PREFIX + manifest.version;
  const cache = await caches.open(name);
  const have = new Set((await cache.keys()).map((r) => new URL(r.url).pathname));
  const todo = manifest.urls.filter((u) => !have.has(u));
  const total = manifest.urls.length;
  let done = total - todo.length;
  report({ type: 'progress', done, total });
  for (let i = 0; i < todo.length; i += BATCH) {
    await Promise.all(
      todo.slice(i, i + BATCH).map(async (u) => {
        const r = await fetch(u, { cache: 'no-cache' });
        if (!r.ok) throw new Error(`could not fetch ${u} (HTTP ${r.status})`);
        await cache.put(u, r);
      }),
    );
    done = Math.min(total, done + BATCH);
    report({ type: 'progress', done, total });
  }
  // the manifest goes in last: its presence marks the copy complete
  await cache.put(MANIFEST, new Response(JSON.stringify(manifest), { headers: { 'content-type': 'application/json' } }));
  for (const v of await savedVersions()) if (v !== manifest.version) await caches.delete(PREFIX + v);
  return manifest;
}

let checkedForUpdate = false;
/** Once per worker lifetime, online: if the server's build differs from the saved one, save it. */
async function updateIfStale() {
  if (checkedForUpdate) return;
  checkedForUpdate = true;
  const saved = await savedVersions();
  if (saved.length === 0) return;
  const res = await fetch(MANIFEST, { cache: 'no-store' });
  if (!res.ok) return;
  const { version } = await res.json();
  if (!saved.includes(version) || saved.length > 1) await save(() => {});
}

self.addEventListener('message', (event) => {
  const port = event.ports[0];
  if (!port || !event.data) return;
  if (event.data.type === 'save') {
    event.waitUntil(
      save((m) => port.postMessage(m)).then(
        (manifest) => port.postMessage({ type: 'done', version: manifest.version, total: manifest.urls.length, bytes: manifest.bytes }),
        (err) => port.postMessage({ type: 'error', message: String(err && err.message ? err.message : err) }),
      ),
    );
  }
});

async function fromCache(url) {
  // Pagefind adds ?ts=… to its entry file as a cache-buster: the query is not part of the file
  const path = url.pathname;
  const candidates = [path];
  if (!path.endsWith('/') && !/\.[a-z0-9_]+$/i.test(path)) candidates.push(`${path}/`);
  for (const p of candidates) {
    const hit = await caches.match(new Request(new URL(p, url.origin)), { ignoreSearch: true });
    if (hit) return hit;
  }
  return undefined;
}

async function respond(event, url) {
  const request = event.request;
  // hashed bundles never change under the same name: the saved copy is as good as the network's
  if (url.pathname.startsWith('/_astro/')) {
    const hit = await fromCache(url);
    if (hit) return hit;
  }
  try {
    const res = await fetch(request);
    if (request.mode === 'navigate' && res.ok) event.waitUntil(updateIfStale().catch(() => {}));
    return res;
  } catch (err) {
    const hit = await fromCache(url);
    if (hit) return hit;
    if (request.mode === 'navigate') {
      const missing = await fromCache(new URL('/404.html', url.origin));
      if (missing) return missing;
    }
    throw err;
  }
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(respond(event, url));
});
