import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { staticGraph } from './static-imports';
import { ALL_PARTS } from '../src/i18n/parts/all';
import { en } from '../src/i18n/messages.en';

const ROOT = resolve(import.meta.dirname, '..');

/** The modules under `dir` (tests and fixtures left out) but those in the folders `skip`. */
function modulesUnder(dir: string, skip: readonly string[]): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((f) => {
    const rel = `${dir}/${f}`;
    if (statSync(join(ROOT, rel)).isDirectory()) return skip.includes(rel) ? [] : modulesUnder(rel, skip);
    return /\.tsx?$/.test(f) && !/\.(test|fixtures)\.tsx?$/.test(f) ? [rel] : [];
  });
}

/** The app's modules that may show interface strings (the CLI loads every part up front, through src/i18n/all-locales.ts). */
const appModules = () => modulesUnder('src', ['src/i18n', 'src/cli']);

/** The string literals of a module, and the fixed heads of its template literals (`hop.action.${a}` gives `hop.action.`). */
function literals(file: string): { texts: Set<string>; heads: Set<string> } {
  const src = ts.createSourceFile(
    file,
    readFileSync(join(ROOT, file), 'utf8'),
    ts.ScriptTarget.Latest,
    false,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const texts = new Set<string>();
  const heads = new Set<string>();
  const visit = (n: ts.Node) => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) texts.add(n.text);
    else if (ts.isTemplateExpression(n) && n.head.text.includes('.')) heads.add(n.head.text);
    ts.forEachChild(n, visit);
  };
  visit(src);
  return { texts, heads };
}

const modules = appModules().map((file) => ({ file, ...literals(file) }));
const shows = (m: (typeof modules)[number], key: string) => m.texts.has(key) || [...m.heads].some((h) => key.startsWith(h));

/**
 * A dictionary part's strings are registered when its module is evaluated (src/i18n/messageParts.ts). ES
 * modules evaluate their imports first, so a module that imports the part (directly or through its own
 * imports) cannot show one of its keys before it is there. This keeps every use so: a panel component
 * moved out of its lazy module, or a part key used in an eager one, fails here instead of showing a key.
 */
describe('dictionary parts', () => {
  it.each(ALL_PARTS.map((p) => [p.name, p] as const))('%s: every module that shows one of its keys imports it', (name, part) => {
    const partFile = `src/i18n/parts/${name}.ts`;
    const keys = Object.keys(part.strings.en);
    const users = modules.filter((m) => keys.some((k) => shows(m, k)));
    expect(users.length, `no module of the app shows a key of ${name}`).toBeGreaterThan(0);
    const without = users.filter((m) => !staticGraph(ROOT, m.file).has(partFile)).map((m) => m.file);
    expect(without, `these show keys of ${partFile} without importing it`).toEqual([]);
  });
});

describe('the interface dictionaries (core and parts)', () => {
  it('hold no key that nothing shows (a key is shown when a module names it, or builds it from a template such as `hop.action.${a}`)', () => {
    const all = [...Object.keys(en), ...ALL_PARTS.flatMap((p) => Object.keys(p.strings.en))];
    // src/i18n itself builds some keys (`element.${kind}`); its dictionaries and parts do not count as use.
    const users = [
      ...modules,
      ...modulesUnder('src/i18n', ['src/i18n/parts', 'src/i18n/sim'])
        .filter((f) => !/messages\./.test(f))
        .map((file) => ({ file, ...literals(file) })),
    ];
    expect(all.filter((k) => !users.some((m) => shows(m, k)))).toEqual([]);
  });
});
