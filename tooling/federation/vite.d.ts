import type { UserConfig } from "vite";
import type { remotes } from "./index.js";

/** Build-time half of @keel/federation, for the apps' vite.config.ts. */

export type SharedSingletonPackage =
  | "react"
  | "react-dom"
  | "@tanstack/react-query"
  | "react-router"
  | "@keel/ui"
  | "@keel/domain";

export declare const sharedSingletonPackages: readonly SharedSingletonPackage[];

/** The part of @module-federation/vite's `shared` entry this sets (structural: no import). */
export interface SharedSingletonConfig {
  singleton: true;
  /** The version this app bundles as its fallback (and provides, in the shell). */
  version: string;
  /** What this app accepts from the share scope: a caret range of its own version. */
  requiredVersion: string;
  strictVersion: false;
}

/** The `shared` option for an app's federation() plugin; `appDir` is the app's folder. */
export declare function sharedSingletons(
  appDir: string,
): Record<SharedSingletonPackage, SharedSingletonConfig>;

export declare const apiDevOrigin: "http://localhost:3000";

export declare const devProxy: {
  "/api": { target: string };
  "/apps/manifest.json": { target: string };
};

/** The Vite config of a team app (remote) named `name`; `appDir` is the app's folder. */
export declare function remoteViteConfig(options: { name: keyof typeof remotes; appDir: string }): UserConfig;
