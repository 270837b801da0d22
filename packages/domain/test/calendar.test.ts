import { describe, expect, it } from "vitest";
import { isoDateInChina, lastCompleteYear, periodYears } from "../src/common/index.ts";

describe("the bureaus' calendar", () => {
  it("reads today in Beijing, whatever the server's zone", () => {
    expect(isoDateInChina(new Date("2024-06-30T16:30:00Z"))).toBe("2024-07-01");
    expect(isoDateInChina(new Date("2024-06-30T15:30:00Z"))).toBe("2024-06-30");
  });

  it("lists a period's years and defaults to the last year that has ended, within the period", () => {
    expect(periodYears()).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(periodYears({ periodStart: 2016, periodEnd: 2020 })).toEqual([2016, 2017, 2018, 2019, 2020]);
    expect(lastCompleteYear(undefined, new Date("2024-03-01T00:00:00Z"))).toBe(2023);
    expect(lastCompleteYear(undefined, new Date("2030-03-01T00:00:00Z"))).toBe(2025);
    expect(lastCompleteYear(undefined, new Date("2021-03-01T00:00:00Z"))).toBe(2021);
    // New Year's Day in Beijing while it is still 31 December in UTC: 2024 has ended there.
    expect(lastCompleteYear(undefined, new Date("2024-12-31T17:00:00Z"))).toBe(2024);
    expect(lastCompleteYear(undefined, new Date("2024-12-31T15:00:00Z"))).toBe(2023);
  });
});
