// Words for the rota's codes: duty kinds and outcomes by the core's label ids, weekdays each a
// literal id for t so the i18n test sees every one of them. (Why a person is on a slot comes
// from the core in words; dates, months and hours are formatted in ../common/format.ts.)
import type { DutyKind } from '../../bindings/DutyKind';
import type { ShiftOutcomeKind } from '../../bindings/ShiftOutcomeKind';
import { ids } from '../../choices';
import { t } from '../../i18n.svelte';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

export function kindLabel(k: DutyKind): string {
  return t(ids.dutyKind(k));
}

export function outcomeLabel(k: ShiftOutcomeKind): string {
  return t(ids.outcome(k));
}

/** 1 = Monday … 7 = Sunday, as one character (一 … 日) or a short English name. */
export function weekdayLabel(d: number): string {
  switch (d) {
    case 1:
      return t('rota-weekday-short-mon');
    case 2:
      return t('rota-weekday-short-tue');
    case 3:
      return t('rota-weekday-short-wed');
    case 4:
      return t('rota-weekday-short-thu');
    case 5:
      return t('rota-weekday-short-fri');
    case 6:
      return t('rota-weekday-short-sat');
    default:
      return t('rota-weekday-short-sun');
  }
}

/** "一 二 三 四 五" (under a 星期几 heading) or "every day". */
export function weekdaysText(days: number[]): string {
  if (days.length === 7) return t('rota-every-day');
  return days.map(weekdayLabel).join(' ');
}
