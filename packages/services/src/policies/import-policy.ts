import type { HealthPolicyDocument } from "@keel/domain";
import type { ServiceContext } from "#context.ts";
import { insertDraft } from "./policy-draft.ts";
import type { PolicyView } from "./policy-view.ts";

/** a policy document becomes a new draft (its own version number; the source's is recorded). */
export function importPolicy(ctx: ServiceContext, document: HealthPolicyDocument): Promise<PolicyView> {
  const { version: importedFrom, effectiveFrom: _effectiveFrom, ...draft } = document.policy;
  return insertDraft(ctx, draft, { action: "policy.import", importedFrom });
}
