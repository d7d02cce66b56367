// Words for the rota's codes, each a literal id for t so the i18n test sees every one of them.
// (Dates, months and hours are formatted in ../common/format.ts.)
import type { DutyKind } from '../../bindings/DutyKind';
import type { RotaWhy } from '../../bindings/RotaWhy';
import type { ShiftOutcomeKind } from '../../bindings/ShiftOutcomeKind';
import { t } from '../../i18n.svelte';

export const KINDS: DutyKind[] = ['care', 'visit', 'hall'];
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

export function kindLabel(k: DutyKind): string {
  switch (k) {
    case 'care':
      return t('rota-kind-care');
    case 'visit':
      return t('rota-kind-visit');
    case 'hall':
      return t('rota-kind-hall');
  }
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

export function whyText(w: RotaWhy): string {
  switch (w.rule) {
    case 'paired':
      return t('rota-why-paired');
    case 'by_hand':
      return t('rota-why-by-hand');
    case 'evened':
      return t('rota-why-evened', { shifts: w.shifts });
    case 'least_loaded':
      return w.same_group
        ? t('rota-why-least-loaded-group', { candidates: w.candidates, shifts: w.shifts })
        : t('rota-why-least-loaded', { candidates: w.candidates, shifts: w.shifts });
  }
}

export function outcomeLabel(k: ShiftOutcomeKind): string {
  switch (k) {
    case 'done':
      return t('rota-outcome-done');
    case 'missed':
      return t('rota-outcome-missed');
    case 'covered':
      return t('rota-outcome-covered');
  }
}
