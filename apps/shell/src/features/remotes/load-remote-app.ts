import {
  type AccountSectionProps,
  accountSectionExpose,
  type RemoteAppProps,
  type RemoteName,
  remoteAppExpose,
  remotes,
} from "@keel/federation";
import { loadRemote, registerRemotes } from "@module-federation/runtime";
import type { ComponentType } from "react";

export type RemoteAppComponent = ComponentType<RemoteAppProps>;
export type AccountSectionComponent = ComponentType<AccountSectionProps>;
type RemoteExpose = typeof remoteAppExpose | typeof accountSectionExpose;

interface RemoteManifest {
  remotes: Partial<Record<string, { entry?: unknown }>>;
}

/**
 * Where each remote's entry lives, asked of the server every time a remote is loaded, so a
 * remote deployed elsewhere is found without rebuilding the shell (apps/api serve-web.ts).
 */
async function fetchRemoteEntry(name: RemoteName): Promise<string> {
  // The manifest is not an API resource: it is served next to the apps, not under /api/v1.
  const response = await fetch("/apps/manifest.json", {
    cache: "no-cache",
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  });
  if (!response.ok) throw new Error(`The app manifest answered ${response.status}.`);
  const manifest = (await response.json()) as RemoteManifest;
  const entry = manifest.remotes?.[name]?.entry;
  if (typeof entry !== "string" || entry === "") {
    throw new Error(`The app manifest does not list the ${remotes[name].label} app.`);
  }
  return entry;
}

/** A retried entry gets a fresh URL: browsers remember a failed module import per URL. */
function entryForAttempt(entry: string, attempt: number): string {
  if (attempt === 0) return entry;
  return `${entry}${entry.includes("?") ? "&" : "?"}attempt=${attempt}`;
}

const loaded = new Map<string, ComponentType<never>>();
/** Whether the remote is registered with the runtime already (its entry loads once). */
const registered = new Set<RemoteName>();

/**
 * Loads one exposed module of a remote through the federation runtime the host plugin
 * initialised (with the shared singletons). `attempt` > 0 re-registers the remote, dropping a
 * failed load. The account page loads four sections and the team's route its app: each remote
 * is registered once, whichever comes first.
 */
async function loadRemoteModule<Props>(
  name: RemoteName,
  expose: RemoteExpose,
  attempt: number,
): Promise<ComponentType<Props>> {
  const cacheKey = `${name}${expose.slice(1)}`;
  const cached = loaded.get(cacheKey);
  if (cached) return cached as ComponentType<Props>;

  const { containerName, label } = remotes[name];
  const entry = await fetchRemoteEntry(name);
  if (attempt > 0 || !registered.has(name)) {
    registerRemotes([{ name: containerName, entry: entryForAttempt(entry, attempt), type: "module" }], {
      force: attempt > 0,
    });
    registered.add(name);
  }
  let exposed: { default?: unknown } | null;
  try {
    exposed = await loadRemote<{ default?: unknown }>(`${containerName}/${expose.slice(2)}`);
  } catch (error) {
    // The runtime's message is a page of diagnostics; people get one line, the console the rest.
    throw new Error(`Its entry ${entry} did not load.`, { cause: error });
  }
  const component = exposed?.default;
  if (typeof component !== "function" && (typeof component !== "object" || component === null)) {
    throw new Error(`The ${label} app does not export a component as ${expose}.`);
  }
  loaded.set(cacheKey, component as ComponentType<never>);
  return component as ComponentType<Props>;
}

/** A remote's `./App`: its pages, with their own nested routes. */
export const loadRemoteApp = (name: RemoteName, attempt = 0) =>
  loadRemoteModule<RemoteAppProps>(name, remoteAppExpose, attempt);

/** A remote's `./AccountSection`: its part of the account page. */
export const loadAccountSection = (name: RemoteName, attempt = 0) =>
  loadRemoteModule<AccountSectionProps>(name, accountSectionExpose, attempt);
