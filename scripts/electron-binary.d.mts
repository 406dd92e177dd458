export function findElectronBinary(root?: string): string | null;
