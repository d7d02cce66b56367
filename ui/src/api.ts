// The one way the UI talks to the shell. `Commands` (ui/src/commands.ts, generated from the
// shell's one command list) maps each command name to its argument and result types, so a
// misspelt command or a wrong argument is a compile error, not a runtime surprise.
import { invoke } from '@tauri-apps/api/core';
import type { ErrorReport } from './bindings/ErrorReport';
import type { MemberNo } from './bindings/MemberNo';
import type { Commands } from './commands';

// Types of the shell's own DTOs (the first screen's facts, a saved printout), re-exported under
// the names the screens import; forms and everything else are the core's types.
export type { AppInfo } from './bindings/AppInfo';
export type { SavedFile } from './bindings/SavedFile';
export type { Commands } from './commands';

export function isReport(e: unknown): e is ErrorReport {
  return typeof e === 'object' && e !== null && 'code' in e && 'message' in e;
}

/** Calls a command; a failure is always thrown as an ErrorReport. */
export async function call<K extends keyof Commands>(cmd: K, args: Commands[K][0]): Promise<Commands[K][1]> {
  try {
    return await invoke<Commands[K][1]>(cmd, args);
  } catch (e) {
    if (isReport(e)) throw e;
    // Not from our commands (the IPC itself failed): still show something readable.
    const report: ErrorReport = { code: 'internal', message: String(e), field: null };
    throw report;
  }
}

/** A register number from text (a data attribute, a route). */
export function memberNo(n: number | string): MemberNo {
  return Number(n);
}
