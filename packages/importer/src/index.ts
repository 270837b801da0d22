/**
 * @ybplan/importer — reads a published plan document into the domain's PlanDocument.
 *
 *   importPlanDocument({ bytes, fileName })  Effect<PlanDocument, ImportError>  (.txt .md .html .docx)
 *   importPlanFile(path)                      Effect<PlanDocument, ImportError>  (reads the file)
 *   runImport({ bytes, fileName })            Promise<Result<PlanDocument, ImportError>>
 *   importPlanBytes({ bytes, fileName })      Promise<PlanDocument>, rejects with the ImportError
 *   importPlanText(text, options)             Result<PlanDocument, ImportError>  (already decoded)
 *   parseIndicatorProse(text, options)        indicators written as running text
 */
export {
  importPlanBytes,
  importPlanDocument,
  importPlanFile,
  importPlanText,
  runImport,
  type ImportInput,
  type ImportTextOptions,
} from "./import-plan.ts";
export { ImportError, type ImportErrorReason, MAX_INPUT_BYTES, importError } from "./errors.ts";
export { parseIndicatorProse, type ProseIndicators, type ProseOptions } from "./prose/parse-prose.ts";
export { type DocumentFormat, type TextEncoding, decodeText, detectFormat } from "./decode/index.ts";
export { htmlToText } from "./html/html-to-text.ts";
export type { WarningCode } from "./warnings.ts";
export {
  type PolicyProposals,
  type ProposalWarning,
  type ProposalWarningCode,
  type ProposedParameter,
  type ProposeOptions,
  proposePolicyParameters,
} from "./policy/propose-parameters.ts";
