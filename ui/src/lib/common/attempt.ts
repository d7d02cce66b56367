// The one try/catch every screen needs around its calls.
import { isReport } from '../../api';
import type { ErrorReport } from '../../bindings/ErrorReport';

/**
 * Runs a screen's work (a load, a save) and hands back what to show: null when it worked, or
 * the core's ErrorReport — a sentence in the user's language, with the field it is about.
 */
export async function attempt(work: () => Promise<unknown>): Promise<ErrorReport | null> {
  try {
    await work();
    return null;
  } catch (e) {
    // `call` only ever throws ErrorReports; anything else is a bug in the screen, still shown.
    return isReport(e) ? e : { code: 'internal', message: String(e), field: null };
  }
}
