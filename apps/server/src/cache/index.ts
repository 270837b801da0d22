export * from "./compression.ts";
export { sendStaticFile } from "./static-assets.ts";
export { type TrpcResponses, trpcResponses } from "./trpc-responses.ts";
