import type { HealthPolicyDocument } from "@keel/domain";
import type { ServiceContext } from "#context.ts";
import { getPolicy } from "./get-policy.ts";

/** the versioned JSON document of one policy version. */
export async function exportPolicy(
  ctx: ServiceContext,
  { version }: { version: number },
): Promise<HealthPolicyDocument> {
  const view = await getPolicy(ctx, { version });
  return { kind: "keel.health-policy", schemaVersion: 1, policy: view.policy };
}
