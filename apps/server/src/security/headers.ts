import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Security headers for every response. The admin app is a Vite build with no inline script, so
 * scripts come only from this origin; antd injects its CSS-in-JS as <style> elements, hence
 * 'unsafe-inline' for styles only. Framing is refused outright (clickjacking).
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export function applySecurityHeaders(res: ServerResponse): void {
  res.setHeader("content-security-policy", contentSecurityPolicy);
  res.setHeader("x-frame-options", "DENY");
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("referrer-policy", "no-referrer");
  res.setHeader("cross-origin-opener-policy", "same-origin");
  res.setHeader("cross-origin-resource-policy", "same-origin");
}

/**
 * Whether the request reached us over TLS: directly, or (only when the proxy is trusted) as the
 * proxy reports in X-Forwarded-Proto. Decides the session cookie's `Secure` attribute.
 */
export function isSecureRequest(req: IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  if (!trustProxy) return false;
  const proto = req.headers["x-forwarded-proto"];
  const first = (Array.isArray(proto) ? proto[0] : proto)?.split(",")[0]?.trim().toLowerCase();
  return first === "https";
}
