import { z } from "zod";

/** H-3: the health bands, plus "unknown" when no trait has data (never a score of 0). */
export const healthCategories = ["green", "yellow", "red", "unknown"] as const;
export const healthCategorySchema = z.enum(healthCategories);
export type HealthCategory = z.infer<typeof healthCategorySchema>;
