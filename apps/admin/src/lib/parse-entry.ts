/**
 * Reading what a person typed into a data-entry cell: the domain's rule, shared with the CLI's
 * import and the server's save (`@ybplan/domain/observation`). Kept under the names the grid uses.
 */
export {
  type EntryValue as EntryParse,
  parseEntryValue as parseEntry,
} from "@ybplan/domain/observation";
