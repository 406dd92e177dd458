// The signed-in connections each device holds in this relay process, at most a few per device: one
// key cannot hold the relay's memory with thousands. At the limit the oldest gives way to the new
// one, since the newest is the one its app is using (the others are links that died unnoticed).
export class DeviceConnections<C> {
  private readonly byDevice = new Map<string, C[]>();

  constructor(private readonly max: number) {}

  /** Counts `connection` for the device (hex key); returns the oldest one it displaced, if any. */
  admit(device: string, connection: C): C | null {
    const held = this.byDevice.get(device) ?? [];
    held.push(connection);
    this.byDevice.set(device, held);
    return held.length > this.max ? (held.shift() ?? null) : null;
  }

  /** Uncounts the connection (once it has closed); nothing if it was displaced already. */
  release(device: string, connection: C): void {
    const held = this.byDevice.get(device);
    if (!held) return;
    const rest = held.filter((other) => other !== connection);
    if (rest.length === 0) this.byDevice.delete(device);
    else this.byDevice.set(device, rest);
  }
}
