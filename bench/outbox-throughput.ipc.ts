// Both ends of the line between bench/outbox-throughput.ts and its runner process (outbox-throughput.worker.ts).
import { type ChildProcess, fork } from 'node:child_process';

/** The runner settings in force: the API's defaults (config.schema.ts), or OUTBOX_* / DATABASE_POOL_MAX if set. */
export interface RunnerSettings {
  pollMs: number;
  leaseMs: number;
  concurrency: number;
  backoffBaseMs: number;
  poolMax: number;
}

export type WorkerMessage =
  | { type: 'ready'; settings: RunnerSettings }
  /** This process's clock, in reply to `clock`: the parent estimates the offset between the two clocks. */
  | { type: 'clock'; now: number }
  /** [event id, when its handler's transaction had committed (epoch ms, fractional)] */
  | { type: 'handled'; events: [string, number][] }
  | { type: 'not-done'; id: string; outcome: string }
  | { type: 'error'; context: string; message: string }
  /** CPU time used by the runner process so far (user + system, ms). */
  | { type: 'usage'; cpuMs: number }
  | { type: 'stopped' };

export type ParentMessage = { type: 'clock' } | { type: 'usage' } | { type: 'stop' };

/** A wall clock with sub-millisecond resolution that two processes on one machine agree on (to well under 1 ms). */
export const now = (): number => performance.timeOrigin + performance.now();

const WORKER = new URL('./outbox-throughput.worker.ts', import.meta.url).pathname;
const ROOT = new URL('..', import.meta.url).pathname;

/** The parent's handle on the runner process, and what the runner has reported. */
export class RunnerProcess {
  readonly handled = new Map<string, number>();
  readonly problems: string[] = [];
  settings: RunnerSettings | undefined;
  /** runner clock − this clock, ms. */
  clockOffset = 0;
  private readonly replies = new Map<
    string,
    { resolve: (message: WorkerMessage) => void; reject: (error: Error) => void }
  >();
  private progress: () => void = () => {};
  private exited = false;
  private stopping = false;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (message: WorkerMessage) => this.receive(message));
    child.once('exit', (code, signal) => {
      this.exited = true;
      if (!this.stopping) this.problems.push(`runner exited (${signal ?? code})`);
      for (const { reject } of this.replies.values()) reject(new Error(`runner exited (${signal ?? code})`));
      this.replies.clear();
      this.progress();
    });
  }

  static async start(queueName: string, env: Record<string, string | undefined>): Promise<RunnerProcess> {
    const child = fork(WORKER, [queueName], {
      cwd: ROOT,
      execArgv: ['--conditions=@ontrack/source', '--import', 'tsx'],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const runner = new RunnerProcess(child);
    const ready = await runner.next('ready', 30_000);
    if (ready.type === 'ready') runner.settings = ready.settings;
    await runner.syncClocks();
    return runner;
  }

  private receive(message: WorkerMessage): void {
    if (message.type === 'handled') {
      for (const [id, at] of message.events) this.handled.set(id, at - this.clockOffset);
      this.progress();
    } else if (message.type === 'not-done') {
      this.problems.push(`event ${message.id}: ${message.outcome}`);
    } else if (message.type === 'error') {
      this.problems.push(`${message.context}: ${message.message}`);
    } else {
      const reply = this.replies.get(message.type);
      this.replies.delete(message.type);
      reply?.resolve(message);
    }
  }

  private next(type: WorkerMessage['type'], timeoutMs = 10_000, request?: ParentMessage): Promise<WorkerMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`runner did not answer ${type}`)), timeoutMs);
      this.replies.set(type, {
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      if (request) this.child.send(request);
    });
  }

  /** Cristian's algorithm: the round trip with the least delay bounds the offset best. */
  private async syncClocks(): Promise<void> {
    let best = { rtt: Number.POSITIVE_INFINITY, offset: 0 };
    for (let i = 0; i < 50; i++) {
      const sent = now();
      const reply = await this.next('clock', 5_000, { type: 'clock' });
      const received = now();
      if (reply.type === 'clock' && received - sent < best.rtt) {
        best = { rtt: received - sent, offset: reply.now - (sent + received) / 2 };
      }
    }
    this.clockOffset = best.offset;
  }

  async cpuMs(): Promise<number> {
    const reply = await this.next('usage', 10_000, { type: 'usage' });
    return reply.type === 'usage' ? reply.cpuMs : Number.NaN;
  }

  /** Resolves when every id has been handled; fails when nothing moves for `stallMs`. */
  async waitFor(ids: readonly string[], stallMs = 60_000): Promise<void> {
    const remaining = new Set(ids.filter((id) => !this.handled.has(id)));
    let lastProgress = Date.now();
    while (remaining.size > 0) {
      if (this.exited) throw new Error(`runner exited with ${remaining.size} events unhandled`);
      if (Date.now() - lastProgress > stallMs)
        throw new Error(`${remaining.size} events not handled after ${stallMs} ms`);
      await new Promise<void>((resolve) => {
        this.progress = resolve;
        setTimeout(resolve, 1000);
      });
      const before = remaining.size;
      for (const id of remaining) if (this.handled.has(id)) remaining.delete(id);
      if (remaining.size < before) lastProgress = Date.now();
    }
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    this.stopping = true;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.send({ type: 'stop' } satisfies ParentMessage);
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(killer);
  }
}
