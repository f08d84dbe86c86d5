import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { staticGraph } from './static-imports';
import { ALL_PARTS } from '../src/i18n/parts/all';

const ROOT = resolve(import.meta.dirname, '..');

/** The app's modules that may show interface strings (the CLI loads every part up front, through src/i18n/all-locales.ts). */
function appModules(dir = join(ROOT, 'src')): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    const rel = relative(ROOT, p);
    if (statSync(p).isDirectory()) return rel === 'src/i18n' || rel === 'src/cli' ? [] : appModules(p);
    return /\.tsx?$/.test(f) && !/\.(test|fixtures)\.tsx?$/.test(f) ? [rel] : [];
  });
}

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

/**
 * A dictionary part's strings are registered when its module is evaluated (src/i18n/messageParts.ts). ES
 * modules evaluate their imports first, so a module that imports the part (directly or through its own
 * imports) cannot show one of its keys before it is there. This keeps every use so: a panel component
 * moved out of its lazy module, or a part key used in an eager one, fails here instead of showing a key.
 */
describe('dictionary parts', () => {
  const modules = appModules().map((file) => ({ file, ...literals(file) }));

  it.each(ALL_PARTS.map((p) => [p.name, p] as const))('%s: every module that shows one of its keys imports it', (name, part) => {
    const partFile = `src/i18n/parts/${name}.ts`;
    const keys = Object.keys(part.strings.en);
    const users = modules.filter((m) => keys.some((k) => m.texts.has(k) || [...m.heads].some((h) => k.startsWith(h))));
    expect(users.length, `no module of the app shows a key of ${name}`).toBeGreaterThan(0);
    const without = users.filter((m) => !staticGraph(ROOT, m.file).has(partFile)).map((m) => m.file);
    expect(without, `these show keys of ${partFile} without importing it`).toEqual([]);
  });
});
