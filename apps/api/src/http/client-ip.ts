import { BlockList, isIP } from "node:net";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/**
 * Who is calling, for rate limits and logs. `X-Forwarded-For` is believed only when the
 * socket peer is a proxy we were told to trust (`KEEL_TRUSTED_PROXIES`); otherwise anyone could
 * pick a new address per request and never be limited. With trusted proxies, the client is the
 * right-most address in the chain that is not itself a trusted proxy.
 */
export type ClientIpResolver = (c: Context) => string | null;

/** `entries`: IP addresses or CIDR ranges ("10.0.0.0/8", "::1"). Throws on one it can't read. */
export function createClientIpResolver(entries: readonly string[]): ClientIpResolver {
  const trusted = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix] = entry.trim().split("/");
    const family = familyOf(normalise(address));
    if (!family) throw new Error(`KEEL_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    if (prefix === undefined) trusted.addAddress(normalise(address), family);
    else {
      const bits = Number(prefix);
      const max = family === "ipv4" ? 32 : 128;
      if (!Number.isInteger(bits) || bits < 0 || bits > max) {
        throw new Error(`KEEL_TRUSTED_PROXIES: "${entry}" has a bad prefix length`);
      }
      trusted.addSubnet(normalise(address), bits, family);
    }
  }
  const isTrusted = (ip: string) => {
    const family = familyOf(ip);
    return family !== null && trusted.check(ip, family);
  };

  return (c) => {
    const peer = socketAddress(c);
    if (!peer || entries.length === 0 || !isTrusted(peer)) return peer;
    const chain = (c.req.header("x-forwarded-for") ?? "")
      .split(",")
      .map((part) => normalise(part.trim()))
      .filter((part) => familyOf(part) !== null);
    for (let i = chain.length - 1; i >= 0; i--) {
      const hop = chain[i]!;
      if (!isTrusted(hop)) return hop;
    }
    // Every hop is one of our proxies: the request started inside; the first hop is the best name.
    return chain[0] ?? peer;
  };
}

function socketAddress(c: Context): string | null {
  try {
    const address = getConnInfo(c).remote.address;
    return address ? normalise(address) : null;
  } catch {
    // `app.request()` in tests and non-Node runtimes have no socket.
    return null;
  }
}

/** "::ffff:127.0.0.1" (IPv4 on a dual-stack socket) is 127.0.0.1. */
function normalise(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return mapped ? mapped[1]! : ip;
}

function familyOf(ip: string): "ipv4" | "ipv6" | null {
  const version = isIP(ip);
  return version === 4 ? "ipv4" : version === 6 ? "ipv6" : null;
}
