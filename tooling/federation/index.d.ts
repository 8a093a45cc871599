/**
 * Module federation facts shared by the shell (host) and the four remotes: the remotes'
 * container names and dev ports, and the props contract of a remote's exposed `./App`.
 * Browser-safe. The build-time half (shared singletons, dev proxy) is `@keel/federation/vite`.
 */

export interface RemoteInfo {
  /** The federation container name; must differ from the host's and from each other's. */
  readonly containerName: `keel_${string}`;
  readonly devPort: number;
  /** What the shell calls the app ("The Renewals app could not be loaded"). */
  readonly label: string;
}

export type RemoteName = "renewals" | "lighthouse" | "adoption" | "contacts";

export declare const remotes: {
  readonly renewals: RemoteInfo & { readonly containerName: "keel_renewals"; readonly devPort: 5174 };
  readonly lighthouse: RemoteInfo & { readonly containerName: "keel_lighthouse"; readonly devPort: 5175 };
  readonly adoption: RemoteInfo & { readonly containerName: "keel_adoption"; readonly devPort: 5176 };
  readonly contacts: RemoteInfo & { readonly containerName: "keel_contacts"; readonly devPort: 5177 };
};
export declare const remoteNames: readonly RemoteName[];

/** The host's own container name. */
export declare const shellContainerName: "keel_shell";
export declare const shellDevPort: 5173;

/** Every remote exposes this module; its default export is the route component. */
export declare const remoteAppExpose: "./App";

/** Every remote exposes this module too; its default export is its account-page section. */
export declare const accountSectionExpose: "./AccountSection";

/**
 * Props the shell passes to a remote's `./App` (and the remote's standalone main.tsx too).
 * A remote never creates a QueryClient or a router when mounted: it renders its own nested
 * `<Routes>` inside the router above it (the shell's under `/<name>/*`, or main.tsx's with the
 * basename `/apps/<name>`), so its links are React Router `<Link>`s, real `<a href>`s.
 */
export interface RemoteAppProps {
  /** Where the remote is mounted, without a trailing slash: "/renewals" in the shell. */
  basePath: string;
  /**
   * The href of an account's page in the shell (`/accounts/:id`). Standalone it is an absolute
   * URL, which React Router's `<Link>` treats as a document navigation out of the app.
   */
  accountHref: (accountId: string) => string;
}

/** Props the shell's account page passes to a remote's `./AccountSection`. */
export interface AccountSectionProps {
  accountId: string;
}
