export * from "./compression.ts";
export {
  proceduresOf,
  type ResponseCacheStats,
  type TrpcResponses,
  trpcResponses,
} from "./trpc-responses.ts";
export { sendStaticFile } from "./static-assets.ts";
