// How money and hours read on screen. Amounts arrive from the core as exact strings
// ("1234.50", "-5.00") and are only regrouped here as text, never turned into floats.
import { ids } from '../../choices';
import type { MemberNo } from '../../bindings/MemberNo';
import { getLang, t } from '../../i18n.svelte';

/** A person chosen in a picker: what the forms need to show and send. */
export type Picked = { member_no: MemberNo; name: string; village_group: string };

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

/** A cash-book category as the reader sees it: a seeded one in their language until renamed. */
export function categoryLabel(code: string | null, name: string): string {
  return code ? t(ids.cashCategory(code)) : name;
}

/** A receipt's stored purpose ("dues:2025,2026", "donation:…", "category:dues") in words. */
export function purposeLabel(stored: string): string {
  if (stored.startsWith('dues:')) {
    const years = stored.slice(5).split(',').join(getLang() === 'zh-CN' ? '、' : ', ');
    return t('receipt-purpose-dues', { years });
  }
  if (stored.startsWith('donation:')) {
    const what = stored.slice(9);
    return what ? t('receipt-purpose-donation-for', { purpose: what }) : t('receipt-purpose-donation');
  }
  if (stored.startsWith('category:')) return categoryLabel(stored.slice(9), stored.slice(9));
  return stored;
}

/** Hours as exact half-hours: "12.5" → 25. */
export function halfHours(h: string): number {
  const neg = h.startsWith('-');
  const [w, f = ''] = h.replace(/^-/, '').split('.');
  const n = Number(w || '0') * 2 + (f.startsWith('5') ? 1 : 0);
  return neg ? -n : n;
}

/** Half-hours back to text: 25 → "12.5", 4 → "2". */
export function hoursText(half: number): string {
  const neg = half < 0;
  const a = Math.abs(half);
  return `${neg ? '-' : ''}${Math.floor(a / 2)}${a % 2 ? '.5' : ''}`;
}

/** Today's month as YYYY-MM from the app's today (YYYY-MM-DD). */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The month before or after YYYY-MM. */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) + by;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
