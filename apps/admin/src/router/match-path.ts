/**
 * Path matching for the app's own small hash router. Patterns are "/plans/:planId/entry"; a
 * parameter matches one non-empty segment. Kept pure so it is unit-tested without a browser.
 */
export type RouteParams = Record<string, string>;

export function splitLocation(hash: string): { path: string; search: URLSearchParams } {
  const raw = hash.startsWith("#") ? hash.slice(1) : hash;
  const [pathPart = "", searchPart = ""] = raw.split("?", 2);
  const path = normalisePath(pathPart);
  return { path, search: new URLSearchParams(searchPart) };
}

function normalisePath(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  if (trimmed === "") return "/";
  return trimmed.startsWith("/") ? trimmed : `/${trimmed}`;
}

export function matchPath(pattern: string, path: string): RouteParams | null {
  const want = normalisePath(pattern).split("/");
  const got = normalisePath(path).split("/");
  if (want.length !== got.length) return null;
  const params: RouteParams = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith(":")) {
      if (g === "") return null;
      params[w.slice(1)] = decodeURIComponent(g);
    } else if (w !== g) {
      return null;
    }
  }
  return params;
}

/** Builds "/plans/abc/entry" from a pattern and its parameters (values are URI-encoded). */
export function buildPath(
  pattern: string,
  params: RouteParams = {},
  search?: Record<string, string>,
): string {
  const path = normalisePath(pattern)
    .split("/")
    .map((seg) => {
      if (!seg.startsWith(":")) return seg;
      const v = params[seg.slice(1)];
      if (v === undefined) throw new Error(`缺少路由参数 ${seg}`);
      return encodeURIComponent(v);
    })
    .join("/");
  const qs = search ? new URLSearchParams(search).toString() : "";
  return qs ? `${path}?${qs}` : path;
}
