import { type RemoteAppProps, type RemoteName, remoteAppExpose, remotes } from "@keel/federation";
import { loadRemote, registerRemotes } from "@module-federation/runtime";
import type { ComponentType } from "react";

export type RemoteAppComponent = ComponentType<RemoteAppProps>;

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

const loaded = new Map<RemoteName, RemoteAppComponent>();

/**
 * Loads a remote's `./App` through the federation runtime the host plugin initialised (with
 * the shared singletons). `attempt` > 0 re-registers the remote, dropping a failed load.
 */
export async function loadRemoteApp(name: RemoteName, attempt = 0): Promise<RemoteAppComponent> {
  const cached = loaded.get(name);
  if (cached) return cached;

  const { containerName, label } = remotes[name];
  const entry = await fetchRemoteEntry(name);
  registerRemotes([{ name: containerName, entry: entryForAttempt(entry, attempt), type: "module" }], {
    force: attempt > 0,
  });
  let exposed: { default?: unknown } | null;
  try {
    exposed = await loadRemote<{ default?: unknown }>(`${containerName}/${remoteAppExpose.slice(2)}`);
  } catch (error) {
    // The runtime's message is a page of diagnostics; people get one line, the console the rest.
    throw new Error(`Its entry ${entry} did not load.`, { cause: error });
  }
  const App = exposed?.default;
  if (typeof App !== "function" && (typeof App !== "object" || App === null)) {
    throw new Error(`The ${label} app does not export a component.`);
  }
  const component = App as RemoteAppComponent;
  loaded.set(name, component);
  return component;
}
