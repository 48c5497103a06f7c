/** For tests that watch LibreOffice processes come and go. */

/** Whether a process with this id is running (signal 0 tests without signalling). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits until `ok()` holds, polling every 50 ms for up to `ms`; throws if it never does. */
export async function until(ok: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  for (let i = 0; i < ms / 50; i++) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out waiting for a condition');
}
