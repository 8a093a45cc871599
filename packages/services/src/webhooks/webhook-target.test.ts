import type { LookupAddress } from "node:dns";
import { describe, expect, it } from "vitest";
import {
  checkWebhookTarget,
  guardedLookup,
  type HostLookup,
  noAllowedHosts,
  refusalOfAddress,
  refusalOfUrl,
  WebhookTargetRefusedError,
} from "./webhook-target.ts";

/** A resolver that answers from a table; other names do not resolve. */
const answering =
  (table: Record<string, string[]>): HostLookup =>
  async (hostname) => {
    const addresses = table[hostname];
    if (!addresses) throw Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };

describe("addresses no webhook may reach", () => {
  it.each([
    ["169.254.169.254", "cloud metadata"],
    ["100.100.100.200", "cloud metadata"],
    ["fd00:ec2::254", "cloud metadata"],
    ["0.0.0.0", "unspecified"],
    ["::", "unspecified"],
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["::1", "loopback"],
    ["10.0.0.5", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.254", "private"],
    ["192.168.0.10", "private"],
    ["fd12:3456::1", "private"],
    ["169.254.10.1", "link-local"],
    ["fe80::1", "link-local"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["224.0.0.1", "multicast"],
    ["ff02::1", "multicast"],
    ["192.0.2.1", "reserved"],
    ["198.18.0.1", "reserved"],
    ["240.0.0.1", "reserved"],
    ["255.255.255.255", "reserved"],
    ["2001:db8::1", "reserved"],
    // IPv4 inside IPv6 is judged as the IPv4 address it reaches.
    ["::ffff:10.0.0.5", "private"],
    ["::ffff:a00:5", "private"],
    ["::ffff:127.0.0.1", "loopback"],
    ["64:ff9b::a9fe:a9fe", "cloud metadata"],
  ])("%s is refused as %s", (address, kind) => {
    expect(refusalOfAddress(address)).toMatch(
      new RegExp(`^${address.replace(/\./g, "\\.")} is an? ${kind} address$`),
    );
  });

  it.each(["93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8"])(
    "%s is public",
    (address) => {
      expect(refusalOfAddress(address)).toBeNull();
    },
  );
});

describe("what the URL alone decides", () => {
  const refusal = (url: string, allowedHosts: string[] = []) => refusalOfUrl(new URL(url), { allowedHosts });

  it("https only; http only to allowed hosts", () => {
    expect(refusal("https://hooks.example.com/x")).toBeNull();
    expect(refusal("http://hooks.example.com/x")).toBe(
      "http:// is only for hosts allowed for local testing; use https://",
    );
    expect(refusal("http://hooks.example.com/x", ["HOOKS.example.com."])).toBeNull();
    expect(refusal("ftp://hooks.example.com/x")).toBe("ftp:// is not a web address; use https://");
  });

  it("refuses loopback however it is written, unless that host is allowed", () => {
    expect(refusal("https://127.0.0.1/")).toBe("127.0.0.1 is a loopback address");
    expect(refusal("https://127.0.0.1/", ["127.0.0.1"])).toBeNull();
    // The URL parser reads these as 127.0.0.1.
    expect(refusal("https://2130706433/")).toBe("127.0.0.1 is a loopback address");
    expect(refusal("https://0x7f.1/")).toBe("127.0.0.1 is a loopback address");
    expect(refusal("https://[0:0:0:0:0:0:0:1]/")).toBe("::1 is a loopback address");
    expect(refusal("https://[::1]/", ["0:0:0:0:0:0:0:1"])).toBeNull();
    expect(refusal("https://LocalHost./")).toBe("localhost is a loopback name");
    expect(refusal("https://admin.localhost:8443/")).toBe("admin.localhost is a loopback name");
    // Allowing one loopback address allows no other.
    expect(refusal("https://127.0.0.2/", ["127.0.0.1"])).toBe("127.0.0.2 is a loopback address");
  });

  it("names the address when the scheme is wrong as well", () => {
    expect(refusal("http://169.254.169.254/latest/")).toBe("169.254.169.254 is a cloud metadata address");
  });
});

describe("the save-time check", () => {
  const lookup = answering({
    "chat.example.com": ["93.184.215.14"],
    "split.example.com": ["93.184.215.14", "10.0.0.7"],
    "v6.example.com": ["2606:4700::1111", "fe80::9"],
  });

  it("checks every address a name resolves to", async () => {
    expect(await checkWebhookTarget("https://chat.example.com/x", { allowedHosts: [], lookup })).toBeNull();
    expect(await checkWebhookTarget("https://split.example.com/x", { allowedHosts: [], lookup })).toBe(
      "split.example.com resolves to 10.0.0.7, a private address",
    );
    expect(await checkWebhookTarget("https://v6.example.com/x", { allowedHosts: [], lookup })).toBe(
      "v6.example.com resolves to fe80::9, a link-local address",
    );
  });

  it("accepts a name that does not resolve, and an allowed name whatever it resolves to", async () => {
    expect(await checkWebhookTarget("https://later.example.com/x", { allowedHosts: [], lookup })).toBeNull();
    expect(
      await checkWebhookTarget("https://split.example.com/x", {
        allowedHosts: ["split.example.com"],
        lookup,
      }),
    ).toBeNull();
  });

  it("refuses what is not a URL", async () => {
    expect(await checkWebhookTarget("not a url", noAllowedHosts)).toBe("not a URL");
  });
});

describe("the lookup a delivery's socket connects through", () => {
  const resolve = (
    hostname: string,
    options: { all?: boolean; family?: number },
    allowedHosts: string[] = [],
  ) =>
    new Promise<{ error: Error | null; address: string | LookupAddress[]; family?: number }>((done) => {
      const lookup = answering({
        "public.example.com": ["93.184.215.14", "2606:4700::1111"],
        "rebound.example.com": ["93.184.215.14", "127.0.0.1"],
      });
      guardedLookup({ allowedHosts, lookup })(hostname, options, (error, address, family) =>
        done({ error, address, family }),
      );
    });

  it("answers the checked addresses, all of them or the first of the family asked for", async () => {
    expect(await resolve("public.example.com", { all: true })).toMatchObject({
      error: null,
      address: [
        { address: "93.184.215.14", family: 4 },
        { address: "2606:4700::1111", family: 6 },
      ],
    });
    expect(await resolve("public.example.com", { family: 6 })).toMatchObject({
      error: null,
      address: "2606:4700::1111",
      family: 6,
    });
  });

  it("refuses the connection when any address is inside the network, unless the name is allowed", async () => {
    const refused = await resolve("rebound.example.com", { all: true });
    expect(refused.error).toBeInstanceOf(WebhookTargetRefusedError);
    expect((refused.error as WebhookTargetRefusedError).reason).toBe("127.0.0.1 is a loopback address");
    expect((await resolve("rebound.example.com", { all: true }, ["rebound.example.com"])).error).toBeNull();
  });

  it("checks what the system resolver answers when no lookup is given (localhost, from the hosts file)", async () => {
    const refused = await new Promise<Error | null>((done) => {
      guardedLookup(noAllowedHosts)("localhost", { all: true }, (error) => done(error));
    });
    expect(refused).toBeInstanceOf(WebhookTargetRefusedError);
    expect((refused as WebhookTargetRefusedError).reason).toMatch(
      /^(127\.0\.0\.1|::1) is a loopback address$/,
    );
  });

  it("passes on a name that does not resolve as the resolver's error", async () => {
    expect((await resolve("gone.example.com", {})).error).toMatchObject({ code: "ENOTFOUND" });
  });
});
