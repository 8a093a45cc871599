import { lookup as lookupSystem } from "node:dns/promises";
import { BlockList, isIP, isIPv6, type LookupFunction } from "node:net";

/**
 * Where webhooks may be sent (docs/security.md, "API → the network"). Admins choose the targets,
 * but a target is still a request Keel makes from inside its network: without this policy a
 * subscription reaches the cloud metadata service, the database's host or anything on loopback
 * (server-side request forgery). Checked when a subscription is saved and again when each
 * delivery connects, because a name can resolve elsewhere by then (DNS rebinding).
 */
export type WebhookTargetPolicy = {
  /**
   * Hosts exempt from the address checks, the only ones http:// may reach (local testing, a
   * receiver on a private network): names or addresses, matched against the host as the URL
   * writes it (KEEL_WEBHOOK_ALLOWED_HOSTS).
   */
  allowedHosts: readonly string[];
  /** Every address a name resolves to; default the system resolver. Tests answer their own. */
  lookup?: HostLookup;
};

export type ResolvedAddress = { address: string; family: number };
export type HostLookup = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export const noAllowedHosts: WebhookTargetPolicy = { allowedHosts: [] };

/** A resolver that does not answer within this is treated as one that did not answer at all. */
const RESOLVE_TIMEOUT_MS = 5_000;

type AddressKind =
  | "cloud metadata"
  | "unspecified"
  | "loopback"
  | "private"
  | "link-local"
  | "carrier-grade NAT"
  | "multicast"
  | "reserved";

/**
 * Addresses no webhook may reach: the IANA special-purpose ranges that are not globally
 * reachable, multicast, and the metadata endpoints of the large clouds (named first, so the
 * reason says what the address is).
 */
const refusedRanges: [AddressKind, { ipv4?: string[]; ipv6?: string[] }][] = [
  [
    "cloud metadata",
    {
      // AWS, GCP, Azure, OpenStack; AWS ECS task metadata; Alibaba; AWS over IPv6.
      ipv4: ["169.254.169.254/32", "169.254.170.2/32", "100.100.100.200/32"],
      ipv6: ["fd00:ec2::254/128"],
    },
  ],
  ["unspecified", { ipv4: ["0.0.0.0/8"], ipv6: ["::/128"] }],
  ["loopback", { ipv4: ["127.0.0.0/8"], ipv6: ["::1/128"] }],
  [
    "private",
    {
      ipv4: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"],
      // Unique local, and the deprecated site-local that some networks still route.
      ipv6: ["fc00::/7", "fec0::/10"],
    },
  ],
  ["link-local", { ipv4: ["169.254.0.0/16"], ipv6: ["fe80::/10"] }],
  ["carrier-grade NAT", { ipv4: ["100.64.0.0/10"] }],
  ["multicast", { ipv4: ["224.0.0.0/4"], ipv6: ["ff00::/8"] }],
  [
    "reserved",
    {
      // Protocol assignments, documentation, 6to4 relay, benchmarking, future use and broadcast.
      ipv4: [
        "192.0.0.0/24",
        "192.0.2.0/24",
        "192.88.99.0/24",
        "198.18.0.0/15",
        "198.51.100.0/24",
        "203.0.113.0/24",
        "240.0.0.0/4",
      ],
      // Local-use NAT64, discard-only, protocol assignments (Teredo included), documentation;
      // 6to4 carries an IPv4 address a relay would reach for us, so it is refused whole.
      ipv6: ["64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32", "2002::/16", "3fff::/20"],
    },
  ],
];

const refusedLists = refusedRanges.map(([kind, { ipv4 = [], ipv6 = [] }]) => {
  const list = new BlockList();
  for (const range of ipv4) addRange(list, range, "ipv4");
  for (const range of ipv6) addRange(list, range, "ipv6");
  return { kind, list };
});

function addRange(list: BlockList, range: string, type: "ipv4" | "ipv6") {
  const [network, prefix] = range.split("/");
  list.addSubnet(network!, Number(prefix), type);
}

/** What kind of address no webhook may reach `address` is, or null when it may. */
function refusedKindOf(address: string): AddressKind | null {
  // An IPv4 address written as IPv6 (mapped ::ffff:a.b.c.d, or NAT64 64:ff9b::a.b.c.d) reaches
  // the IPv4 address: judge that one.
  const checked = (isIPv6(address) && embeddedIpv4(address)) || address;
  const type = isIPv6(checked) ? "ipv6" : "ipv4";
  for (const { kind, list } of refusedLists) {
    if (list.check(checked, type)) return kind;
  }
  return null;
}

function embeddedIpv4(address: string): string | null {
  const groups = ipv6Groups(address);
  if (!groups) return null;
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  const nat64 = groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0);
  if (!mapped && !nat64) return null;
  const [high, low] = [groups[6]!, groups[7]!];
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
}

/** The eight 16-bit groups of a valid IPv6 address (a trailing dotted IPv4 part counts as two). */
function ipv6Groups(address: string): number[] | null {
  let text = address.toLowerCase().split("%")[0]!;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const split = (part: string) => (part ? part.split(":") : []);
  const head = split(halves[0]!);
  const tail = halves.length === 2 ? split(halves[1]!) : null;
  const groups = tail ? [...head, ...Array(8 - head.length - tail.length).fill("0"), ...tail] : head;
  return groups.length === 8 ? groups.map((g) => Number.parseInt(g, 16)) : null;
}

/** "a private address", "an unspecified address". */
const aKindOf = (kind: AddressKind) => `${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind} address`;

/** Why a webhook may not connect to `address`, or null when it may. */
export function refusalOfAddress(address: string): string | null {
  const kind = refusedKindOf(address);
  return kind ? `${address} is ${aKindOf(kind)}` : null;
}

/** A host as compared with the allowed list: lower case, no IPv6 brackets, no trailing dot. */
function normalizeHost(host: string): string {
  let text = host.trim().toLowerCase();
  if (text.startsWith("[") && text.endsWith("]")) text = text.slice(1, -1);
  if (text.endsWith(".")) text = text.slice(0, -1);
  // One spelling per IPv6 address (the URL parser's), so "0:0:0:0:0:0:0:1" allows "[::1]". An
  // address with a zone (fe80::1%eth0) is no URL host: it stays as written and matches nothing.
  if (isIPv6(text) && !text.includes("%")) text = new URL(`http://[${text}]/`).hostname.slice(1, -1);
  return text;
}

const isAllowedHost = (policy: WebhookTargetPolicy, host: string) =>
  policy.allowedHosts.some((allowed) => normalizeHost(allowed) === host);

const isLocalhostName = (host: string) => host === "localhost" || host.endsWith(".localhost");

/**
 * What the URL alone decides: the scheme, a literal address, a localhost name. A host name's
 * addresses are the resolver's to say (checkWebhookTarget at save time, the guarded lookup at
 * connect time). Where the target is comes before how it is reached, so the reason names the
 * address when both are wrong.
 */
export function refusalOfUrl(url: URL, policy: WebhookTargetPolicy): string | null {
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return `${url.protocol}// is not a web address; use https://`;
  }
  const host = normalizeHost(url.hostname);
  if (isAllowedHost(policy, host)) return null;
  if (isIP(host)) {
    const refusal = refusalOfAddress(host);
    if (refusal) return refusal;
  } else if (isLocalhostName(host)) {
    return `${host} is a loopback name`;
  }
  if (url.protocol === "http:") return "http:// is only for hosts allowed for local testing; use https://";
  return null;
}

/**
 * Save-time check of a subscription's URL: the URL itself, then every address its name resolves
 * to now. A name that does not resolve (yet, or from here) is accepted: every delivery checks the
 * address it connects to, so accepting it opens nothing.
 */
export async function checkWebhookTarget(
  rawUrl: string,
  policy: WebhookTargetPolicy,
): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return "not a URL";
  }
  const refusal = refusalOfUrl(url, policy);
  const host = normalizeHost(url.hostname);
  if (refusal || isAllowedHost(policy, host) || isIP(host)) return refusal;
  const addresses = await resolveWithin(policy.lookup ?? lookupAll, host);
  for (const { address } of addresses ?? []) {
    const kind = refusedKindOf(address);
    if (kind) return `${host} resolves to ${address}, ${aKindOf(kind)}`;
  }
  return null;
}

const lookupAll: HostLookup = (hostname) => lookupSystem(hostname, { all: true });

async function resolveWithin(lookup: HostLookup, host: string): Promise<readonly ResolvedAddress[] | null> {
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), RESOLVE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([lookup(host).catch(() => null), giveUp]);
  } finally {
    clearTimeout(timer);
  }
}

/** A delivery that the policy stopped before it connected; `reason` is safe to show admins. */
export class WebhookTargetRefusedError extends Error {
  readonly code = "ERR_WEBHOOK_TARGET_REFUSED";
  constructor(readonly reason: string) {
    super(`Webhook target refused: ${reason}`);
    this.name = "WebhookTargetRefusedError";
  }
}

/**
 * The resolver a delivery's socket connects through: it resolves the name once, refuses the
 * connection if any address is one no webhook may reach, and hands the checked addresses to
 * the socket — so the address checked is the address connected to, whatever the name answers
 * a moment later. (Literal addresses never reach a lookup: refusalOfUrl judges them.)
 */
export function guardedLookup(policy: WebhookTargetPolicy): LookupFunction {
  const lookup = policy.lookup ?? lookupAll;
  return (hostname, options, callback) => {
    lookup(hostname).then(
      (found) => {
        if (!isAllowedHost(policy, normalizeHost(hostname))) {
          for (const { address } of found) {
            const refusal = refusalOfAddress(address);
            if (refusal) return callback(new WebhookTargetRefusedError(refusal), "");
          }
        }
        const family =
          options.family === 4 || options.family === "IPv4"
            ? 4
            : options.family === 6 || options.family === "IPv6"
              ? 6
              : 0;
        const usable = family ? found.filter((a) => a.family === family) : [...found];
        const first = usable[0];
        if (!first) {
          const error: NodeJS.ErrnoException = new Error(`${hostname} has no usable address`);
          error.code = "ENOTFOUND";
          return callback(error, "");
        }
        if (options.all) return callback(null, usable);
        return callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ""),
    );
  };
}
