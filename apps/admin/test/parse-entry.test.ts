import { entryValueCases } from "@ybplan/domain/observation/entry-value-cases";
import { describe, expect, it } from "vitest";
import { parseEntry } from "../src/lib/parse-entry.ts";

// The entry grid reads cells with the domain's rule: the same table as the CLI's import and the server.
describe("parseEntry", () => {
  it.each(entryValueCases.map((c) => [c.raw, c.rules.unit, c]))(
    "reads %j in a %s field",
    (_raw, _unit, c) => {
      expect(parseEntry(c.raw, c.rules)).toEqual(c.expected);
    },
  );
});
