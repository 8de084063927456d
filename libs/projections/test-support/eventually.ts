/** Retries an assertion until it passes or the time is up (for state reached asynchronously, never for speed). */
export async function eventually(assertion: () => unknown | Promise<unknown>, timeoutMs = 10_000, intervalMs = 10): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
