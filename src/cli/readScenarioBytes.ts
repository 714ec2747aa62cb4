import { constants, fstatSync, openSync, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { Socket } from 'node:net';
import { isatty } from 'node:tty';
import { tooLarge } from '../scenario/decodeFile.ts';
import { LIMITS } from '../scenario/limits.ts';
import { CliError } from './cliError.ts';

/**
 * How long a pipe may stay silent before the read gives up. Opening a pipe never waits for
 * its writer, so without this a pipe nobody writes to would hold the command forever.
 */
export const PIPE_IDLE_MS = 10_000;

/**
 * The bytes of `path` (as given, for messages; `full` resolved), at most LIMITS.fileBytes of
 * them. A regular file's size is checked before it is read. A named pipe, or /dev/stdin fed
 * by a pipe or socket, is read to its end, failing when it grows past the limit or stays silent
 * for `idleMs`; a terminal is refused at once, since a scenario is not typed in.
 */
export async function readScenarioBytes(
  path: string,
  full: string,
  idleMs = PIPE_IDLE_MS,
): Promise<Uint8Array> {
  let info: Stats;
  try {
    info = await stat(full);
  } catch (error) {
    throw new CliError(`${path}: ${readFailure(error)}`);
  }
  if (info.isFIFO() || info.isSocket())
    return readStream(path, await streamOf(path, full, info), idleMs);
  if (info.isDirectory()) throw new CliError(`${path}: not a file.`);
  let handle: FileHandle;
  try {
    handle = await open(full, 'r');
  } catch (error) {
    throw new CliError(`${path}: ${readFailure(error)}`);
  }
  try {
    if (info.isFile()) {
      const { size } = await handle.stat();
      if (size > LIMITS.fileBytes) throw new CliError(`${path}: ${tooLarge(size)}`);
      return await handle.readFile();
    }
    if (isatty(handle.fd)) {
      throw new CliError(
        `${path}: a terminal, not a file; pipe the scenario in (cat FILE | shortfall …) or give its path.`,
      );
    }
    // A device such as /dev/null or /dev/zero: read no more than a scenario may hold.
    return await readBounded(path, handle);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${path}: ${readFailure(error)}`);
  } finally {
    await handle.close();
  }
}

/** A pipe opened without waiting for its writer, or standard input when `path` names it. */
async function streamOf(path: string, full: string, info: Stats): Promise<Socket> {
  if (isStandardInput(info)) return new Socket({ fd: 0, readable: true, writable: false });
  if (info.isSocket()) throw new CliError(`${path}: a socket, which cannot be read by name.`);
  try {
    // A plain descriptor, owned by the socket from here on, which closes it when destroyed.
    const fd = openSync(full, constants.O_RDONLY | constants.O_NONBLOCK);
    return new Socket({ fd, readable: true, writable: false });
  } catch (error) {
    throw new CliError(`${path}: ${readFailure(error)}`);
  }
}

function isStandardInput(info: Stats): boolean {
  try {
    const stdin = fstatSync(0);
    return stdin.dev === info.dev && stdin.ino === info.ino;
  } catch {
    return false;
  }
}

function readStream(path: string, stream: Socket, idleMs: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const fail = (message: string) => {
      clearTimeout(idle);
      stream.destroy();
      reject(new CliError(`${path}: ${message}`));
    };
    const silent = () => fail(`nothing arrived for ${idleMs / 1000} s; is anything writing to it?`);
    let idle = setTimeout(silent, idleMs);
    stream.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > LIMITS.fileBytes) return fail(overLimit());
      chunks.push(chunk);
      clearTimeout(idle);
      idle = setTimeout(silent, idleMs);
    });
    stream.on('end', () => {
      clearTimeout(idle);
      stream.destroy();
      resolve(Buffer.concat(chunks));
    });
    stream.on('error', (error) => fail(readFailure(error)));
  });
}

async function readBounded(path: string, handle: FileHandle): Promise<Uint8Array> {
  const buffer = Buffer.alloc(LIMITS.fileBytes + 1);
  let total = 0;
  for (;;) {
    const { bytesRead } = await handle.read(buffer, total, buffer.length - total, null);
    if (bytesRead === 0) return buffer.subarray(0, total);
    total += bytesRead;
    if (total > LIMITS.fileBytes) throw new CliError(`${path}: ${overLimit()}`);
  }
}

/** A stream's size is not known until it ends, so only the limit it passed can be named. */
function overLimit(): string {
  const mb = (LIMITS.fileBytes / 1024 / 1024).toFixed(1);
  return `more than ${mb} MB arrived, the most a scenario file may hold. Check that this is a scenario file.`;
}

function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file.';
  if (code === 'EISDIR') return 'not a file.';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied.';
  return `cannot be read (${error instanceof Error ? error.message : String(error)}).`;
}
