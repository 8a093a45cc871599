import type { Segment } from "./account.ts";

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
