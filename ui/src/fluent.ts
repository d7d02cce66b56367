// Loads the one set of .ftl files the Rust core also uses (../../locales/<lang>/*.ftl) into a
// FluentBundle per language. Pure (no Svelte state) so the unit test can use it as it is.
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import type { Lang } from './bindings/Lang';

export const LANGS: Lang[] = ['zh-CN', 'en-US'];

// Vite inlines every file at build time: nothing is fetched at run time.
const sources = import.meta.glob('../../locales/*/*.ftl', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** The .ftl texts of one language, in file-name order (as the core concatenates them). */
export function ftlSources(lang: Lang): string[] {
  return Object.keys(sources)
    .filter((path) => path.split('/').at(-2) === lang)
    .sort()
    .map((path) => sources[path]);
}

export function makeBundle(lang: Lang): FluentBundle {
  // Isolation marks (U+2068/9) around arguments show as stray boxes in some fonts and in
  // copied text; our arguments are never right-to-left.
  const bundle = new FluentBundle(lang, { useIsolating: false });
  for (const src of ftlSources(lang)) {
    const errors = bundle.addResource(new FluentResource(src));
    for (const e of errors) console.error(`ftl (${lang}):`, e);
  }
  return bundle;
}

export type Args = Record<string, FluentVariable>;

/** Formats a message; an unknown id comes back as the id itself so a gap is visible. */
export function format(bundle: FluentBundle, id: string, args?: Args): string {
  const msg = bundle.getMessage(id);
  if (!msg?.value) return id;
  return bundle.formatPattern(msg.value, args ?? null);
}
