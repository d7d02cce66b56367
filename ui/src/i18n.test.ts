// Every message id the UI asks for must exist in both languages, or a person would read a raw
// id like "members-add" on screen. The ids are found by scanning the sources for t('…') calls
// with a literal id, plus the choice labels and the `app-nav-…`/`lang-…` ids built from lists.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allChoiceIds } from './choices';
import { LANGS, format, ftlSources, makeBundle } from './fluent';

const SRC = new URL('.', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'bindings' ? [] : sourceFiles(path);
    return /\.(svelte|ts)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Ids used as t('id') / t("id") / t(`id`) (a template literal only when it has no ${}). */
export function literalIds(text: string): string[] {
  const ids: string[] = [];
  const re = /\bt\(\s*(['"`])([a-zA-Z][\w-]*)\1/g;
  for (const m of text.matchAll(re)) ids.push(m[2]);
  // Ids chosen between two literals: t(cond ? 'a' : 'b')
  const ternary = /\bt\([^()]*?\?\s*'([\w-]+)'\s*:\s*'([\w-]+)'/g;
  for (const m of text.matchAll(ternary)) ids.push(m[1], m[2]);
  return ids;
}

const files = sourceFiles(SRC);
const usedIds = new Set<string>([
  ...files.flatMap((f) => literalIds(readFileSync(f, 'utf8'))),
  ...allChoiceIds(),
  // Built in Shell.svelte and SettingsPage.svelte from their lists.
  ...['members', 'rota', 'time-bank', 'money', 'welfare', 'reports', 'settings'].map((a) => `app-nav-${a}`),
  ...LANGS.map((l) => `lang-${l}`),
]);

describe('Fluent messages', () => {
  it('finds the .ftl files of both languages', () => {
    for (const lang of LANGS) expect(ftlSources(lang).length, `no .ftl files found for ${lang}`).toBeGreaterThan(0);
  });

  it('the scan sees the ids the screens use', () => {
    // Guards the scanner itself: if it found nothing, the check below would pass vacuously.
    expect(usedIds.has('members-add')).toBe(true);
    expect(usedIds.has('common-save')).toBe(true);
    expect(usedIds.size).toBeGreaterThan(80);
  });

  for (const lang of LANGS) {
    it(`every id used by the UI exists in ${lang}`, () => {
      const bundle = makeBundle(lang);
      const missing = [...usedIds].filter((id) => !bundle.hasMessage(id)).sort();
      expect(missing, `ids used in ${files.map((f) => relative(SRC, f)).length} files but missing from ${lang}`).toEqual([]);
    });
  }

  it('every t() call uses an id the scan can see', () => {
    // A t(someVariable) call would escape the check above; only these dynamic forms are known.
    const known = /^(['"]|`[\w-]+`|ids\.\w+\(|`app-nav-\$\{|`lang-\$\{|[\w.!= ]+\?\s*')/;
    const unknown: string[] = [];
    // i18n.svelte.ts defines t() itself.
    for (const f of files.filter((f) => !f.endsWith('i18n.svelte.ts'))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\bt\(\s*([^)\n]{0,40})/g)) {
        if (!known.test(m[1])) unknown.push(`${relative(SRC, f)}: t(${m[1]}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('arguments are not wrapped in isolation marks', () => {
    const s = format(makeBundle('en-US'), 'members-count', { total: '12' });
    expect(s).toContain('12');
    expect(s).not.toMatch(/[\u2068\u2069]/);
  });

  it('an unknown id is shown as itself', () => {
    expect(format(makeBundle('zh-CN'), 'no-such-message')).toBe('no-such-message');
  });

  it('the scanner catches a missing id', () => {
    const bundle = makeBundle('zh-CN');
    const ids = literalIds(`<p>{t('members-add')}</p><p>{t("surely-not-an-id")}</p>`);
    expect(ids.filter((id) => !bundle.hasMessage(id))).toEqual(['surely-not-an-id']);
  });
});
