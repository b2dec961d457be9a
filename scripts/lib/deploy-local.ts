/**
 * "Deploys" the project into a running local emulator, doing what a developer does in the CloudBase
 * console for a real env: create every collection in database/schema, create the indexes in
 * database/indexes.json, and (re)load the built cloud functions and their timer triggers.
 */
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

export function collectionNames(): string[] {
  return fs
    .readdirSync(path.join(ROOT, 'database/schema'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

export interface IndexDecl {
  name: string;
  keys: Array<{ field: string; direction: 1 | -1 }>;
  unique?: boolean;
  sparse?: boolean;
}

export function indexDeclarations(): Record<string, IndexDecl[]> {
  const raw = JSON.parse(fs.readFileSync(path.join(ROOT, 'database/indexes.json'), 'utf8')) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(raw).filter(([k]) => !k.startsWith('$'))) as Record<string, IndexDecl[]>;
}

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
