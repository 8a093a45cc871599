import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, signIn } from "./browser.ts";

const baseURL = inject("baseURL");

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await signIn(context, baseURL, "admin@keel.test");
});

afterAll(async () => {
  await browser?.close();
});

/** What Chromium reports when the CSP blocks something: console errors naming the policy. */
function watchCspViolations(target: Page): string[] {
  const violations: string[] = [];
  target.on("console", (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(text))
      violations.push(text);
  });
  return violations;
}

describe("security headers in the browser (docs/security.md)", () => {
  it("the shell, each team app (mounted and standalone) and the API reference run under the CSP without a violation", async () => {
    const violations = watchCspViolations(page);
    const first = await page.goto(`${baseURL}/`);
    const csp = first?.headers()["content-security-policy"] ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(first?.headers()["x-content-type-options"]).toBe("nosniff");
    await page.getByRole("heading", { level: 1 }).waitFor();

    const visits: Array<[string, string | RegExp]> = [
      ["/renewals", /Renewals/],
      ["/lighthouse", /Lighthouse/],
      ["/adoption", /Adoption/],
      ["/contacts", /Contact/],
      ["/apps/renewals/", /Renewals/],
      ["/apps/contacts/", /Contact/],
    ];
    for (const [path, heading] of visits) {
      await page.goto(`${baseURL}${path}`);
      await page.getByRole("heading", { level: 1, name: heading }).first().waitFor();
    }
    await page.goto(`${baseURL}/api/reference`);
    await page.getByText("Keel API", { exact: false }).first().waitFor();
    expect(violations).toEqual([]);
  });
});

describe("CSRF from a page on another port of the same host (same site, not same origin)", () => {
  let attacker: Server;
  let attackerURL: string;

  beforeAll(async () => {
    attacker = createServer((req, res) => {
      const target = new URL(req.url ?? "/", "http://x").searchParams.get("target") ?? "";
      res.setHeader("Content-Type", "text/html");
      // A form that posts itself as soon as it loads: what a malicious page would do.
      res.end(`<!doctype html><form id="f" method="POST" action="${target}" enctype="text/plain">
        <input name="x" value="1"></form><script>document.getElementById("f").submit()</script>`);
    });
    await new Promise<void>((resolve) => attacker.listen(0, "localhost", resolve));
    attackerURL = `http://localhost:${(attacker.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => attacker.close(resolve));
  });

  it("an auto-submitting form with the admin's cookie cannot publish a health policy", async () => {
    type PolicyVersion = {
      version: number;
      status: string;
      inForce: boolean;
      policy: Record<string, unknown>;
    };
    const policies = async () =>
      (
        (await (await page.request.get(`${baseURL}/api/v1/health/policies`)).json()) as {
          items: PolicyVersion[];
        }
      ).items;
    const inForce = (await policies()).find((p) => p.inForce);
    if (!inForce) throw new Error("no policy in force");
    const { version: _version, effectiveFrom: _effectiveFrom, ...body } = inForce.policy;
    const draft = await page.request.post(`${baseURL}/api/v1/health/policies`, {
      data: { ...body, name: "CSRF target" },
      headers: { Origin: baseURL },
    });
    expect(draft.status()).toBe(201);
    const { version } = (await draft.json()) as { version: number };

    const victim = await context.newPage();
    const [answer] = await Promise.all([
      victim.waitForResponse((response) => response.url().endsWith(`/health/policies/${version}/publish`)),
      victim.goto(
        `${attackerURL}/?target=${encodeURIComponent(`${baseURL}/api/v1/health/policies/${version}/publish`)}`,
      ),
    ]);
    expect([403, 415]).toContain(answer.status());
    const after = (await policies()).find((p) => p.version === version);
    expect(after?.status).toBe("draft");
    await victim.close();
  });
});
