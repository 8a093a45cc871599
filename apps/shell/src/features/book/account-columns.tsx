import { pickAccountColumns } from "@keel/app-kit";

/** The book-of-business columns (SPEC §11 "TA home"). */
export const bookColumns = pickAccountColumns("name", "segment", "stage", "arr", "renewalDate", "ta");
