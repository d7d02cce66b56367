// Phones arrive masked from the core (issue 12). Where a screen shows one, a role that may see it
// whole gets a Show button beside it (MaskedPhone), one click for that one number, recorded by
// the core. This guards against a screen printing a phone field bare again. Two screens are
// known exceptions: the register list (masked; the person's page reveals) and the person's page
// itself, which has its own Show per field (its family table shows what that reveal returned).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('.', import.meta.url).pathname;
const KNOWN = new Set(['lib/Members.svelte', 'lib/PersonDetail.svelte']);

function svelteFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return svelteFiles(path);
    return name.endsWith('.svelte') ? [path] : [];
  });
}

describe('phones on screens', () => {
  it('every phone a screen shows goes through MaskedPhone', () => {
    const bare: string[] = [];
    let wrapped = 0;
    for (const path of svelteFiles(SRC)) {
      const f = relative(SRC, path);
      const text = readFileSync(path, 'utf8');
      wrapped += [...text.matchAll(/<MaskedPhone\b/g)].length;
      if (KNOWN.has(f)) continue;
      // A phone field shown as text: {x.phone}, {x.family_to_call} or passed into a message.
      for (const m of text.matchAll(/(?<!=)\{[a-z][\w.]*\.(phone|family_to_call)\}|(phone|family): [a-z][\w.]*\.(phone|family_to_call)\b/g)) {
        bare.push(`${f}: ${m[0]}`);
      }
    }
    expect(bare).toEqual([]);
    expect(wrapped).toBeGreaterThanOrEqual(4);
  });
});
