/**
 * Upper bounds for text and lists at every boundary (API inputs, domain schemas). Refusing an
 * oversized value in zod costs microseconds; storing it stalls every other request (one PGlite
 * connection) and every report that reads it. Lengths are in characters (UTF-16 code units).
 */
export const Limits = {
  /** Login names. */
  username: 64,
  /** Passwords (scrypt of a megabyte would hold the CPU). */
  password: 256,
  /** Codes and identifiers typed by people (company codes, item codes, flags). */
  code: 100,
  /** Names: people, companies, jurisdictions, categories, units. */
  name: 200,
  /** Titles and one-line texts: sources, file names, case references, search boxes. */
  shortText: 300,
  /** Notes and remarks (an observation's note, a deduction's note). */
  note: 2000,
  /** Free text of a task or progress report. */
  longText: 20_000,
  /** Items of a list in one call (rows of a year, circumstances, ids). */
  listItems: 2000,
} as const;
