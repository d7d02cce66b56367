// The one formatting module: money stays exact text, hours exact half-hours, dates plain text.
import { describe, expect, it } from 'vitest';
import { attempt } from './attempt';
import { addMonths, figures, isZero, minutesAsHours, monthWeeks, negate, shiftMinutes, sumFen, weekdayOf, yuan } from './format';

describe('money', () => {
  it('groups thousands and keeps the sign before the currency', () => {
    expect(yuan('1234567.5')).toBe('¥1,234,567.50');
    expect(yuan('-5.00')).toBe('-¥5.00');
    expect(figures('-1234.50')).toBe('1,234.50');
  });

  it('sums in fen, where floats would give 0.30000000000000004', () => {
    expect(sumFen(['0.1', '0.2'])).toBe('0.30');
    expect(sumFen(['10.00', negate('10.01')])).toBe('-0.01');
    expect(isZero(sumFen([]))).toBe(true);
    expect(isZero('0.01')).toBe(false);
  });
});

describe('hours', () => {
  // Half-hour sums (a passbook's running balance) are the core's: tests/passbook.rs.
  it('a shift ending at or before its start ends the next day', () => {
    expect(shiftMinutes('08:00', '20:00')).toBe(720);
    expect(shiftMinutes('20:00', '08:00')).toBe(720);
    expect(minutesAsHours(150)).toBe('2.5');
  });
});

describe('dates', () => {
  it('steps months across years', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });

  it('lays a month out Monday first', () => {
    expect(weekdayOf('2026-11-29')).toBe(7);
    const weeks = monthWeeks('2026-02');
    expect(weeks[0].slice(0, 6)).toEqual([null, null, null, null, null, null]);
    expect(weeks[0][6]).toBe('2026-02-01');
    expect(weeks.flat().filter((d) => d).length).toBe(28);
  });
});

describe('attempt', () => {
  it('hands back null when the work succeeds and the report when the core refuses', async () => {
    expect(await attempt(async () => {})).toBeNull();
    const refused = { code: 'invalid', message: '不是日期', field: 'date' };
    expect(await attempt(async () => Promise.reject(refused))).toEqual(refused);
    expect((await attempt(async () => Promise.reject(new Error('boom'))))?.code).toBe('internal');
  });
});
