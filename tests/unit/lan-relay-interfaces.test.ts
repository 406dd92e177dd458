// Which of this computer's addresses the local-network relay offers, in what order, and how an
// address becomes the relay's URL, its accepted AUTH hosts and its folder.
import type { NetworkInterfaceInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findInterface,
  hostPort,
  lanInterfaces,
  relayUrlFor,
} from '../../src-main/core/lan-relay/lan-interfaces';
import { lanRelayDirBeside, publicHostsFor } from '../../src-main/core/lan-relay/lan-relay';
import { relayHostOfUrl } from '../../src-shared/protocol/relay-host';

function info(address: string, family: 'IPv4' | 'IPv6', internal = false): NetworkInterfaceInfo {
  const common = { address, netmask: '', mac: '00:00:00:00:00:00', internal, cidr: null };
  return family === 'IPv4' ? { ...common, family } : { ...common, family, scopeid: 0 };
}

describe('addresses offered for a local relay', () => {
  const raw = {
    lo: [info('127.0.0.1', 'IPv4', true), info('::1', 'IPv6', true)],
    wlan0: [
      info('192.168.1.20', 'IPv4'),
      info('fe80::1c2b:3aff:fe4d:5e6f', 'IPv6'),
      info('2001:DB8::20', 'IPv6'),
    ],
    eth0: [info('10.0.0.5', 'IPv4')],
    docker0: undefined,
  };

  it('lists reachable IPv4, then reachable IPv6, then loopback; no link-local IPv6', () => {
    expect(lanInterfaces(raw)).toEqual([
      { name: 'eth0', address: '10.0.0.5', family: 'IPv4', internal: false },
      { name: 'wlan0', address: '192.168.1.20', family: 'IPv4', internal: false },
      { name: 'wlan0', address: '2001:db8::20', family: 'IPv6', internal: false },
      { name: 'lo', address: '127.0.0.1', family: 'IPv4', internal: true },
      { name: 'lo', address: '::1', family: 'IPv6', internal: true },
    ]);
  });

  it('takes the numeric family of old Node versions and lists an address once', () => {
    const old = {
      a: [{ ...info('192.168.5.5', 'IPv4'), family: 4 as unknown as 'IPv4' }],
      b: [info('192.168.5.5', 'IPv4')],
    };
    expect(lanInterfaces(old)).toEqual([
      { name: 'a', address: '192.168.5.5', family: 'IPv4', internal: false },
    ]);
  });

  it('finds an address whatever its case, and nothing for a stranger’s', () => {
    const list = lanInterfaces(raw);
    expect(findInterface(list, '2001:DB8::20')?.name).toBe('wlan0');
    expect(findInterface(list, '192.0.2.1')).toBeUndefined();
  });
});

describe('the address in a URL and in AUTH', () => {
  it('brackets IPv6 and keeps the port', () => {
    expect(hostPort('192.168.1.20', 8787)).toBe('192.168.1.20:8787');
    expect(relayUrlFor('2001:db8::20', 8787)).toBe('ws://[2001:db8::20]:8787');
  });

  it('accepts in AUTH exactly the host clients sign for the URL they dial', () => {
    for (const [address, port] of [
      ['192.168.1.20', 8787],
      ['2001:db8::20', 9000],
    ] as const) {
      expect(publicHostsFor(address, port)).toContain(relayHostOfUrl(relayUrlFor(address, port)));
    }
    expect(publicHostsFor('127.0.0.1', 8787)).toEqual(['127.0.0.1:8787', 'localhost:8787']);
  });

  it('keeps its folder beside the vault folder', () => {
    expect(lanRelayDirBeside(join('/data', 'Suviaz', 'vault'))).toBe(
      join('/data', 'Suviaz', 'lan-relay'),
    );
  });
});
