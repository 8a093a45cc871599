import { pickAccountColumns } from "@keel/app-kit";

/** The book-of-business columns (SPEC §11 "TA home"), with health (SPEC §4). */
export const bookColumns = pickAccountColumns(
  "name",
  "health",
  "segment",
  "stage",
  "arr",
  "renewalDate",
  "ta",
);
