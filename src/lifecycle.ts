/**
 * Work that must be undone however the process ends — a browser to close, a temporary file
 * to remove. The CLI entry runs these hooks on SIGINT and SIGTERM before exiting.
 */
const hooks = new Set<() => Promise<void> | void>();

export function onShutdown(hook: () => Promise<void> | void): () => void {
  hooks.add(hook);
  return () => hooks.delete(hook);
}

export async function runShutdownHooks(): Promise<void> {
  const pending = [...hooks];
  hooks.clear();
  await Promise.allSettled(pending.map(async (hook) => hook()));
}
