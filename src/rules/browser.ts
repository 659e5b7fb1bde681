/**
 * The app's side of a rules release (a lazy chunk, with the engine): fetch one from beside the app,
 * reopen the copy kept on the device, and turn a checked release into the rules the state uses.
 */
import {
  amountsUpdated,
  describeRight,
  evaluate,
  inForce,
  inTerritory,
  isAsked,
  localRightsKnown,
  missingAnswers,
  municipalityOf,
  paramAt,
  providerFor,
} from '../engine';
import type { LoadedRules } from './loaded';
import { isCases, openRelease, type Release, ReleaseError } from './release';

export { compareVersions } from '../engine';
export { checkManifest, isNewer, type Release, ReleaseError } from './release';

export function toLoadedRules(release: Release): LoadedRules {
  const m = release.manifest;
  return {
    ruleset: release.ruleset,
    release: {
      version: m.version,
      published: m.published,
      amountsUpdated: m.amountsUpdated ?? null,
      municipalities: m.municipalities ?? [],
      changelog: release.changelog,
      locales: release.locales,
    },
    evaluate,
    missingAnswers,
    isAsked,
    amountsUpdatedOn: amountsUpdated,
    inForce,
    inTerritory,
    municipalityOf,
    localRightsKnown,
    providerFor,
    paramAt,
    describeRight,
    changelog: release.changelog,
  };
}

const unreachable = (what: string, detail: string) => new ReleaseError('unreachable', `${what}: ${detail}`);

/** Fetches the manifest beside the app, network first (a cached copy is revalidated). */
export async function fetchManifest(base: string, fetcher: typeof fetch = fetch): Promise<unknown> {
  let response: Response;
  try {
    response = await fetcher(new URL('manifest.json', base), { cache: 'no-cache' });
  } catch (e) {
    throw unreachable('the rules could not be fetched', (e as Error).message);
  }
  if (!response.ok) throw unreachable('the rules could not be fetched', `manifest.json answered ${response.status}`);
  try {
    return await response.json();
  } catch (e) {
    throw new ReleaseError('manifest', `manifest.json is not valid JSON (${(e as Error).message})`);
  }
}

/** Downloads and checks every file the app needs (the cases are skipped). */
export function downloadRelease(manifest: unknown, base: string, fetcher: typeof fetch = fetch): Promise<Release> {
  return openRelease(manifest, async (path) => {
    let response: Response;
    try {
      response = await fetcher(new URL(path, base), { cache: 'no-cache' });
    } catch (e) {
      throw unreachable(`${path} could not be downloaded`, (e as Error).message);
    }
    if (response.status === 404) return null;
    if (!response.ok) throw unreachable(`${path} could not be downloaded`, `it answered ${response.status}`);
    try {
      return new Uint8Array(await response.arrayBuffer());
    } catch (e) {
      // a connection cut mid-file: the download is incomplete
      throw new ReleaseError('truncated', `${path} was cut off (${(e as Error).message})`, path);
    }
  });
}

/** Reopens the copy kept on the device, with every check a download gets. */
export function reopenRelease(texts: Readonly<Record<string, string>>): Promise<Release> {
  const encoder = new TextEncoder();
  let manifest: unknown;
  try {
    manifest = JSON.parse(texts['manifest.json'] ?? '');
  } catch {
    return Promise.reject(new ReleaseError('manifest', 'the kept manifest.json is not valid JSON'));
  }
  return openRelease(manifest, async (path) => {
    const text = texts[path];
    return text === undefined || isCases(path) ? null : encoder.encode(text);
  });
}
