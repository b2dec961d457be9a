/**
 * Guards the rules of the domain layer that a type checker cannot see: it stays pure (no imports
 * from outside `domain/`, no clock, no randomness, no I/O), files stay small and kebab-case, no
 * `any`, and every source file has a spec beside it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = __dirname;

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const files = walk(root).map((full) => ({ rel: path.relative(root, full).split(path.sep).join('/'), text: fs.readFileSync(full, 'utf8') }));
const isSpec = (rel: string): boolean => rel.endsWith('.spec.ts');
/** Dev tools run by hand (they may use Node I/O); never bundled into a function. */
const isScript = (rel: string): boolean => rel.startsWith('scripts/');
const sources = files.filter((f) => !isSpec(f.rel) && !isScript(f.rel));

/** Source files with nothing to run: types and constants only, or spec fixtures. */
const WITHOUT_OWN_SPEC = ['pricing/checkout-input.ts', 'testing/coupon-fixtures.ts', 'testing/checkout-fixtures.ts'];

describe('domain layout', () => {
  it('finds the files it checks', () => {
    expect(sources.length).toBeGreaterThan(20);
  });

  it('imports only from inside domain/', () => {
    const offenders = sources.flatMap(({ rel, text }) => {
      const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
      return specifiers
        .filter((spec) => {
          if (!spec.startsWith('.')) return true;
          const target = path.resolve(root, path.dirname(rel), spec);
          return path.relative(root, target).startsWith('..');
        })
        .map((spec) => `${rel}: ${spec}`);
    });
    expect(offenders).toEqual([]);
  });

  it('never reads the clock, randomness, the environment or the console', () => {
    const banned = [/Date\.now\s*\(/, /new Date\s*\(/, /Math\.random\s*\(/, /\bprocess\./, /\bconsole\./, /\bsetTimeout\s*\(/];
    const offenders = sources.flatMap(({ rel, text }) => banned.filter((re) => re.test(text)).map((re) => `${rel}: ${re.source}`));
    expect(offenders).toEqual([]);
  });

  it('never uses any', () => {
    // This file is left out: its own pattern would match.
    const offenders = files.filter(({ rel, text }) => rel !== 'layout.spec.ts' && /(:\s*any\b|\bas any\b|<any>|any\[\])/.test(text)).map((f) => f.rel);
    expect(offenders).toEqual([]);
  });

  it('keeps files under 300 lines with kebab-case names', () => {
    const long = files.filter(({ text }) => text.split('\n').length >= 300).map((f) => f.rel);
    const badNames = files.filter(({ rel }) => !/^[a-z0-9-]+(\.[a-z]+)*\.ts$/.test(path.basename(rel))).map((f) => f.rel);
    expect({ long, badNames }).toEqual({ long: [], badNames: [] });
  });

  it('has a spec beside every source file', () => {
    const names = new Set(files.map((f) => f.rel));
    const missing = sources
      .map((f) => f.rel)
      .filter((rel) => !WITHOUT_OWN_SPEC.includes(rel) && !names.has(rel.replace(/\.ts$/, '.spec.ts')));
    expect(missing).toEqual([]);
  });
});
