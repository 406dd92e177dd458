// How many signed-in connections each device holds in this relay process, so that one key cannot
// hold the relay's memory with thousands of them (keys cost nothing; this bounds each one).
export class DeviceConnections {
  private readonly counts = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** Counts one more connection of the device (hex key); false, counting nothing, at the limit. */
  admit(device: string): boolean {
    const held = this.counts.get(device) ?? 0;
    if (held >= this.max) return false;
    this.counts.set(device, held + 1);
    return true;
  }

  release(device: string): void {
    const held = this.counts.get(device) ?? 0;
    if (held <= 1) this.counts.delete(device);
    else this.counts.set(device, held - 1);
  }
}
