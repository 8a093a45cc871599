import { isApiRequestError } from "@keel/client";
import type { HealthPolicy, HealthPolicyDraft } from "@keel/domain";

/** A version as the policies API lists it. */
export interface PolicyView {
  version: number;
  name: string;
  source: string;
  status: "draft" | "published";
  effectiveFrom: string | null;
  inForce: boolean;
  revision: number;
  policy: HealthPolicy;
}

/** The editable part of a policy: everything but the version and the effective date. */
export function draftOf(policy: HealthPolicy, name = policy.name): HealthPolicyDraft {
  const { version: _version, effectiveFrom: _effectiveFrom, ...rest } = structuredClone(policy);
  return { ...rest, name };
}

export const opLabels: Record<string, string> = { "<": "<", "<=": "≤", ">": ">", ">=": "≥" };

export interface ErrorReport {
  message: string;
  details: string[];
}

/** The server's JSON error as words: its message and each validation issue with its path. */
export function describeError(error: unknown): ErrorReport {
  if (!isApiRequestError(error)) {
    return { message: error instanceof Error ? error.message : String(error), details: [] };
  }
  const details: string[] = [];
  const raw = error.details as unknown;
  const issues = Array.isArray(raw)
    ? raw
    : raw && typeof raw === "object" && Array.isArray((raw as { issues?: unknown }).issues)
      ? (raw as { issues: unknown[] }).issues
      : [];
  for (const issue of issues) {
    if (issue && typeof issue === "object" && "message" in issue) {
      const path = Array.isArray((issue as { path?: unknown }).path)
        ? ((issue as { path: unknown[] }).path.join(".") as string)
        : "";
      details.push(
        path ? `${path}: ${String((issue as { message: unknown }).message)}` : String(issue.message),
      );
    }
  }
  if (issues.length === 0 && raw !== undefined && raw !== null) details.push(JSON.stringify(raw));
  return { message: `${error.message} (${error.status} ${error.code})`, details };
}
