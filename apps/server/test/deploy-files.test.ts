import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The deployment guide's files (deploy/, docs/deploy.md) are what an operator installs: nginx
 * must accept the site and systemd the units. Each check runs where its tool is installed (CI
 * installs nginx; YBPLAN_REQUIRE_DEPLOY_TOOLS=1 makes a missing tool an error).
 */
const deployDir = fileURLToPath(new URL("../../../deploy/", import.meta.url));
const has = (tool: string) => spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0;
const required = process.env.YBPLAN_REQUIRE_DEPLOY_TOOLS === "1";
const work = mkdtempSync(join(tmpdir(), "ybplan-deploy-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!has("nginx") && !has("/usr/sbin/nginx") && !required)("nginx site", () => {
  it("passes nginx -t with a certificate in place", () => {
    const nginx = has("nginx") ? "nginx" : "/usr/sbin/nginx";
    mkdirSync(join(work, "logs"), { recursive: true });
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=ybplan.test",
        "-keyout",
        join(work, "key.pem"),
        "-out",
        join(work, "cert.pem"),
      ],
      { stdio: "ignore" },
    );
    const site = readFileSync(join(deployDir, "nginx/ybplan.conf"), "utf8")
      .replace("/etc/ssl/ybplan/fullchain.pem", join(work, "cert.pem"))
      .replace("/etc/ssl/ybplan/privkey.pem", join(work, "key.pem"));
    expect(site).toContain("proxy_next_upstream");
    writeFileSync(join(work, "site.conf"), site);
    writeFileSync(
      join(work, "nginx.conf"),
      `pid ${work}/nginx.pid;\nerror_log ${work}/logs/error.log;\nevents {}\nhttp {\n  access_log off;\n  include ${work}/site.conf;\n}\n`,
    );
    const r = spawnSync(nginx, ["-t", "-c", join(work, "nginx.conf"), "-p", work], { encoding: "utf8" });
    expect(r.stderr).toContain("test is successful");
    expect(r.status).toBe(0);
  });
});

describe.skipIf(!has("systemd-analyze") && !required)("systemd units", () => {
  it("pass systemd-analyze verify without a warning", () => {
    const dir = join(work, "units");
    mkdirSync(dir, { recursive: true });
    // The template as an instance, as `systemctl enable ybplan@3001` makes it.
    copyFileSync(join(deployDir, "systemd/ybplan@.service"), join(dir, "ybplan@3001.service"));
    for (const f of ["ybplan-backup.service", "ybplan-backup.timer"])
      copyFileSync(join(deployDir, "systemd", f), join(dir, f));
    const r = spawnSync(
      "systemd-analyze",
      [
        "verify",
        join(dir, "ybplan@3001.service"),
        join(dir, "ybplan-backup.service"),
        join(dir, "ybplan-backup.timer"),
      ],
      { encoding: "utf8" },
    );
    expect(r.stderr.trim()).toBe("");
    expect(r.status).toBe(0);
  });
});
