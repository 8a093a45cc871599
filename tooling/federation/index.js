// Plain JavaScript (types in index.d.ts): the apps' vite.config.ts import this, and Vite 8
// bundles a config with every bare import left external, so Node itself loads this file, and
// Node 20 will not import .ts. The apps' browser code imports it too, through Vite.

/**
 * The remotes: federation container names (never the host's), dev-server ports and the
 * label the shell shows. Each is served at /apps/<name>/ and exposes "./App" (its pages, with
 * their own nested routes) and "./AccountSection" (its card on the shell's account page).
 */
export const remotes = {
  renewals: { containerName: "keel_renewals", devPort: 5174, label: "Renewals" },
  lighthouse: { containerName: "keel_lighthouse", devPort: 5175, label: "Lighthouse" },
  adoption: { containerName: "keel_adoption", devPort: 5176, label: "Adoption" },
  contacts: { containerName: "keel_contacts", devPort: 5177, label: "Contacts" },
};

export const remoteNames = /** @type {const} */ (["renewals", "lighthouse", "adoption", "contacts"]);

export const shellContainerName = "keel_shell";
export const shellDevPort = 5173;

export const remoteAppExpose = "./App";

export const accountSectionExpose = "./AccountSection";
