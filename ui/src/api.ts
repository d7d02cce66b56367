// The one way the UI talks to the shell. `Commands` maps each command name to its argument and
// result types (from the ts-rs bindings generated from the core), so a misspelt command or a
// wrong argument is a compile error, not a runtime surprise.
import { invoke } from '@tauri-apps/api/core';
import type { Association } from './bindings/Association';
import type { ErrorReport } from './bindings/ErrorReport';
import type { MemberNo } from './bindings/MemberNo';
import type { Person } from './bindings/Person';
import type { PersonFilter } from './bindings/PersonFilter';
import type { PersonInput } from './bindings/PersonInput';
import type { PersonPage } from './bindings/PersonPage';
import type { Settings } from './bindings/Settings';
import type { Status } from './bindings/Status';

/** The shell's own DTO for the first screen (src-tauri/src/main.rs `AppInfo`). */
export type AppInfo = {
  association: Association | null;
  settings: Settings;
  db_path: string;
  data_folder: string;
  schema_version: number;
  today: string;
  open_error: ErrorReport | null;
};

type NoArgs = Record<string, never>;

export type Commands = {
  app_info: [NoArgs, AppInfo];
  save_association: [{ association: Association }, Association];
  load_demo: [NoArgs, number];
  save_settings: [{ settings: Settings }, Settings];
  member_list: [{ filter: PersonFilter }, PersonPage];
  member_groups: [NoArgs, string[]];
  member_get: [{ no: MemberNo }, Person];
  member_add: [{ input: PersonInput }, Person];
  member_update: [{ no: MemberNo; input: PersonInput }, Person];
  member_set_status: [{ no: MemberNo; status: Status; effective: string; note: string }, Person];
};

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
