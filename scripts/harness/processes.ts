// Meridian's own entry points as child processes, for tests that kill, pause, restart or
// signal them: a process's stdout is collected line by line so tests can wait for, and
// read, its JSON log lines.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";

const projectRoot = new URL("../..", import.meta.url).pathname;

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface MeridianProcess {
  child: ChildProcess;
  /** Every line written to stdout and stderr so far. */
  lines: string[];
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string | null>;
  /** Waits for a line that satisfies `test`, failing with the output so far. */
  waitForLine(test: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  /** The JSON log lines, parsed. */
  logs(): Record<string, unknown>[];
  /** SIGKILLs it if it still runs. */
  kill(): Promise<void>;
}

export function startProcess(script: string, env: Record<string, string>): MeridianProcess {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, APOLLO_TELEMETRY_DISABLED: "1", HOST: "127.0.0.1", LOG_LEVEL: "info", ...env },
  });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  let buffered = "";
  const collect = (chunk: Buffer) => {
    buffered += chunk.toString();
    const complete = buffered.split("\n");
    buffered = complete.pop()!;
    lines.push(...complete);
    for (const wake of waiters) wake();
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const exited = new Promise<number | string | null>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal)));
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
    for (const wake of waiters) wake();
  });

  return {
    child,
    lines,
    exited,
    waitForLine(test, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`no such line within ${timeoutMs} ms:\n${lines.join("\n")}`)), timeoutMs);
        const check = () => {
          const line = lines.find(test);
          if (line !== undefined) finish(undefined, line);
          else if (hasExited) finish(new Error(`${script} exited:\n${lines.join("\n")}`));
        };
        const finish = (error?: Error, line?: string) => {
          clearTimeout(timer);
          waiters.delete(check);
          if (error) reject(error);
          else resolve(line!);
        };
        waiters.add(check);
        check();
      });
    },
    logs() {
      return lines.flatMap((line) => {
        if (!line.startsWith("{")) return [];
        try {
          return [JSON.parse(line) as Record<string, unknown>];
        } catch {
          return [];
        }
      });
    },
    async kill() {
      if (!hasExited) {
        child.kill("SIGKILL");
        await exited;
      }
    },
  };
}

/** Polls `probe` until it returns true; for waiting on a restart, never for timing claims. */
export async function eventually(probe: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`);
}
