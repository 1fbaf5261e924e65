import { ImportFileError } from '../src/core/import/errors';
import type { TextEncodingName } from '../src/core/import/analyze';

/** What an import reads: a picked File (a Blob), a stream, bytes, or text already decoded. */
export type ImportSource = Blob | ReadableStream<Uint8Array> | Uint8Array | string;

/** The file as text, chunk by chunk, with how it was decoded and how far reading has got. */
export interface TextReader {
  encoding: TextEncodingName;
  compressed: boolean;
  /** Size of the source in bytes (compressed size for .gz), when known. */
  totalBytes: number | null;
  bytesRead(): number;
  next(): Promise<string | null>;
  close(): Promise<void>;
}

/** How many decoded bytes decide the encoding. */
const SNIFF_BYTES = 64 * 1024;
const STRING_CHUNK = 1 << 20;

function fromString(text: string): TextReader {
  let pos = 0;
  const body = text.replace(/^\uFEFF/, '');
  return {
    encoding: 'utf-8',
    compressed: false,
    totalBytes: body.length,
    bytesRead: () => pos,
    next: async () => {
      if (pos >= body.length) return null;
      const chunk = body.slice(pos, pos + STRING_CHUNK);
      pos += chunk.length;
      return chunk;
    },
    close: async () => {},
  };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** A stream that first yields `head`, then the rest of `reader`. */
function rejoin(head: Uint8Array, reader: ReadableStreamDefaultReader<Uint8Array>, onBytes: (n: number) => void): ReadableStream<Uint8Array> {
  let sentHead = false;
  return new ReadableStream<Uint8Array>({
    async pull(ctrl) {
      if (!sentHead) {
        sentHead = true;
        if (head.length) {
          ctrl.enqueue(head);
          return;
        }
      }
      const r = await reader.read();
      if (r.done) ctrl.close();
      else {
        onBytes(r.value.length);
        ctrl.enqueue(r.value);
      }
    },
    cancel: (why) => reader.cancel(why),
  });
}

async function readAtLeast(reader: ReadableStreamDefaultReader<Uint8Array>, n: number, onBytes: (n: number) => void, wrap: (e: unknown) => Error): Promise<{ head: Uint8Array; done: boolean }> {
  const parts: Uint8Array[] = [];
  let have = 0;
  while (have < n) {
    let r: ReadableStreamReadResult<Uint8Array>;
    try {
      r = await reader.read();
    } catch (e) {
      throw wrap(e);
    }
    if (r.done) return { head: concat(parts), done: true };
    onBytes(r.value.length);
    parts.push(r.value);
    have += r.value.length;
  }
  return { head: concat(parts), done: false };
}

/**
 * UTF-8 unless the first 64 KB say otherwise: a BOM names UTF-16; bytes that are not valid
 * UTF-8 mean a Chinese Excel export (GBK), read as GB18030, its superset. NUL bytes without a
 * UTF-16 BOM mean it is not text at all.
 */
export function sniffEncoding(head: Uint8Array): TextEncodingName {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head.subarray(0, SNIFF_BYTES).includes(0)) throw new ImportFileError('not-text');
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, SNIFF_BYTES), { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** Open any source as decoded text: gunzip when it starts with 1f 8b, then pick the encoding. */
export async function openText(source: ImportSource): Promise<TextReader> {
  if (typeof source === 'string') {
    if (source.length === 0) throw new ImportFileError('empty-file');
    return fromString(source);
  }
  const blob = source instanceof Uint8Array ? new Blob([source as Uint8Array<ArrayBuffer>]) : source;
  const raw = blob instanceof Blob ? blob.stream() : blob;
  const totalBytes = blob instanceof Blob ? blob.size : null;
  let rawBytes = 0;
  const countRaw = (n: number) => (rawBytes += n);
  const asIs = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));

  const rawReader = raw.getReader();
  const first = await readAtLeast(rawReader, 2, countRaw, asIs);
  if (first.head.length === 0) throw new ImportFileError('empty-file');
  const compressed = first.head[0] === 0x1f && first.head[1] === 0x8b;
  let reader = rawReader;
  let head = first.head;
  let done = first.done;
  if (compressed) {
    const bad = () => new ImportFileError('bad-gzip');
    reader = rejoin(first.head, rawReader, countRaw).pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>).getReader();
    const r = await readAtLeast(reader, SNIFF_BYTES, () => {}, bad);
    head = r.head;
    done = r.done;
    if (head.length === 0) throw new ImportFileError('empty-file');
  } else if (!done) {
    const r = await readAtLeast(reader, SNIFF_BYTES - head.length, countRaw, asIs);
    head = concat([head, r.head]);
    done = r.done;
  }

  const encoding = sniffEncoding(head);
  // Fatal for UTF-8: a bad byte past the sniffed part stops the import with where it was.
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  let decodedBytes = 0;
  let pending: Uint8Array | null = head;
  const decode = (bytes: Uint8Array | undefined, stream: boolean): string => {
    try {
      const s = bytes ? decoder.decode(bytes, { stream }) : decoder.decode();
      decodedBytes += bytes?.length ?? 0;
      return s;
    } catch {
      throw new ImportFileError('bad-encoding', { byte: decodedBytes });
    }
  };
  let finished = false;
  return {
    encoding,
    compressed,
    totalBytes,
    bytesRead: () => rawBytes,
    async next() {
      if (finished) return null;
      if (pending) {
        const p = pending;
        pending = null;
        if (done) {
          finished = true;
          return decode(p, true) + decode(undefined, false);
        }
        return decode(p, true);
      }
      let r: ReadableStreamReadResult<Uint8Array>;
      try {
        r = await reader.read();
      } catch (e) {
        throw compressed ? new ImportFileError('bad-gzip') : asIs(e);
      }
      if (r.done) {
        finished = true;
        return decode(undefined, false);
      }
      if (!compressed) countRaw(r.value.length);
      return decode(r.value, true);
    },
    async close() {
      try {
        await reader.cancel();
      } catch {
        /* already closed */
      }
    },
  };
}
