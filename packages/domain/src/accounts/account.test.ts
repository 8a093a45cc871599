import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultSegmentBands, segmentForArr } from "./segmentation.ts";

describe("A-2 segmentation by ARR bands (default policy)", () => {
  it("assigns each band", () => {
    expect(segmentForArr(150_000_000)).toBe("strategic");
    expect(segmentForArr(100_000_000)).toBe("strategic");
    expect(segmentForArr(99_999_999)).toBe("enterprise");
    expect(segmentForArr(25_000_000)).toBe("enterprise");
    expect(segmentForArr(5_000_000)).toBe("mid-market");
    expect(segmentForArr(4_999_999)).toBe("smb");
    expect(segmentForArr(0)).toBe("smb");
  });

  it("A-2: more ARR never moves an account to a smaller segment", () => {
    const rank = defaultSegmentBands.map((b) => b.segment);
    fc.assert(
      fc.property(fc.nat(1_000_000_000), fc.nat(1_000_000_000), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        return rank.indexOf(segmentForArr(high)) <= rank.indexOf(segmentForArr(low));
      }),
    );
  });

  it("A-2 older policy (seed 000): Strategic / Enterprise / Commercial bands are just data", () => {
    const seed000 = [
      { segment: "strategic", minArrCents: 100_000_000 },
      { segment: "enterprise", minArrCents: 25_000_000 },
      { segment: "commercial", minArrCents: 0 },
    ] as const;
    expect(segmentForArr(4_000_000, seed000)).toBe("commercial");
  });
});
