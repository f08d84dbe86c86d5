/**
 * Reading the scenario file for the CLI with bounded work: only a regular file (a FIFO, a device such
 * as /dev/zero or a directory is refused before it is opened for reading, so nothing blocks or fills
 * memory), at most the size Import accepts, read in bounded chunks, a UTF-8 byte order mark dropped
 * as Import drops it.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { MAX_SCENARIO_FILE_BYTES } from '../io/scenario-export';
import type { CliText, CliWord, Words } from './words';

/** A refusal is one of the CLI's lines (said in the language of --lang). */
export type ReadResult = { ok: true; text: string } | { ok: false; error: CliText };

function kindOf(st: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): CliWord {
  if (st.isDirectory()) return 'kind.directory';
  if (st.isFIFO()) return 'kind.fifo';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'kind.device';
  if (st.isSocket()) return 'kind.socket';
  return 'kind.other';
}

/** `cannot read PATH: WHY`, WHY being one of the CLI's lines or the system's error code (ENOENT) as it is. */
const cannot = (path: string, why: Words | string): { ok: false; error: CliText } => ({ ok: false, error: { key: 'cannotRead', params: { path, why } } });

export function readScenarioFile(path: string, maxBytes = MAX_SCENARIO_FILE_BYTES): ReadResult {
  const tooBig = (n?: number) =>
    cannot(path, n === undefined ? { key: 'tooBigMore', params: { max: maxBytes } } : { key: 'tooBig', params: { size: n, max: maxBytes } });
  let fd: number | undefined;
  try {
    // stat, not open: opening a FIFO for reading would wait for a writer.
    const st = statSync(path);
    if (!st.isFile()) return cannot(path, { key: 'notRegular', params: { kind: { key: kindOf(st) } } });
    if (st.size > maxBytes) return tooBig(st.size);
    // O_NONBLOCK in case the path was swapped for a FIFO since the stat; fstat checks what was opened.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const opened = fstatSync(fd);
    if (!opened.isFile()) return cannot(path, { key: 'notRegular', params: { kind: { key: kindOf(opened) } } });
    const buf = Buffer.alloc(Math.min(maxBytes + 1, Math.max(opened.size + 1, 1)));
    let len = 0;
    for (;;) {
      if (len === buf.length) {
        if (len > maxBytes) return tooBig();
        break;
      }
      const n = readSync(fd, buf, len, buf.length - len, null);
      if (n === 0) break;
      len += n;
    }
    if (len > maxBytes) return tooBig();
    return {
      ok: true,
      text: buf
        .subarray(0, len)
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
    };
  } catch (e) {
    return cannot(path, (e as NodeJS.ErrnoException).code ?? (e as Error).message);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
