import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

/** Debian's Chromium, started the way these machines need (ARCHITECTURE.md). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

const screenshotDir = resolve(import.meta.dirname, "../screenshots");

/** Saves a full-page screenshot under e2e/screenshots/ (git-ignored) for people to look at. */
export async function snap(page: Page, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Collects console errors and failed page scripts so a test can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

/** Signs in through the form, as a person would. */
export async function signIn(context: BrowserContext, baseURL: string, email: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseURL}/`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("keel-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  const home = page.getByRole("heading", { name: "My book" });
  await home.waitFor();
  return page;
}

/**
 * Follows a link of the shell's main navigation: its links sit in groups (My work, Teams,
 * Insights, Admin) that open as disclosures.
 */
export async function openFromNav(page: Page, group: string, link: string) {
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("button", { name: new RegExp(`^${group}`) }).click();
  await nav.getByRole("link", { name: link, exact: true }).click();
}
