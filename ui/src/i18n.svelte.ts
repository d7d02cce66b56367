// The language the UI is shown in, as Svelte state: every t() call in a template re-runs when
// it changes, so switching language in Settings applies at once.
import type { FluentBundle } from '@fluent/bundle';
import type { Lang } from './bindings/Lang';
import { format, makeBundle, type Args } from './fluent';

const bundles = new Map<Lang, FluentBundle>();

function bundle(lang: Lang): FluentBundle {
  let b = bundles.get(lang);
  if (!b) {
    b = makeBundle(lang);
    bundles.set(lang, b);
  }
  return b;
}

const current = $state<{ lang: Lang }>({ lang: 'zh-CN' });

export function setLang(lang: Lang): void {
  current.lang = lang;
  document.documentElement.lang = lang;
}

export function getLang(): Lang {
  return current.lang;
}

export function t(id: string, args?: Args): string {
  return format(bundle(current.lang), id, args);
}
