import { describe, expect, it } from 'vitest';
import { readDocuments, splitDocuments } from './documents';
import { formatMessage } from '../../i18n/sim/index';

describe('splitting a YAML stream as kubectl does', () => {
  it("splits on lines starting with ---, keeping each document's first line", () => {
    const docs = splitDocuments('---\na: 1\n--- # two\nb: 2\n---\n\n---\nc: 3\n');
    // a leading --- opens the first document (it does not make an empty one)
    expect(docs.map((d) => [d.text, d.firstLine])).toEqual([
      ['a: 1\n', 2],
      ['b: 2\n', 4],
      ['\n', 6],
      ['c: 3\n', 8],
    ]);
    // "---" inside a value or indented is no separator
    expect(splitDocuments('a: |\n  ---\nb: "---"\n')).toHaveLength(1);
  });

  it('notes kinds it does not read without parsing them, and parses the rest', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "["\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n';
    const r = readDocuments([{ name: 'x.yaml', text }], (k) => k === 'Service');
    expect(r.skipped).toEqual([{ source: 'x.yaml', doc: 1, kind: 'ConfigMap', name: 'cfg', line: 1 }]);
    expect(r.objects.map((o) => [o.kind, o.name, o.doc])).toEqual([['Service', 'web', 2]]);
    expect(r.objects[0]!.locate(['metadata', 'name'])).toEqual({ line: 11, col: 9 });
  });

  it('reports a YAML syntax error at its line in the whole stream', () => {
    const r = readDocuments([{ name: 'x.yaml', text: 'a: 1\n---\nb: [1, 2\n' }]);
    expect(r.errors[0]).toMatchObject({ doc: 2, line: 4 });
    expect(formatMessage('en', r.errors[0]!.msg)).toMatch(/^not valid YAML/);
    expect(formatMessage('zh-CN', r.errors[0]!.msg)).toMatch(/^不是合法的 YAML：/);
  });
});
