import { createHash } from "node:crypto";

/** Fingerprint of a request: the same Idempotency-Key with another body is a conflict (409). */
export const requestHashOf = (method: string, path: string, body: string) =>
  createHash("sha256").update(`${method} ${path}\n`).update(body).digest("hex");
