// The one way the UI talks to the shell. `Commands` maps each command name to its argument and
// result types (from the ts-rs bindings generated from the core), so a misspelt command or a
// wrong argument is a compile error, not a runtime surprise.
import { invoke } from '@tauri-apps/api/core';
import type { CareCase } from './bindings/CareCase';
import type { ContactLog } from './bindings/ContactLog';
import type { DutyKind } from './bindings/DutyKind';
import type { OverdueElder } from './bindings/OverdueElder';
import type { Pairing } from './bindings/Pairing';
import type { RotaCandidate } from './bindings/RotaCandidate';
import type { RotaGenerateReport } from './bindings/RotaGenerateReport';
import type { RotaSlot } from './bindings/RotaSlot';
import type { RotaSlotId } from './bindings/RotaSlotId';
import type { RotaUnfilledSlot } from './bindings/RotaUnfilledSlot';
import type { ShiftOutcomeRecord } from './bindings/ShiftOutcomeRecord';
import type { VolunteerAvailability } from './bindings/VolunteerAvailability';
import type { Association } from './bindings/Association';
import type { ErrorReport } from './bindings/ErrorReport';
import type { MemberNo } from './bindings/MemberNo';
import type { Person } from './bindings/Person';
import type { PersonFilter } from './bindings/PersonFilter';
import type { PersonInput } from './bindings/PersonInput';
import type { PersonPage } from './bindings/PersonPage';
import type { Settings } from './bindings/Settings';
import type { Status } from './bindings/Status';
import type { BankOverview } from './bindings/BankOverview';
import type { CashEntry } from './bindings/CashEntry';
import type { Category } from './bindings/Category';
import type { Donation } from './bindings/Donation';
import type { DonationInput } from './bindings/DonationInput';
import type { Donor } from './bindings/Donor';
import type { DuesLine } from './bindings/DuesLine';
import type { DuesPayment } from './bindings/DuesPayment';
import type { DuesPolicy } from './bindings/DuesPolicy';
import type { EntryId } from './bindings/EntryId';
import type { EntryInput } from './bindings/EntryInput';
import type { Fen } from './bindings/Fen';
import type { HonourFilter } from './bindings/HonourFilter';
import type { Hours } from './bindings/Hours';
import type { Imported } from './bindings/Imported';
import type { ImportPreview } from './bindings/ImportPreview';
import type { Period } from './bindings/Period';
import type { PolicyInput } from './bindings/PolicyInput';
import type { PostedEntry } from './bindings/PostedEntry';
import type { Receipt } from './bindings/Receipt';
import type { ReceiptLayout } from './bindings/ReceiptLayout';
import type { StatementFormat } from './bindings/StatementFormat';
import type { TimeAccount } from './bindings/TimeAccount';

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

/** The care-case form as typed (src-tauri/src/rota.rs `CaseForm`; the shell parses it). */
export type CaseForm = {
  recipient: MemberNo | null;
  kind: DutyKind;
  from: string;
  until: string;
  shifts: { name: string; start: string; end: string; people: string }[];
  weekdays: number[];
  every_days: string;
  address: string;
  medicines: string;
  family_to_call: string;
  notes: string;
};
/** A volunteer's availability as ticked (src-tauri/src/rota.rs `VolunteerForm`). */
export type VolunteerForm = {
  kinds: DutyKind[];
  weekdays: number[];
  day: boolean;
  night: boolean;
  max_shifts: string;
  away_from: string;
  away_until: string;
};

/** A printout the shell wrote (src-tauri/src/files.rs `SavedFile`). */
export type SavedFile = { path: string; opened: boolean };
/** What a time-bank export wrote (src-tauri/src/time_bank.rs `ExportDone`). */
export type ExportDone = { path: string; name: string; hours: Hours; file_id: string };
/** An exchange file found in the output folder (src-tauri/src/time_bank.rs `FoundFile`). */
export type FoundFile = { path: string; name: string };

export type Commands = {
  rota_list: [{ month: string }, RotaSlot[]];
  rota_unfilled: [{ month: string }, RotaUnfilledSlot[]];
  rota_generate: [{ month: string }, RotaGenerateReport];
  rota_candidates: [{ slot: RotaSlotId }, RotaCandidate[]];
  rota_assign: [{ slot: RotaSlotId; no: MemberNo }, RotaSlot];
  rota_unassign: [{ slot: RotaSlotId; no: MemberNo }, RotaSlot];
  rota_swap: [{ slotA: RotaSlotId; noA: MemberNo; slotB: RotaSlotId; noB: MemberNo }, [RotaSlot, RotaSlot]];
  rota_lock: [{ slot: RotaSlotId; locked: boolean }, RotaSlot];
  rota_outcome: [{ slot: RotaSlotId; person: MemberNo; missed: boolean; by: MemberNo | null; hours: string }, ShiftOutcomeRecord[]];
  rota_pdf: [{ month: string; large: boolean; a3: boolean }, SavedFile];
  rota_slips: [{ month: string }, SavedFile];
  care_list: [NoArgs, CareCase[]];
  care_add: [{ form: CaseForm }, CareCase];
  volunteer_list: [NoArgs, VolunteerAvailability[]];
  volunteer_set: [{ no: MemberNo; form: VolunteerForm }, VolunteerAvailability];
  pair_add: [{ volunteer: MemberNo | null; elder: MemberNo | null; everyDays: string; from: string }, Pairing];
  rota_overdue: [{ days: number }, OverdueElder[]];
  visit_log: [{ elder: MemberNo; by: MemberNo | null; date: string; call: boolean; notes: string }, ContactLog];
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
  open_file: [{ path: string }, boolean];
  cash_categories: [NoArgs, Category[]];
  cash_list: [{ month: string }, CashEntry[]];
  cash_balance: [NoArgs, Fen];
  cash_add: [{ input: EntryInput; receipt: boolean }, PostedEntry];
  cash_reverse: [{ voucher: string; reason: string; date: string }, CashEntry];
  dues_policy: [{ year: number }, DuesPolicy | null];
  dues_set_policy: [{ input: PolicyInput }, DuesPolicy];
  dues_bill: [{ year: number }, DuesLine[]];
  dues_pay: [{ no: MemberNo; years: number[]; amount: string; date: string; handler: string }, DuesPayment];
  dues_arrears_pdf: [{ year: number }, SavedFile];
  receipt_list: [{ year: number | null }, Receipt[]];
  receipt_print: [{ numbers: string[]; layout: ReceiptLayout }, SavedFile];
  receipt_void: [{ number: string; reason: string }, Receipt];
  donation_add: [{ input: DonationInput }, [Donation, CashEntry, Receipt | null]];
  donation_list: [NoArgs, Donation[]];
  honour_list: [{ filter: HonourFilter }, Donor[]];
  honour_pdf: [{ filter: HonourFilter }, SavedFile];
  statement_file: [{ period: Period; format: StatementFormat }, SavedFile];
  time_account: [{ no: MemberNo }, TimeAccount];
  time_overview: [NoArgs, BankOverview];
  time_deposit: [
    { provider: MemberNo; hours: string; date: string; recipient: MemberNo | null; serviceKind: string; confirmedBy: string },
    EntryId,
  ];
  time_withdraw: [
    { holder: MemberNo; hours: string; date: string; recipient: MemberNo | null; serviceKind: string; consent: string },
    EntryId,
  ];
  time_transfer: [{ from: MemberNo; to: MemberNo; hours: string; reason: string; date: string }, [EntryId, EntryId]];
  time_donate: [{ person: MemberNo; hours: string; date: string }, EntryId];
  time_reverse: [{ id: EntryId; reason: string; date: string }, EntryId[]];
  time_passbook: [{ no: MemberNo }, SavedFile];
  time_export: [{ no: MemberNo }, ExportDone];
  time_exchange_files: [NoArgs, FoundFile[]];
  time_import_preview: [{ path: string }, ImportPreview];
  time_import: [{ path: string; acceptKey: boolean }, Imported];
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
