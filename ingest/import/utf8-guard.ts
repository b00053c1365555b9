// Passes bytes through unchanged while checking that they are UTF-8, and counts them for the
// progress bar. A file saved in another encoding (Latin-1, Windows-1252) would otherwise be
// decoded with replacement characters and stored garbled; this stops it at the first bad
// byte, naming its line.
import { isUtf8 } from "node:buffer";
import { Transform, type TransformCallback } from "node:stream";
import { InputError } from "./import-errors.js";

const NEWLINE = 0x0a;

export class Utf8Guard extends Transform {
  /** Bytes that passed, for progress by bytes read of the file's size. */
  bytesRead = 0;
  private linesBefore = 0;
  /** The start of a character cut off by the end of the previous chunk. */
  private carry = Buffer.alloc(0);

  constructor(private readonly file: string) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const tail = incompleteTailLength(bytes);
    const complete = bytes.subarray(0, bytes.length - tail);
    if (!isUtf8(complete)) {
      done(this.invalidAt(complete, firstInvalidOffset(complete)));
      return;
    }
    this.carry = Buffer.from(bytes.subarray(bytes.length - tail));
    this.linesBefore += countNewlines(complete);
    this.bytesRead += chunk.length;
    done(null, complete);
  }

  override _flush(done: TransformCallback): void {
    done(this.carry.length > 0 ? this.invalidAt(this.carry, 0) : null);
  }

  private invalidAt(bytes: Buffer, offset: number): InputError {
    const line = this.linesBefore + countNewlines(bytes.subarray(0, offset)) + 1;
    const byte = bytes[offset]!.toString(16).toUpperCase().padStart(2, "0");
    return InputError.at(this.file, line, `not valid UTF-8 (byte 0x${byte}); save the file as UTF-8, e.g. iconv -f WINDOWS-1252 -t UTF-8`);
  }
}

function countNewlines(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) count += 1;
  return count;
}

/** Bytes at the end that begin a multi-byte character whose other bytes are still to come. */
function incompleteTailLength(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    return sequenceLength(byte) > back ? back : 0;
  }
  return 0;
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 1;
}

/** Where the first byte that does not belong to a well-formed UTF-8 character is. */
function firstInvalidOffset(bytes: Buffer): number {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at]!;
    if (lead < 0x80) {
      at += 1;
      continue;
    }
    const length = sequenceLength(lead);
    if (length === 1 || at + length > bytes.length) return at;
    const second = bytes[at + 1]!;
    // Overlong forms, UTF-16 surrogates and code points beyond U+10FFFF.
    if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f) || (lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) return at;
    for (let next = 1; next < length; next += 1) if ((bytes[at + next]! & 0xc0) !== 0x80) return at;
    at += length;
  }
  return bytes.length;
}
