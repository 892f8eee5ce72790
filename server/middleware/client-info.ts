import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';

/**
 * Proxies trusted to say who the client is (TRUSTED_PROXIES: CIDR blocks or addresses). Only when the
 * socket's peer is one of them are X-Forwarded-For and X-Forwarded-Proto read; any other client could set
 * them to anything.
 */
export class TrustedProxies {
  private readonly list = new BlockList();
  readonly empty: boolean;

  constructor(cidrs: string[]) {
    for (const entry of cidrs) {
      const [address = '', bits] = entry.trim().split('/');
      const family = isIP(address);
      if (!family) throw new Error(`TRUSTED_PROXIES: "${entry}" không phải địa chỉ IP hoặc khối CIDR (not an IP address or CIDR block)`);
      const type = family === 4 ? 'ipv4' : 'ipv6';
      const prefix = bits === undefined ? (family === 4 ? 32 : 128) : Number(bits);
      if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128)) {
        throw new Error(`TRUSTED_PROXIES: "${entry}" có độ dài tiền tố sai (bad prefix length)`);
      }
      this.list.addSubnet(address, prefix, type);
    }
    this.empty = cidrs.length === 0;
  }

  has(address: string): boolean {
    const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
    const family = isIP(plain);
    return !this.empty && family !== 0 && this.list.check(plain, family === 4 ? 'ipv4' : 'ipv6');
  }

  static parse(text: string | undefined): TrustedProxies {
    return new TrustedProxies((text ?? '').split(',').map((t) => t.trim()).filter(Boolean));
  }
}

const NO_PROXIES = new TrustedProxies([]);

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string; encrypted?: boolean } };
}

function socketOf(c: Context): { remoteAddress?: string; encrypted?: boolean } | undefined {
  const env = c.env as ({ server?: NodeBindings } & NodeBindings) | undefined;
  return (env?.server ?? env)?.incoming?.socket;
}

/**
 * The client's address: the socket's peer (as `getConnInfo` of `@hono/node-server/conninfo` reads it), or,
 * when that peer is a trusted proxy, the nearest address in X-Forwarded-For that is not itself a trusted
 * proxy. 'local' for in-process requests. IPv6 clients are counted by their /64, which one host can fill.
 */
export function clientAddress(c: Context, proxies: TrustedProxies = NO_PROXIES): string {
  let address = socketOf(c)?.remoteAddress;
  if (!address) return 'local';
  if (proxies.has(address)) {
    const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((h) => h.trim()).filter((h) => isIP(h) !== 0);
    while (hops.length > 0 && proxies.has(address)) address = hops.pop()!;
  }
  return addressKey(address);
}

/** An address as the throttle counts it: IPv4 as it is, IPv6 by its /64. */
export function addressKey(address: string): string {
  if (!address.includes(':') || address.startsWith('::ffff:')) return address.replace(/^::ffff:/, '');
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}

/** Whether the client reached the service over HTTPS: a TLS socket, or a trusted proxy saying so. */
export function reachedOverHttps(c: Context, proxies: TrustedProxies = NO_PROXIES): boolean {
  const socket = socketOf(c);
  if (socket?.encrypted) return true;
  const peer = socket?.remoteAddress;
  if (!peer || !proxies.has(peer)) return false;
  return c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}
