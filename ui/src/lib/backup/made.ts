// How the backup screens show a time the core gives as a local NaiveDateTime
// ("2026-11-30T14:05:09"): date and minutes, "2026-11-30 14:05", the same in both languages.
export function madeLabel(at: string): string {
  const [date, time = ''] = at.split('T');
  return time ? `${date} ${time.slice(0, 5)}` : date;
}

/** A file size in MB with one decimal ("0.3"), for the list of backups. */
export function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}
