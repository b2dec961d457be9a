/**
 * "Deploys" the project into a running local emulator, doing what a developer does in the CloudBase
 * console for a real env: create every collection in database/schema, create the indexes in
 * database/indexes.json (both from the deploy manifest, scripts/lib/manifest.ts), and (re)load the built cloud functions and their timer triggers.
 */
import { collectionNames, indexDeclarations } from './manifest';

// One list of collections, indexes and functions: the deploy manifest (npm run deploy uses it too).
export { ROOT, collectionNames, indexDeclarations, type IndexDecl } from './manifest';

async function post(baseUrl: string, route: string, body: unknown): Promise<any> {
  const res = await fetch(`${baseUrl}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = await res.json();
  if (!res.ok) throw new Error(`${route}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export interface DeployReport {
  created: string[];
  indexes: number;
  functions: string[];
}

export async function deployLocal(baseUrl: string): Promise<DeployReport> {
  const { created } = await post(baseUrl, '/_emulator/db/collections', { names: collectionNames() });
  let indexes = 0;
  for (const [collection, decls] of Object.entries(indexDeclarations())) {
    await post(baseUrl, '/_emulator/db/indexes', { collection, indexes: decls });
    indexes += decls.length;
  }
  const { functions } = await post(baseUrl, '/_emulator/functions/reload', {});
  return { created, indexes, functions };
}
