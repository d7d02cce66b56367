// Words for the money area's stored codes: cash-book categories and receipt purposes.
// (Amounts are formatted in ../common/format.ts.)
import { ids } from '../../choices';
import { getLang, t } from '../../i18n.svelte';

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
