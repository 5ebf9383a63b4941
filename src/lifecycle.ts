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

const stopSignals = ['SIGINT', 'SIGTERM'] as const;

/**
 * Runs synchronous work on a deck's text (parsing, rendering) with the operating system's
 * default signal actions back in place. JavaScript signal handlers run only between tasks,
 * so during a long synchronous step Ctrl-C and SIGTERM would wait for it to end — forever,
 * on a pathological deck. Once no listener is left, Node restores the default action and the
 * signal ends the process at once. Nothing is lost by skipping the hooks then: these steps
 * write no files and start nothing.
 */
export function runStoppable<T>(work: () => T): T {
  const saved = stopSignals.map((signal) => [signal, process.rawListeners(signal)] as const);
  for (const [signal, listeners] of saved) for (const listener of listeners) process.removeListener(signal, listener as () => void);
  try {
    return work();
  } finally {
    for (const [signal, listeners] of saved) for (const listener of listeners) process.on(signal, listener as () => void);
  }
}
