/**
 * @ybplan/importer — reads a published plan document into the domain's PlanDocument.
 *
 *   importPlanDocument({ bytes, fileName })  Effect<PlanDocument, ImportError>  (.txt .md .html .docx)
 *   importPlanFile(path)                      Effect<PlanDocument, ImportError>  (reads the file)
 *   runImport({ bytes, fileName })            Promise<Result<PlanDocument, ImportError>>
 *   importPlanBytes({ bytes, fileName })      Promise<PlanDocument>, rejects with the ImportError
 *   importPlanText(text, options)             Result<PlanDocument, ImportError>  (already decoded)
 *   parseIndicatorProse(text, options)        indicators written as running text
 *   proposeWorkIndicators(document)           staged / dated targets in tasks and 专栏 items (proposals)
 */

export { type DocumentFormat, decodeText, detectFormat, type TextEncoding } from "./decode/index.ts";
export { ImportError, type ImportErrorReason, importError, MAX_INPUT_BYTES } from "./errors.ts";
export { htmlToText } from "./html/html-to-text.ts";
export {
  type ImportInput,
  type ImportTextOptions,
  importPlanBytes,
  importPlanDocument,
  importPlanFile,
  importPlanText,
  runImport,
} from "./import-plan.ts";
export {
  type PolicyProposals,
  type ProposalWarning,
  type ProposalWarningCode,
  type ProposedParameter,
  type ProposeOptions,
  proposePolicyParameters,
} from "./policy/propose-parameters.ts";
export { type ProseIndicators, type ProseOptions, parseIndicatorProse } from "./prose/parse-prose.ts";
export type { WarningCode } from "./warnings.ts";
export {
  type ProposalSource,
  proposeWorkIndicators,
  type StagedTargetProposal,
  type WorkIndicatorOwner,
  type WorkIndicatorProposal,
  type WorkIndicatorProposals,
  type WorkIndicatorWarning,
} from "./work-indicators/index.ts";
