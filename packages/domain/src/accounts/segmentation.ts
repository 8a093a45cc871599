import { z } from "zod";
import { type Segment, type SupportLevel, segmentSchema, supportLevelSchema } from "./account.ts";

/**
 * A-2 default segmentation: by ARR bands (editable policy; issue "lifecycle & playbooks"
 * stores it as versioned data). Lower bounds in cents, checked from the top.
 */
export const defaultSegmentBands: ReadonlyArray<{ segment: Segment; minArrCents: number }> = [
  { segment: "strategic", minArrCents: 100_000_000 },
  { segment: "enterprise", minArrCents: 25_000_000 },
  { segment: "mid-market", minArrCents: 5_000_000 },
  { segment: "smb", minArrCents: 0 },
];

export function segmentForArr(
  arrCents: number,
  bands: ReadonlyArray<{ segment: Segment; minArrCents: number }> = defaultSegmentBands,
): Segment {
  const band = bands.find((b) => arrCents >= b.minArrCents);
  return band?.segment ?? bands[bands.length - 1]!.segment;
}

/**
 * A-2 segmentation as versioned data: ARR bands (checked from the top) and the rules that set
 * the `pooled` / `scaled` flags. Seed 001 (default) sets the flags from the support level;
 * seed 000 marks Commercial accounts under $50k ARR as "Scaled Success".
 */
export const segmentationPolicySchema = z
  .object({
    version: z.number().int().positive(),
    name: z.string().min(1),
    source: z.string(),
    effectiveFrom: z.iso.date(),
    bands: z.array(z.object({ segment: segmentSchema, minArrCents: z.number().int().nonnegative() })).min(1),
    flagRules: z.array(
      z.object({
        flag: z.enum(["pooled", "scaled"]),
        /** All given criteria must hold. */
        supportLevel: supportLevelSchema.optional(),
        segment: segmentSchema.optional(),
        belowArrCents: z.number().int().positive().optional(),
      }),
    ),
  })
  .superRefine((policy, ctx) => {
    policy.bands.forEach((band, i) => {
      const previous = policy.bands[i - 1];
      if (previous && previous.minArrCents <= band.minArrCents) {
        ctx.addIssue({
          code: "custom",
          path: ["bands", i, "minArrCents"],
          message: "bands must be ordered from the highest ARR floor down",
        });
      }
    });
    if (policy.bands[policy.bands.length - 1]?.minArrCents !== 0) {
      ctx.addIssue({ code: "custom", path: ["bands"], message: "the last band must start at 0" });
    }
  });
export type SegmentationPolicy = z.infer<typeof segmentationPolicySchema>;

/** A-2 default (seed 001): Strategic / Enterprise / Mid-Market / SMB; pooled and scaled from the support level. */
export const defaultSegmentationPolicy: SegmentationPolicy = {
  version: 2,
  name: "Customer Segmentation Assignment",
  source: "seed 001 hand-off",
  effectiveFrom: "2024-01-01",
  bands: defaultSegmentBands.map((b) => ({ ...b })),
  flagRules: [
    { flag: "pooled", supportLevel: "pooled" },
    { flag: "scaled", supportLevel: "scaled" },
  ],
};

/** A-2 older policy (seed 000): Strategic / Enterprise / Commercial; "Scaled Success" = Commercial under $50k ARR. */
export const seed000SegmentationPolicy: SegmentationPolicy = {
  version: 1,
  name: "Customer Segmentation Assignment (seed 000)",
  source: "seed 000 TA handbook",
  effectiveFrom: "2022-01-01",
  bands: [
    { segment: "strategic", minArrCents: 100_000_000 },
    { segment: "enterprise", minArrCents: 25_000_000 },
    { segment: "commercial", minArrCents: 0 },
  ],
  flagRules: [{ flag: "scaled", segment: "commercial", belowArrCents: 5_000_000 }],
};

export const segmentationPolicies: readonly SegmentationPolicy[] = [
  seed000SegmentationPolicy,
  defaultSegmentationPolicy,
];

export type SegmentAssignment = {
  segment: Segment;
  pooled: boolean;
  scaled: boolean;
  ruleId: "A-2";
  policyVersion: number;
  /** which band and flag rules applied, with the data. */
  reason: string;
};

function dollars(cents: number): string {
  return `$${(cents / 100).toLocaleString("en-US")}`;
}

/** segment and flags for an account under a segmentation policy, with the reason. */
export function segmentAccount(
  input: { arrCents: number; supportLevel: SupportLevel },
  policy: SegmentationPolicy = defaultSegmentationPolicy,
): SegmentAssignment {
  const segment = segmentForArr(input.arrCents, policy.bands);
  const band = policy.bands.find((b) => b.segment === segment);
  const flags = { pooled: false, scaled: false };
  const flagReasons: string[] = [];
  for (const rule of policy.flagRules) {
    const holds =
      (rule.supportLevel === undefined || rule.supportLevel === input.supportLevel) &&
      (rule.segment === undefined || rule.segment === segment) &&
      (rule.belowArrCents === undefined || input.arrCents < rule.belowArrCents);
    if (holds && !flags[rule.flag]) {
      flags[rule.flag] = true;
      const why = [
        rule.supportLevel && `support level ${rule.supportLevel}`,
        rule.segment && `segment ${rule.segment}`,
        rule.belowArrCents !== undefined && `ARR below ${dollars(rule.belowArrCents)}`,
      ].filter(Boolean);
      flagReasons.push(`${rule.flag} (${why.join(", ")})`);
    }
  }
  const reason =
    `ARR ${dollars(input.arrCents)} ≥ ${dollars(band?.minArrCents ?? 0)} → ${segment}` +
    (flagReasons.length > 0 ? `; ${flagReasons.join("; ")}` : "") +
    ` (segmentation policy v${policy.version})`;
  return { segment, ...flags, ruleId: "A-2", policyVersion: policy.version, reason };
}
