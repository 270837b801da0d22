import { startServer } from "../src/index.ts";
import { loadDataset, dataset } from "./dataset.ts";
const server = await startServer({
  port: 0,
  host: "127.0.0.1",
  adminDist: null,
  importer: null,
  adminPassword: "Bench-pass-1",
  jobs: [],
});
const { planIds } = await loadDataset(server.database.db);
const login = await fetch(`${server.url}/trpc/auth.login`, {
  method: "POST",
  headers: { "content-type": "application/json", origin: server.url },
  body: JSON.stringify({ username: "admin", password: "Bench-pass-1" }),
});
const cookie = login.headers.getSetCookie()[0]!.split(";")[0]!;
const ids = [...planIds.values()];
const times: number[] = [];
for (let i = 0; i < 30; i++) {
  const url = `${server.url}/trpc/evaluation.matrix?input=${encodeURIComponent(JSON.stringify({ planId: ids[i]!, year: 2023 }))}`;
  const s = performance.now();
  const r = await fetch(url, { headers: { cookie } });
  await r.arrayBuffer();
  times.push(performance.now() - s);
}
console.log("matrix cold per plan:", times.map((x) => x.toFixed(1)).join(" "));
await server.close();
