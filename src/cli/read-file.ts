/**
 * Reading the scenario file for the CLI with bounded work: only a regular file (a FIFO, a device such
 * as /dev/zero or a directory is refused before it is opened for reading, so nothing blocks or fills
 * memory), at most the size Import accepts, read in bounded chunks, a UTF-8 byte order mark dropped
 * as Import drops it.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { MAX_SCENARIO_FILE_BYTES } from '../io/scenario-file';

export type ReadResult = { ok: true; text: string } | { ok: false; error: string };

function kindOf(st: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

export function readScenarioFile(path: string, maxBytes = MAX_SCENARIO_FILE_BYTES): ReadResult {
  const tooBig = (n: number | string) => ({ ok: false as const, error: `cannot read ${path}: it is ${n} bytes; scenario files are limited to ${maxBytes} bytes` });
  let fd: number | undefined;
  try {
    // stat, not open: opening a FIFO for reading would wait for a writer.
    const st = statSync(path);
    if (!st.isFile()) return { ok: false, error: `cannot read ${path}: ${kindOf(st)}, not a regular file` };
    if (st.size > maxBytes) return tooBig(st.size);
    // O_NONBLOCK in case the path was swapped for a FIFO since the stat; fstat checks what was opened.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const opened = fstatSync(fd);
    if (!opened.isFile()) return { ok: false, error: `cannot read ${path}: ${kindOf(opened)}, not a regular file` };
    const buf = Buffer.alloc(Math.min(maxBytes + 1, Math.max(opened.size + 1, 1)));
    let len = 0;
    for (;;) {
      if (len === buf.length) {
        if (len > maxBytes) return tooBig(`more than ${maxBytes}`);
        break;
      }
      const n = readSync(fd, buf, len, buf.length - len, null);
      if (n === 0) break;
      len += n;
    }
    if (len > maxBytes) return tooBig(`more than ${maxBytes}`);
    return { ok: true, text: buf.subarray(0, len).toString('utf8').replace(/^\uFEFF/, '') };
  } catch (e) {
    return { ok: false, error: `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
