export { applySecurityHeaders, contentSecurityPolicy, isSecureRequest } from "./headers.ts";
export {
  bodyLimitOf,
  checkTrpcRequest,
  DEFAULT_BODY_LIMIT,
  type GuardOptions,
  LARGEST_BODY_LIMIT,
  MAX_BATCH,
  proceduresOf,
  type Refusal,
  sendRefusal,
} from "./request-guard.ts";
