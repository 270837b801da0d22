export * from "./compression.ts";
export { sendStaticFile } from "./static-assets.ts";
export {
  proceduresOf,
  type ResponseCacheStats,
  type TrpcResponses,
  trpcResponses,
} from "./trpc-responses.ts";
