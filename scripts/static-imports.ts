/**
 * The app's static import graph: the modules a browser must fetch before the entry can run, found by
 * reading `import`/`export … from` statements (type-only imports and dynamic `import()` left out, as
 * the bundler leaves them out of the first load). `npm run bench` measures the bytes; this says which
 * modules, so a test can keep code that is meant to load on demand out of the first load.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import ts from 'typescript';

const OPTIONS: ts.CompilerOptions = { moduleResolution: ts.ModuleResolutionKind.Bundler, allowImportingTsExtensions: true, jsx: ts.JsxEmit.ReactJSX };

function isTypeOnly(st: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(st)) return st.isTypeOnly;
  const clause = st.importClause;
  if (!clause) return false; // a side-effect import
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return !clause.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
}

/** Relative paths (from `root`) of the source files `file` imports statically, and `npm:<name>` for each package. */
function staticImports(root: string, file: string, host: ts.ModuleResolutionHost): string[] {
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  for (const st of src.statements) {
    if (!(ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) || !st.moduleSpecifier || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    if (isTypeOnly(st)) continue;
    const spec = st.moduleSpecifier.text;
    if (!spec.startsWith('.')) {
      out.push(`npm:${spec}`); // a package: named, not followed (the bundle benchmark measures its bytes)
      continue;
    }
    const resolved = ts.resolveModuleName(spec, file, OPTIONS, host).resolvedModule;
    if (resolved && !resolved.isExternalLibraryImport) out.push(relative(root, resolved.resolvedFileName));
  }
  return out;
}

/** Every module reached statically from `entry`, each with the chain that reaches it (entry first). */
export function staticGraph(root: string, entry: string): Map<string, string[]> {
  const host = ts.createCompilerHost(OPTIONS);
  const chains = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const dep of staticImports(root, resolve(root, file), host)) {
      if (chains.has(dep)) continue;
      chains.set(dep, [...chains.get(file)!, dep]);
      if (!dep.startsWith('npm:')) queue.push(dep);
    }
  }
  return chains;
}
