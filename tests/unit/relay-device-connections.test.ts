// The relay's count of each device's connections: the newest displaces the oldest past the limit,
// and a closed connection is counted out, so a device that reconnects again and again never finds
// its own dead links holding its place.
import { describe, expect, it } from 'vitest';
import { DeviceConnections } from '../../server/device-connections';

describe('device connections', () => {
  it('displaces the oldest past the limit, and only within the same device', () => {
    const devices = new DeviceConnections<string>(2);
    expect(devices.admit('ana', 'a1')).toBeNull();
    expect(devices.admit('ana', 'a2')).toBeNull();
    expect(devices.admit('ben', 'b1')).toBeNull();
    expect(devices.admit('ana', 'a3')).toBe('a1');
    expect(devices.admit('ana', 'a4')).toBe('a2');
  });

  it('counts a closed connection out, and ignores the close of one already displaced', () => {
    const devices = new DeviceConnections<string>(2);
    devices.admit('ana', 'a1');
    devices.admit('ana', 'a2');
    devices.admit('ana', 'a3'); // displaces a1
    devices.release('ana', 'a1'); // a1's close arrives late: a2 and a3 still count
    expect(devices.admit('ana', 'a4')).toBe('a2');
    devices.release('ana', 'a3');
    devices.release('ana', 'a4');
    // Nothing left of ana: two fresh connections fit again.
    expect(devices.admit('ana', 'a5')).toBeNull();
    expect(devices.admit('ana', 'a6')).toBeNull();
  });
});
