import dns from "node:dns";
import type { LookupFunction } from "node:net";
import net from "node:net";

/**
 * Addresses a webhook must not reach on a shared install: loopback, private networks, link-local (cloud metadata
 * services live at 169.254.169.254), carrier-grade NAT, unspecified, multicast and reserved ranges. Otherwise any
 * developer could make the server POST into the network it runs in (server-side request forgery).
 */
const BLOCKED = new net.BlockList();
for (const [prefix, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 3], // multicast, reserved and broadcast
] as const) {
  BLOCKED.addSubnet(prefix, bits, "ipv4");
}
for (const [prefix, bits] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  BLOCKED.addSubnet(prefix, bits, "ipv6");
}

/** Whether an IP address (v4, v6, or v4-mapped v6) is one a webhook may not reach. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return BLOCKED.check(mapped[1]!, "ipv4");
  const family = net.isIP(address);
  if (family === 4) return BLOCKED.check(address, "ipv4");
  if (family === 6) return BLOCKED.check(address, "ipv6");
  return false;
}

/** A host name that names this machine without DNS (`localhost` and its subdomains). */
export function isLocalHostName(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  return host === "localhost" || host.endsWith(".localhost");
}

/** The host of a URL as `net` sees it: IPv6 literals without their brackets. */
export function bareHost(hostname: string): string {
  return hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
}

/** Why a refused address was refused, for the attempt log and the API's error. */
export const PRIVATE_TARGET_REASON =
  "resolves to a loopback, private or link-local address (allowed only with LINNET_WEBHOOK_ALLOW_PRIVATE=true)";

/**
 * A DNS lookup for the delivery agents that refuses private addresses after resolution, at connect time, so a name
 * that resolved to a public address when the endpoint was saved cannot later be pointed inside the network.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) {
      callback(err, "", 0);
      return;
    }
    const refused = addresses.find((a) => isPrivateAddress(a.address));
    if (refused) {
      callback(Object.assign(new Error(`${hostname} ${PRIVATE_TARGET_REASON}`), { code: "EPRIVATE" }), "", 0);
      return;
    }
    if (options.all) (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};
