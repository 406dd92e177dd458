// Things in Settings that must finish before it closes (a relay address being checked and saved).
// Each guard answers whether closing now loses nothing the person has not seen.
export type CloseGuard = () => Promise<boolean>;

export class CloseGuards {
  private readonly guards = new Set<CloseGuard>();

  add(guard: CloseGuard): () => void {
    this.guards.add(guard);
    return () => this.guards.delete(guard);
  }

  async allowClose(): Promise<boolean> {
    const answers = await Promise.all([...this.guards].map((guard) => guard()));
    return answers.every(Boolean);
  }
}
