// The end-to-end tests and a person's assistive tools find controls by their test ids, so an id
// must name one thing. ExportButtons makes its ids from the `testid` it is given (<id>, <id>-xlsx,
// <id>-csv…): given an id a screen already uses for a button of its own, the two collide and a
// click lands on the wrong one (the time bank's balances export once took the account's
// "export hours" id).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('.', import.meta.url).pathname;

function svelteFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return svelteFiles(path);
    return name.endsWith('.svelte') ? [path] : [];
  });
}

const SUFFIXES = ['', '-xlsx', '-csv', '-full', '-file', '-error'];

describe('test ids', () => {
  it('no export gets an id that a screen already uses', () => {
    const files = svelteFiles(SRC).map((f) => ({ f: relative(SRC, f), text: readFileSync(f, 'utf8') }));
    const literal = new Map<string, string>();
    for (const { f, text } of files) {
      for (const m of text.matchAll(/data-testid="([\w-]+)"/g)) literal.set(m[1], f);
    }
    const exports = files.flatMap(({ f, text }) => [...text.matchAll(/<ExportButtons\b[^\n]*?testid="([\w-]+)"/g)].map((m) => ({ f, id: m[1] })));
    expect(exports.length).toBeGreaterThan(0);
    const clashes = exports.flatMap(({ f, id }) =>
      SUFFIXES.filter((s) => literal.has(id + s)).map((s) => `${f}: export "${id}" makes "${id + s}", used in ${literal.get(id + s)}`),
    );
    expect(clashes).toEqual([]);
    const ids = exports.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
