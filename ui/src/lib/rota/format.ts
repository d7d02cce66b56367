// Words for the rota's codes, each a literal id for t so the i18n test sees every one of them.
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
  if (days.length === 7) return t('ui-rota-every-day');
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
      return t('ui-rota-outcome-done');
    case 'missed':
      return t('ui-rota-outcome-missed');
    case 'covered':
      return t('ui-rota-outcome-covered');
  }
}

/** YYYY-MM of a date text, and month arithmetic on such texts. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return t('rota-month', { year: String(y), month: m });
}

export function dayLabel(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return t('rota-day', { month: m, day: d });
}

/** 1 = Monday … 7 = Sunday for a YYYY-MM-DD text (no time zone involved). */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const w = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** The weeks of a month as rows of seven dates (Monday first); null outside the month. */
export function monthWeeks(month: string): (string | null)[][] {
  const [y, m] = month.split('-').map(Number);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const first = weekdayOf(`${month}-01`);
  const cells: (string | null)[] = Array.from({ length: first - 1 }, () => null);
  for (let d = 1; d <= days; d++) cells.push(`${month}-${String(d).padStart(2, '0')}`);
  while (cells.length % 7) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Minutes as hours for people: 12, 2.5. */
export function hours(minutes: number | bigint): string {
  const h = Number(minutes) / 60;
  return String(Math.round(h * 100) / 100);
}

/** A shift's length in minutes; one ending at or before its start ends the next day. */
export function slotMinutes(start: string, end: string): number {
  const min = (s: string) => {
    const [h, m] = s.split(':').map(Number);
    return h * 60 + m;
  };
  const m = min(end) - min(start);
  return m <= 0 ? m + 24 * 60 : m;
}
