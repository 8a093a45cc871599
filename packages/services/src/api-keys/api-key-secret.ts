import { createHash, randomBytes } from "node:crypto";

/**
 * API keys for machine feeds (SPEC §12): `keel_<prefix>_<secret>`. The prefix finds the key;
 * only a SHA-256 of the whole key is stored, so a database leak does not leak keys.
 */
export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(6).toString("hex");
  const secret = randomBytes(24).toString("base64url");
  const key = `keel_${prefix}_${secret}`;
  return { key, prefix, hash: hashApiKey(key) };
}

export const hashApiKey = (key: string) => createHash("sha256").update(key).digest("hex");
