// The closed sets of choices the core knows, in display order, and the Fluent id of each label
// (`<prefix>-<code with _ as ->`, as the core's `label_id()` builds it).
import type { AgeBand } from './bindings/AgeBand';
import type { AgeCount } from './bindings/AgeCount';
import type { BatchSkipWhy } from './bindings/BatchSkipWhy';
import type { Festival } from './bindings/Festival';
import type { WelfareKind } from './bindings/WelfareKind';
import { AGE_COUNT, AGE_COUNT_LABEL, BATCH_SKIP_WHY, BATCH_SKIP_WHY_LABEL, WELFARE_KIND, WELFARE_KIND_LABEL } from './bindings/choices';
import type { CashKind } from './bindings/CashKind';
import type { CareLevel } from './bindings/CareLevel';
import type { EconomicStatus } from './bindings/EconomicStatus';
import type { EntryKind } from './bindings/EntryKind';
import type { Gender } from './bindings/Gender';
import type { Living } from './bindings/Living';
import type { MaritalStatus } from './bindings/MaritalStatus';
import type { Status } from './bindings/Status';
import type { StatusFilter } from './bindings/StatusFilter';
import type { TextSize } from './bindings/TextSize';

export const GENDERS: Gender[] = ['male', 'female'];
export const LIVINGS: Living[] = ['alone', 'empty_nest', 'with_children', 'institution'];
export const CARE_LEVELS: CareLevel[] = ['intact', 'mild', 'moderate', 'severe'];
export const ECONOMIC: EconomicStatus[] = ['wubao', 'dibao', 'tekun', 'ordinary'];
export const MARITAL: MaritalStatus[] = ['married', 'widowed', 'divorced', 'single'];
export const STATUSES: Status[] = ['active', 'suspended', 'left', 'deceased'];
export const STATUS_FILTERS: StatusFilter[] = ['current', 'all', 'active', 'suspended', 'left', 'deceased'];
export const AGE_BANDS: AgeBand[] = ['from60_to69', 'from70_to79', 'from80_to89', 'from90', 'under60'];
export const TEXT_SIZES: TextSize[] = ['normal', 'large', 'extra_large'];
export const CASH_KINDS: CashKind[] = ['income', 'expense'];
/** The cash book's seeded categories (their labels follow the language until renamed). */
export const CASH_CATEGORY_CODES = [
  'grant', 'dues', 'donation', 'business', 'other_income',
  'condolence', 'birthday', 'events', 'trips', 'facilities', 'office', 'other_expense',
] as const;
export const TIME_KINDS: EntryKind[] = [
  'deposit', 'withdrawal', 'transfer_out', 'transfer_in', 'donation', 'pool_grant',
  'inheritance_out', 'inheritance_in', 'exchange_out', 'exchange_in', 'reversal',
];
/** Economic statuses a dues policy may exempt. */
export const DUES_EXEMPT: EconomicStatus[] = ['wubao', 'dibao', 'tekun'];

/** Root font size per text size; everything else is in rem, so large really is large. */
export const ROOT_FONT_PX: Record<TextSize, number> = { normal: 18, large: 22, extra_large: 27 };

export function labelId(prefix: string, code: string): string {
  return `${prefix}-${code.replaceAll('_', '-')}`;
}

// AgeBand's serde names run digits into words (from60_to69); its labels are spelled
// age-band-from-60-to-69 like the core's.
const AGE_BAND_IDS: Record<AgeBand, string> = {
  under60: 'age-band-under-60',
  from60_to69: 'age-band-from-60-to-69',
  from70_to79: 'age-band-from-70-to-79',
  from80_to89: 'age-band-from-80-to-89',
  from90: 'age-band-from-90',
};

export const ids = {
  gender: (c: Gender) => labelId('gender', c),
  living: (c: Living) => labelId('living', c),
  care: (c: CareLevel) => labelId('care', c),
  economic: (c: EconomicStatus) => labelId('economic', c),
  marital: (c: MaritalStatus) => labelId('marital', c),
  status: (c: Status) => labelId('status', c),
  statusFilter: (c: StatusFilter) =>
    c === 'current' || c === 'all' ? labelId('status-filter', c) : labelId('status', c),
  ageBand: (c: AgeBand) => AGE_BAND_IDS[c],
  textSize: (c: TextSize) => labelId('text-size', c),
  cashKind: (c: CashKind) => labelId('cash-kind', c),
  cashCategory: (c: string) => labelId('cash-category', c),
  timeKind: (c: EntryKind) => labelId('time-kind', c),
  // Welfare's choices, from the generated label maps.
  welfareKind: (c: WelfareKind | Festival) => WELFARE_KIND_LABEL[c],
  welfareSkip: (c: BatchSkipWhy) => BATCH_SKIP_WHY_LABEL[c],
  ageCount: (c: AgeCount) => AGE_COUNT_LABEL[c],
};

/** Every label id the choices above can produce (checked against both languages by a test). */
export function allChoiceIds(): string[] {
  return [
    ...GENDERS.map(ids.gender),
    ...LIVINGS.map(ids.living),
    ...CARE_LEVELS.map(ids.care),
    ...ECONOMIC.map(ids.economic),
    ...MARITAL.map(ids.marital),
    ...STATUSES.map(ids.status),
    ...STATUS_FILTERS.map(ids.statusFilter),
    ...AGE_BANDS.map(ids.ageBand),
    ...TEXT_SIZES.map(ids.textSize),
    ...CASH_KINDS.map(ids.cashKind),
    ...CASH_CATEGORY_CODES.map(ids.cashCategory),
    ...TIME_KINDS.map(ids.timeKind),
    ...WELFARE_KIND.map(ids.welfareKind),
    ...BATCH_SKIP_WHY.map(ids.welfareSkip),
    ...AGE_COUNT.map(ids.ageCount),
  ];
}
