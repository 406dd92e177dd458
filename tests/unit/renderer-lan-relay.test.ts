// The pure parts of Settings → "Host a relay on this computer": the port as typed, which address is
// offered first and how, and the text of the QR code (read back from the drawing the panel shows).
import { describe, expect, it } from 'vitest';
import type { LanInterface } from '../../src-shared/api';
import { decodeQr } from '../../src-renderer/lib/qr-decode';
import { qrDrawing, QR_QUIET_ZONE } from '../../src-renderer/lib/qr-modules';
import {
  defaultAddress,
  groupInterfaces,
  interfaceLabel,
  keptAddress,
  lanRelayQrText,
  parseLanPort,
} from '../../src-renderer/settings/lan-relay-form';
import { RelayAddress } from '../../src-shared/api';

const LOOPBACK: LanInterface = { name: 'lo', address: '127.0.0.1', family: 'IPv4', internal: true };
const WIFI: LanInterface = {
  name: 'Wi-Fi',
  address: '192.168.1.20',
  family: 'IPv4',
  internal: false,
};
const WIFI6: LanInterface = { ...WIFI, address: '2001:db8::20', family: 'IPv6' };

describe('the port field', () => {
  it('takes 0 and 1024–65535, nothing else', () => {
    expect(parseLanPort('0')).toBe(0);
    expect(parseLanPort(' 8787 ')).toBe(8787);
    expect(parseLanPort('1024')).toBe(1024);
    expect(parseLanPort('65535')).toBe(65535);
    for (const bad of ['', '80', '1023', '65536', '-1', '87.87', '8787a', '123456'])
      expect(parseLanPort(bad)).toBeNull();
  });
});

describe('the address choice', () => {
  it('offers reachable addresses apart from this computer’s own, and picks reachable IPv4 first', () => {
    const list = [WIFI6, WIFI, LOOPBACK];
    expect(groupInterfaces(list)).toEqual({ reachable: [WIFI6, WIFI], local: [LOOPBACK] });
    expect(defaultAddress(list)).toBe('192.168.1.20');
    expect(defaultAddress([LOOPBACK])).toBe('127.0.0.1');
    expect(defaultAddress([])).toBe('');
    expect(keptAddress(list, '127.0.0.1')).toBe('127.0.0.1');
    expect(keptAddress([LOOPBACK], '192.168.1.20')).toBe('127.0.0.1');
    expect(interfaceLabel(WIFI)).toBe('Wi-Fi — 192.168.1.20');
  });
});

describe('the QR code', () => {
  const relayKey = Buffer.alloc(32, 7).toString('base64url');

  it("holds the address with the relay's key in the fragment, which the relay setting accepts", () => {
    const text = lanRelayQrText('ws://192.168.1.20:8787', relayKey);
    expect(text).toBe(`ws://192.168.1.20:8787#${relayKey}`);
    expect(RelayAddress.safeParse(text).success).toBe(true);
    expect(new URL(text).host).toBe('192.168.1.20:8787');
  });

  it('reads back from the drawing the panel shows', () => {
    const text = lanRelayQrText('ws://[2001:db8::20]:8787', relayKey);
    const drawing = qrDrawing(text);
    if (!drawing) throw new Error('no drawing');
    const scale = 4;
    const side = (drawing.size + 2 * QR_QUIET_ZONE) * scale;
    const data = new Uint8ClampedArray(side * side * 4).fill(255);
    for (const run of drawing.runs) {
      for (let y = 0; y < scale; y++) {
        for (let x = 0; x < run.width * scale; x++) {
          const at =
            (((run.y + QR_QUIET_ZONE) * scale + y) * side + (run.x + QR_QUIET_ZONE) * scale + x) *
            4;
          data[at] = data[at + 1] = data[at + 2] = 0;
        }
      }
    }
    expect(decodeQr({ data, width: side, height: side })).toBe(text);
  });
});
