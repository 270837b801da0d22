/**
 * The calendar of the bureaus: deadlines, 逾期, the date a report is issued and the date a policy
 * is read "in force" are days in China (UTC+8, no daylight saving), whatever the server's clock
 * zone. Between 00:00 and 08:00 Beijing time the UTC date is still yesterday.
 */

/** Today's date as an ISO string ("YYYY-MM-DD") in China's time zone. */
export function isoDateInChina(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
