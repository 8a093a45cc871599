import type { HealthPolicyDraft } from "@keel/domain";
import type { ServiceContext } from "#context.ts";
import { insertDraft } from "./policy-draft.ts";
import type { PolicyView } from "./policy-view.ts";

/**
 * a new draft, numbered after the newest version. Its effective date is a placeholder
 * until it is published (then it is the publishing day).
 */
export function createPolicyDraft(ctx: ServiceContext, draft: HealthPolicyDraft): Promise<PolicyView> {
  return insertDraft(ctx, draft, { action: "policy.createDraft" });
}
