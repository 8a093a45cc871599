import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  defaultSegmentationPolicy,
  defaultSegmentBands,
  seed000SegmentationPolicy,
  segmentAccount,
  segmentationPolicySchema,
  segmentForArr,
} from "./segmentation.ts";

describe("A-2 segmentation as versioned data", () => {
  it("A-2: both seed versions are valid policies; the default bands match segmentForArr", () => {
    expect(segmentationPolicySchema.parse(defaultSegmentationPolicy)).toEqual(defaultSegmentationPolicy);
    expect(segmentationPolicySchema.parse(seed000SegmentationPolicy)).toEqual(seed000SegmentationPolicy);
    expect(defaultSegmentationPolicy.bands).toEqual(defaultSegmentBands);
  });

  it("A-2: default policy sets pooled/scaled from the support level, with the reason", () => {
    const a = segmentAccount({ arrCents: 30_000_000, supportLevel: "scaled" });
    expect(a).toMatchObject({
      segment: "enterprise",
      scaled: true,
      pooled: false,
      ruleId: "A-2",
      policyVersion: 2,
    });
    expect(a.reason).toContain("$300,000");
    expect(a.reason).toContain("scaled (support level scaled)");
    expect(segmentAccount({ arrCents: 1_000, supportLevel: "pooled" })).toMatchObject({
      segment: "smb",
      pooled: true,
    });
  });

  it("A-2 (seed 000): Commercial under $50k ARR is Scaled Success", () => {
    expect(
      segmentAccount({ arrCents: 4_999_999, supportLevel: "none" }, seed000SegmentationPolicy),
    ).toMatchObject({
      segment: "commercial",
      scaled: true,
    });
    expect(
      segmentAccount({ arrCents: 5_000_000, supportLevel: "none" }, seed000SegmentationPolicy),
    ).toMatchObject({
      segment: "commercial",
      scaled: false,
    });
  });

  it("A-2: rejects bands out of order or not starting at 0, with paths", () => {
    const r = segmentationPolicySchema.safeParse({
      ...defaultSegmentationPolicy,
      bands: [
        { segment: "smb", minArrCents: 10 },
        { segment: "strategic", minArrCents: 100 },
      ],
    });
    expect(r.error?.issues.map((i) => i.path)).toEqual([["bands", 1, "minArrCents"], ["bands"]]);
  });

  it("A-2: property — segmentAccount agrees with segmentForArr under the default policy", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (arr) => {
        expect(segmentAccount({ arrCents: arr, supportLevel: "dedicated" }).segment).toBe(segmentForArr(arr));
      }),
    );
  });
});
