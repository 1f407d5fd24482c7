export function clientIsStale(root: string): boolean;
export function buildClient(root: string): Promise<void>;
