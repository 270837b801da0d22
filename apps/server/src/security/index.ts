export { applySecurityHeaders, isSecureRequest } from "./headers.ts";
export {
  bodyLimitOf,
  checkTrpcRequest,
  DEFAULT_BODY_LIMIT,
  LARGEST_BODY_LIMIT,
  proceduresOf,
  sendRefusal,
} from "./request-guard.ts";
