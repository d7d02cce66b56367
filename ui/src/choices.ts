// The closed sets of choices the screens offer come from the core: ./bindings/choices.ts is
// generated from its `choice!` enums (every value in menu order, and each value's label id).
// This file only names them for the screens — `ids.living(c)` is the label id to pass to t —
// and holds what belongs to the UI alone (the root font size of each text size).
import {
  ALL_LABEL_IDS,
  ACTIVITY_KIND_LABEL,
  COST_CATEGORY_LABEL,
  DISPUTE_KIND_LABEL,
  MEDIATION_OUTCOME_LABEL,
  AGE_BAND,
  AGE_BAND_LABEL,
  CARE_LEVEL,
  CARE_LEVEL_LABEL,
  CASH_KIND,
  CASH_KIND_LABEL,
  DUTY_KIND,
  DUTY_KIND_LABEL,
  ECONOMIC_STATUS,
  ECONOMIC_STATUS_LABEL,
  ENTRY_KIND,
  ENTRY_KIND_LABEL,
  GENDER,
  GENDER_LABEL,
  LIVING,
  LIVING_LABEL,
  MARITAL_STATUS,
  MARITAL_STATUS_LABEL,
  PERIOD_KIND,
  PERIOD_KIND_LABEL,
  BACKUP_PROBLEM_LABEL,
  BACKUP_REASON_LABEL,
  RECEIPT_LAYOUT,
  RECEIPT_LAYOUT_LABEL,
  SHIFT_OUTCOME_KIND,
  SHIFT_OUTCOME_KIND_LABEL,
  STATEMENT_FORMAT,
  STATEMENT_FORMAT_LABEL,
  STATUS,
  STATUS_FILTER,
  STATUS_FILTER_LABEL,
  STATUS_LABEL,
  ROSTER_ACTION_LABEL,
  TEXT_SIZE,
  TEXT_SIZE_LABEL,
  AGE_COUNT_LABEL,
  BATCH_SKIP_WHY_LABEL,
  WELFARE_KIND_LABEL,
  RATING,
  RATING_LABEL,
  REQUEST_STATE_LABEL,
  ROLE_LABEL,
  AREA_LABEL,
  MONEY_DUTY_LABEL,
} from './bindings/choices';
import type { TextSize } from './bindings/TextSize';

export {
  AGE_BAND as AGE_BANDS,
  CARE_LEVEL as CARE_LEVELS,
  CASH_KIND as CASH_KINDS,
  DUTY_KIND as DUTY_KINDS,
  GENDER as GENDERS,
  LIVING as LIVINGS,
  MARITAL_STATUS as MARITAL,
  PERIOD_KIND as PERIOD_KINDS,
  ECONOMIC_STATUS as ECONOMIC,
  RECEIPT_LAYOUT as RECEIPT_LAYOUTS,
  STATUS as STATUSES,
  STATUS_FILTER as STATUS_FILTERS,
  TEXT_SIZE as TEXT_SIZES,
  RATING as RATINGS,
};

/** Economic statuses a dues policy may exempt: all but 'ordinary' (the core refuses that one). */
export const DUES_EXEMPT = ECONOMIC_STATUS.filter((s) => s !== 'ordinary');

/** Root font size per text size; everything else is in rem, so large really is large. */
export const ROOT_FONT_PX: Record<TextSize, number> = { normal: 18, large: 22, extra_large: 27 };

/** The label id of each choice's value, as the core names it. */
export const ids = {
  gender: (c: keyof typeof GENDER_LABEL) => GENDER_LABEL[c],
  living: (c: keyof typeof LIVING_LABEL) => LIVING_LABEL[c],
  care: (c: keyof typeof CARE_LEVEL_LABEL) => CARE_LEVEL_LABEL[c],
  economic: (c: keyof typeof ECONOMIC_STATUS_LABEL) => ECONOMIC_STATUS_LABEL[c],
  marital: (c: keyof typeof MARITAL_STATUS_LABEL) => MARITAL_STATUS_LABEL[c],
  status: (c: keyof typeof STATUS_LABEL) => STATUS_LABEL[c],
  statusFilter: (c: keyof typeof STATUS_FILTER_LABEL) => STATUS_FILTER_LABEL[c],
  ageBand: (c: keyof typeof AGE_BAND_LABEL) => AGE_BAND_LABEL[c],
  textSize: (c: keyof typeof TEXT_SIZE_LABEL) => TEXT_SIZE_LABEL[c],
  cashKind: (c: keyof typeof CASH_KIND_LABEL) => CASH_KIND_LABEL[c],
  receiptLayout: (c: keyof typeof RECEIPT_LAYOUT_LABEL) => RECEIPT_LAYOUT_LABEL[c],
  timeKind: (c: keyof typeof ENTRY_KIND_LABEL) => ENTRY_KIND_LABEL[c],
  dutyKind: (c: keyof typeof DUTY_KIND_LABEL) => DUTY_KIND_LABEL[c],
  outcome: (c: keyof typeof SHIFT_OUTCOME_KIND_LABEL) => SHIFT_OUTCOME_KIND_LABEL[c],
  statementFormat: (c: keyof typeof STATEMENT_FORMAT_LABEL) => STATEMENT_FORMAT_LABEL[c],
  rosterAction: (c: keyof typeof ROSTER_ACTION_LABEL) => ROSTER_ACTION_LABEL[c],
  // Festival's values are WelfareKind's too, with the same labels.
  welfareKind: (c: keyof typeof WELFARE_KIND_LABEL) => WELFARE_KIND_LABEL[c],
  welfareSkip: (c: keyof typeof BATCH_SKIP_WHY_LABEL) => BATCH_SKIP_WHY_LABEL[c],
  ageCount: (c: keyof typeof AGE_COUNT_LABEL) => AGE_COUNT_LABEL[c],
  periodKind: (c: keyof typeof PERIOD_KIND_LABEL) => PERIOD_KIND_LABEL[c],
  backupReason: (c: keyof typeof BACKUP_REASON_LABEL) => BACKUP_REASON_LABEL[c],
  backupProblem: (c: keyof typeof BACKUP_PROBLEM_LABEL) => BACKUP_PROBLEM_LABEL[c],
  rating: (c: keyof typeof RATING_LABEL) => RATING_LABEL[c],
  requestState: (c: keyof typeof REQUEST_STATE_LABEL) => REQUEST_STATE_LABEL[c],
  activityKind: (c: keyof typeof ACTIVITY_KIND_LABEL) => ACTIVITY_KIND_LABEL[c],
  costCategory: (c: keyof typeof COST_CATEGORY_LABEL) => COST_CATEGORY_LABEL[c],
  disputeKind: (c: keyof typeof DISPUTE_KIND_LABEL) => DISPUTE_KIND_LABEL[c],
  mediationOutcome: (c: keyof typeof MEDIATION_OUTCOME_LABEL) => MEDIATION_OUTCOME_LABEL[c],
  role: (c: keyof typeof ROLE_LABEL) => ROLE_LABEL[c],
  area: (c: keyof typeof AREA_LABEL) => AREA_LABEL[c],
  moneyDuty: (c: keyof typeof MONEY_DUTY_LABEL) => MONEY_DUTY_LABEL[c],
};

/** Every label id the choices can produce (checked against both languages by a test). */
export function allChoiceIds(): string[] {
  return [...ALL_LABEL_IDS];
}
