import { z } from "zod";

/** H-3: the health bands, plus "unknown" when no trait has data (never a score of 0). */
export const healthCategorySchema = z.enum(["green", "yellow", "red", "unknown"]);
export type HealthCategory = z.infer<typeof healthCategorySchema>;
