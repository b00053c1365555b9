// Opens what an import reads: a file, or standard input for "-". Missing and empty inputs are
// reported before anything is written, so that a typo in a file name costs nothing.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { Readable } from "node:stream";
import { InputError } from "./import-errors.js";
import { Utf8Guard } from "./utf8-guard.js";

export const STDIN = "-";

export interface OpenedInput {
  /** The bytes, checked to be UTF-8 as they stream. */
  stream: Utf8Guard;
  /** The file's size, for a progress bar; undefined for standard input. */
  size: number | undefined;
}

/** Throws an InputError when `file` does not exist, is not a file, or is empty. */
export async function checkInputFile(file: string): Promise<number | undefined> {
  if (file === STDIN) return undefined;
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw InputError.at(file, undefined, error.code === "ENOENT" ? "no such file" : `cannot be read (${error.code ?? error.message})`);
  });
  if (!info.isFile()) throw InputError.at(file, undefined, "is not a file");
  if (info.size === 0) throw InputError.at(file, undefined, "the file is empty");
  return info.size;
}

export async function openInput(file: string, stdin: Readable): Promise<OpenedInput> {
  const size = await checkInputFile(file);
  const source = file === STDIN ? stdin : createReadStream(file);
  const guard = new Utf8Guard(file);
  source.on("error", (error: Error) => guard.destroy(InputError.at(file, undefined, `cannot be read (${error.message})`)));
  return { stream: source.pipe(guard), size };
}
