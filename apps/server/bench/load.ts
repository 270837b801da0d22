import { Worker } from "node:worker_threads";

/**
 * HTTP load from a worker thread (its own event loop, so the clients' work does not eat the
 * server's): `concurrency` keep-alive connections, each sending its next request when the previous
 * answer has been read, round-robin over `urls` (several server processes). Bodies are read in full.
 */
export interface LoadResult {
  readonly n: number;
  readonly p50: number;
  readonly p95: number;
  readonly rps: number;
  /** Bytes of one answer as sent (after compression). */
  readonly bytes: number;
}

export interface LoadOptions {
  readonly urls: readonly string[];
  readonly headers?: Record<string, string>;
  readonly concurrency: number;
  readonly durationMs: number;
}

const workerSource = `
const { parentPort, workerData } = require("node:worker_threads");
const http = require("node:http");
const { urls, headers, concurrency, durationMs } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
let bytes = 0;
function once(url) {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const req = http.get(url, { agent, headers }, (res) => {
      let size = 0;
      res.on("data", (c) => { size += c.length; });
      res.on("end", () => {
        if (res.statusCode !== 200) return reject(new Error(url + " -> " + res.statusCode));
        bytes = size;
        resolve(performance.now() - t);
      });
    });
    req.on("error", reject);
  });
}
(async () => {
  for (let i = 0; i < 20; i++) await once(urls[i % urls.length]);
  const latencies = [];
  const started = performance.now();
  const end = started + durationMs;
  await Promise.all(Array.from({ length: concurrency }, async (_, c) => {
    const url = urls[c % urls.length];
    while (performance.now() < end) latencies.push(await once(url));
  }));
  agent.destroy();
  parentPort.postMessage({ latencies, seconds: (performance.now() - started) / 1000, bytes });
})().catch((e) => parentPort.postMessage({ error: String(e) }));
`;

export function pct(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  const result = await new Promise<{ latencies: number[]; seconds: number; bytes: number }>(
    (resolve, reject) => {
      const w = new Worker(workerSource, {
        eval: true,
        workerData: { headers: {}, ...options },
      });
      w.once("message", (m: { latencies: number[]; seconds: number; bytes: number; error?: string }) => {
        void w.terminate();
        if (m.error) reject(new Error(m.error));
        else resolve(m);
      });
      w.once("error", reject);
    },
  );
  const latencies = result.latencies.sort((a, b) => a - b);
  return {
    n: latencies.length,
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    rps: latencies.length / result.seconds,
    bytes: result.bytes,
  };
}

/**
 * The load client's own ceiling: the same client against a server that answers a constant
 * 2-byte body from another worker thread. A baseline near this figure is bounded by the client.
 */
export async function clientCeiling(concurrency: number, durationMs: number): Promise<LoadResult> {
  const server = new Worker(
    `const { parentPort } = require("node:worker_threads");
     const s = require("node:http").createServer((req, res) => res.end("ok"));
     s.keepAliveTimeout = 5000;
     s.listen(0, "127.0.0.1", () => parentPort.postMessage(s.address().port));
     parentPort.on("message", () => s.close(() => process.exit(0)));`,
    { eval: true },
  );
  const port = await new Promise<number>((resolve) => server.once("message", resolve));
  try {
    return await load({ urls: [`http://127.0.0.1:${port}/`], concurrency, durationMs });
  } finally {
    await server.terminate();
  }
}
