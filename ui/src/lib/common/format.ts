// How money, hours and dates read on screen: one module for every area. Amounts and hours
// arrive from the core as exact strings ("1234.50", "-5.00", "12.5") and are only regrouped here
// as text, never turned into floats (running balances come from the core, already summed);
// dates are YYYY-MM-DD texts, never Date objects in local time.
import type { Month } from '../../bindings/Month';
import { t } from '../../i18n.svelte';

// ---- Money ----------------------------------------------------------------------------------

/** "1234.50" → "¥1,234.50"; "-5.00" → "-¥5.00". */
export function yuan(plain: string): string {
  const neg = plain.startsWith('-');
  const body = neg ? plain.slice(1) : plain;
  const [whole, frac = '00'] = body.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}¥${grouped}.${frac.padEnd(2, '0')}`;
}

/** "1234.50" without the sign and currency, for a column under a heading. */
export function figures(plain: string): string {
  return yuan(plain.replace(/^-/, '')).slice(1);
}

/** Whether an amount string is zero ("0.00", "0"). */
export function isZero(plain: string): boolean {
  return /^-?0*(\.0*)?$/.test(plain);
}

/** The amount with its sign flipped: "5.00" → "-5.00". */
export function negate(plain: string): string {
  return plain.startsWith('-') ? plain.slice(1) : `-${plain}`;
}

/** Sums amount strings exactly, in fen. */
export function sumFen(amounts: string[]): string {
  let fen = 0n;
  for (const a of amounts) {
    const neg = a.startsWith('-');
    const [w, f = ''] = a.replace(/^-/, '').split('.');
    const v = BigInt(w || '0') * 100n + BigInt((f + '00').slice(0, 2));
    fen += neg ? -v : v;
  }
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  return `${neg ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

// ---- Hours ----------------------------------------------------------------------------------

/** Minutes as hours for people: 720 → "12", 150 → "2.5". */
export function minutesAsHours(minutes: number | bigint): string {
  const h = Number(minutes) / 60;
  return String(Math.round(h * 100) / 100);
}

/** A shift's length in minutes from HH:MM texts; one ending at or before its start ends the next day. */
export function shiftMinutes(start: string, end: string): number {
  const min = (s: string) => {
    const [h, m] = s.split(':').map(Number);
    return h * 60 + m;
  };
  const m = min(end) - min(start);
  return m <= 0 ? m + 24 * 60 : m;
}

// ---- Dates and months -----------------------------------------------------------------------

/** The screen's YYYY-MM as the core's Month (the calendar only steps from month to month). */
export function toMonth(month: string): Month {
  const [year, m] = month.split('-').map(Number);
  return { year, month: m };
}

/** YYYY-MM of a YYYY-MM-DD text (the app's today, an entry's date). */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The year of a YYYY-MM-DD text as a number. */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** The month `n` months before (negative) or after YYYY-MM. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** "2026年12月" / "December 2026". */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return t('rota-month', { year: String(y), month: m });
}

/** "12月5日" / "5 Dec". */
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
