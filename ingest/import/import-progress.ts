// Shows how an import advances. On a terminal: a bar by bytes read of the files' sizes, with
// rows, rows/s and ETA; an import of many files (a day of GDELT is 96) is one bar over all of
// them, naming the file being read. Otherwise (a log, a pipe, a test), and for standard input,
// whose size is unknown: a plain line every PLAIN_EVERY rows. Both go to stderr, leaving
// stdout to the summary.
import type { Writable } from "node:stream";
import { Presets, SingleBar } from "cli-progress";

const PLAIN_EVERY = 5_000;

export interface ImportInput {
  file: string;
  /** Undefined for standard input. */
  size: number | undefined;
}

export interface ProgressSink {
  /** Every input of the run, before the first is read. */
  startImport?(inputs: readonly ImportInput[]): void;
  /** A new file is being read; `bytesRead` says how far. */
  startFile(file: string, size: number | undefined, bytesRead: () => number): void;
  /** `rows` rows of the current file have been written. */
  rowsDone(rows: number): void;
  endFile(rows: number): void;
  /** A line to show between files or around them (the bulk path's notes). */
  note?(text: string): void;
}

export function createProgress(stream: Writable & { isTTY?: boolean }): ProgressSink {
  return stream.isTTY ? new TerminalProgress(stream) : new PlainProgress(stream);
}

/** For imports that show nothing (tests calling runImport). */
export const NO_PROGRESS: ProgressSink = { startFile() {}, rowsDone() {}, endFile() {} };

class PlainProgress implements ProgressSink {
  private file = "";
  private size: number | undefined;
  private bytesRead: () => number = () => 0;
  private startedAt = 0;
  private reported = 0;
  private files = 0;
  private fileNumber = 0;

  constructor(private readonly stream: Writable) {}

  startImport(inputs: readonly ImportInput[]): void {
    this.files = inputs.length;
  }

  startFile(file: string, size: number | undefined, bytesRead: () => number): void {
    Object.assign(this, { file, size, bytesRead, startedAt: performance.now(), reported: 0 });
    this.fileNumber += 1;
  }

  rowsDone(rows: number): void {
    if (rows - this.reported < PLAIN_EVERY) return;
    this.reported = rows;
    const share = this.size ? `, ${Math.floor((100 * this.bytesRead()) / this.size)}%` : "";
    const which = this.files > 1 ? `file ${this.fileNumber} of ${this.files}, ` : "";
    this.stream.write(`import: ${which}${this.file}: ${rows.toLocaleString("en")} rows (${rate(rows, this.startedAt)} rows/s${share})\n`);
  }

  endFile(): void {}

  note(text: string): void {
    this.stream.write(`import: ${text}\n`);
  }
}

class TerminalProgress implements ProgressSink {
  private bar: SingleBar | undefined;
  private plain: PlainProgress;
  private bytesRead: () => number = () => 0;
  private startedAt = 0;
  /** Set for a run of several files of known sizes: the one bar over all of them. */
  private overall: OverallProgress | undefined;

  constructor(private readonly stream: Writable) {
    this.plain = new PlainProgress(stream);
  }

  startImport(inputs: readonly ImportInput[]): void {
    this.plain.startImport(inputs);
    const sizes = inputs.map((input) => input.size);
    if (inputs.length < 2 || sizes.some((size) => size === undefined)) return;
    this.overall = new OverallProgress(this.stream, inputs as { file: string; size: number }[]);
  }

  startFile(file: string, size: number | undefined, bytesRead: () => number): void {
    if (this.overall) return this.overall.startFile(file, bytesRead);
    if (size === undefined) {
      this.plain.startFile(file, size, bytesRead);
      return;
    }
    this.bytesRead = bytesRead;
    this.startedAt = performance.now();
    this.bar = new SingleBar(
      { stream: this.stream, format: `${file} [{bar}] {percentage}% | {rows} rows | {speed} rows/s | ETA {eta_formatted}`, hideCursor: true, etaBuffer: 20 },
      Presets.shades_classic,
    );
    this.bar.start(size, 0, { rows: 0, speed: 0 });
  }

  rowsDone(rows: number): void {
    if (this.overall) return this.overall.rowsDone(rows);
    if (!this.bar) return this.plain.rowsDone(rows);
    this.bar.update(this.bytesRead(), { rows: rows.toLocaleString("en"), speed: rate(rows, this.startedAt) });
  }

  note(text: string): void {
    this.plain.note(text);
  }

  endFile(rows: number): void {
    if (this.overall) return this.overall.endFile(rows);
    if (!this.bar) return;
    this.bar.update(this.bar.getTotal(), { rows: rows.toLocaleString("en"), speed: rate(rows, this.startedAt) });
    this.bar.stop();
    this.bar = undefined;
  }
}

/** One bar by bytes over every file of a run, with the rows of all of them. */
class OverallProgress {
  private readonly bar: SingleBar;
  private readonly total: number;
  private readonly startedAt = performance.now();
  private bytesBefore = 0;
  private rowsBefore = 0;
  private fileNumber = 0;
  private bytesRead: () => number = () => 0;

  constructor(
    stream: Writable,
    private readonly inputs: readonly { file: string; size: number }[],
  ) {
    this.total = inputs.reduce((sum, input) => sum + input.size, 0);
    this.bar = new SingleBar(
      {
        stream,
        format: `{files} [{bar}] {percentage}% | {rows} rows | {speed} rows/s | ETA {eta_formatted} | {file}`,
        hideCursor: true,
        etaBuffer: 20,
      },
      Presets.shades_classic,
    );
    this.bar.start(this.total, 0, { files: `file 0 of ${inputs.length}`, file: "", rows: 0, speed: 0 });
  }

  startFile(file: string, bytesRead: () => number): void {
    this.fileNumber += 1;
    this.bytesRead = bytesRead;
    this.bar.update(this.bytesBefore, { files: `file ${this.fileNumber} of ${this.inputs.length}`, file });
  }

  rowsDone(rows: number): void {
    const all = this.rowsBefore + rows;
    this.bar.update(this.bytesBefore + this.bytesRead(), { rows: all.toLocaleString("en"), speed: rate(all, this.startedAt) });
  }

  endFile(rows: number): void {
    this.rowsBefore += rows;
    this.bytesBefore += this.inputs[this.fileNumber - 1]?.size ?? 0;
    this.bar.update(this.bytesBefore, { rows: this.rowsBefore.toLocaleString("en"), speed: rate(this.rowsBefore, this.startedAt) });
    if (this.fileNumber === this.inputs.length) this.bar.stop();
  }
}

function rate(rows: number, since: number): string {
  const seconds = (performance.now() - since) / 1000;
  return seconds > 0 ? Math.round(rows / seconds).toLocaleString("en") : "–";
}
