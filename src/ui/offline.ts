/**
 * The reader's side of offline reading (/special/offline/): registers the service worker
 * (public/sw.js) only when asked, asks it to save the current build, reports progress, and
 * removes the saved copy again. Also gives the build version, for Pagefind's metaCacheTag.
 */
const SW_URL = '/sw.js';
const PREFIX = 'equilibria-offline-';
const MANIFEST = '/offline-manifest.json';

/** Progress of a save: files saved so far out of the total. */
export type SaveProgress = { done: number; total: number };

/** What is saved: the version of the saved copy (if any) and whether service workers are available at all. */
export type OfflineState = { supported: boolean; saved: string | undefined };

/** Returns whether this browser can save the wiki and which version it has saved. */
export async function offlineState(): Promise<OfflineState> {
  const supported = 'serviceWorker' in navigator && 'caches' in window;
  if (!supported) return { supported, saved: undefined };
  for (const key of (await caches.keys()).filter((k) => k.startsWith(PREFIX))) {
    // a copy counts as saved once its manifest, written last, is in it
    if (await (await caches.open(key)).match(MANIFEST)) return { supported, saved: key.slice(PREFIX.length) };
  }
  return { supported, saved: undefined };
}

/** Returns the version (content hash) of the build being served, from the offline manifest; undefined when there is none. */
export async function buildVersion(): Promise<string | undefined> {
  try {
    const res = await fetch(MANIFEST, { cache: 'no-cache' });
    if (!res.ok) return undefined;
    const m = (await res.json()) as { version?: unknown };
    return typeof m.version === 'string' ? m.version : undefined;
  } catch {
    return undefined;
  }
}

/** Registers the service worker and has it save every file of the build; resolves with the saved version, file count and size in bytes. */
export async function saveForOffline(onProgress: (p: SaveProgress) => void): Promise<{ version: string; total: number; bytes: number }> {
  if (!('serviceWorker' in navigator)) throw new TypeError('This browser cannot save sites for offline reading (no service workers).');
  await navigator.serviceWorker.register(SW_URL, { scope: '/' });
  const registration = await navigator.serviceWorker.ready;
  const worker = registration.active;
  if (!worker) throw new Error('The offline worker did not start.');
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent) => {
      const m = event.data as { type: string; done?: number; total?: number; version?: string; bytes?: number; message?: string };
      if (m.type === 'progress') onProgress({ done: m.done ?? 0, total: m.total ?? 0 });
      else if (m.type === 'done') resolve({ version: m.version ?? '', total: m.total ?? 0, bytes: m.bytes ?? 0 });
      else if (m.type === 'error') reject(new Error(m.message ?? 'saving failed'));
    };
    worker.postMessage({ type: 'save' }, [channel.port2]);
  });
}

/** Deletes every saved copy and unregisters the service worker. */
export async function removeOffline(): Promise<void> {
  for (const key of await caches.keys()) if (key.startsWith(PREFIX)) await caches.delete(key);
  const registrations = 'serviceWorker' in navigator ? await navigator.serviceWorker.getRegistrations() : [];
  for (const r of registrations) if (new URL(r.active?.scriptURL ?? r.installing?.scriptURL ?? SW_URL, location.href).pathname === SW_URL) await r.unregister();
}
