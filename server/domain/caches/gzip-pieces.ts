import { promisify } from "node:util";
import zlib from "node:zlib";

/**
 * A gzip answer assembled from pieces compressed once and kept, rather than compressing every answer again.
 *
 * Each piece is a run of DEFLATE blocks ending byte-aligned and not final (a sync flush, or one stored block): such
 * runs, each compressed on its own, may follow one another in one DEFLATE stream. `gzipOf` puts the gzip header in
 * front, an empty final block and the trailer (CRC-32 and length of the whole) behind. The whole's CRC is combined
 * from the pieces' CRCs, so the uncompressed bytes are not read again per answer.
 */
export interface DeflatedPiece {
  /** The piece's DEFLATE blocks. */
  deflated: Buffer;
  /** CRC-32 of its uncompressed bytes. */
  crc: number;
  /** Length of its uncompressed bytes. */
  length: number;
  /** x^(8·length) modulo the CRC polynomial: what combining a CRC with this piece's needs (worked out once). */
  shift: number;
}

/** The piece's fields from its DEFLATE blocks and uncompressed bytes. */
function piece(deflated: Buffer, bytes: Buffer): DeflatedPiece {
  return { deflated, crc: zlib.crc32(bytes), length: bytes.length, shift: xPowBytes(bytes.length) };
}

const deflateRaw = promisify(zlib.deflateRaw);

/** Compress `bytes` into a piece (on libuv's thread pool; level 6). */
export async function deflatePiece(bytes: Buffer): Promise<DeflatedPiece> {
  return piece(await deflateRaw(bytes, { finishFlush: zlib.constants.Z_SYNC_FLUSH }), bytes);
}

/** Largest stored (uncompressed) DEFLATE block. */
const STORED_MAX = 0xffff;

/** `bytes` as stored DEFLATE blocks: for the few small bytes an answer adds around its cached pieces. */
export function storedPiece(bytes: Buffer): DeflatedPiece {
  const blocks: Buffer[] = [];
  for (let at = 0; at < bytes.length || blocks.length === 0; at += STORED_MAX) {
    const chunk = bytes.subarray(at, at + STORED_MAX);
    const header = Buffer.alloc(5);
    header.writeUInt16LE(chunk.length, 1); // byte 0: BFINAL 0, BTYPE 00 (stored), padding
    header.writeUInt16LE(~chunk.length & 0xffff, 3);
    blocks.push(header, chunk);
  }
  return piece(Buffer.concat(blocks), bytes);
}

/** gzip member header: magic, DEFLATE, no flags, no time, no extra flags, OS unknown. */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]);
/** An empty final block with fixed Huffman codes: BFINAL 1, BTYPE 01, end-of-block. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

/** One gzip member holding the pieces' bytes in order. */
export function gzipOf(pieces: readonly DeflatedPiece[]): Buffer {
  return Buffer.concat(gzipParts(pieces));
}

/** The same member as the buffers it is made of, in order (to be written as they are, or joined). */
export function gzipParts(pieces: readonly DeflatedPiece[]): Buffer[] {
  let crc = 0;
  let length = 0;
  for (const p of pieces) {
    crc = (multModP(p.shift, crc) ^ p.crc) >>> 0;
    length += p.length;
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length % 2 ** 32, 4);
  return [GZIP_HEADER, ...pieces.map((p) => p.deflated), FINAL_BLOCK, trailer];
}

/** The reflected CRC-32 polynomial (gzip's). */
const POLY = 0xedb88320;

/** a(x)·b(x) modulo the CRC polynomial, both in the reflected bit order CRC-32 uses. */
function multModP(a: number, b: number): number {
  let product = 0;
  for (let m = 0x80000000; m !== 0; m >>>= 1) {
    if (a & m) {
      product ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return product >>> 0;
}

/** X_POW_2N[k] = x^(2^k) modulo the polynomial. */
const X_POW_2N: number[] = [0x40000000];
for (let k = 1; k < 64; k++) X_POW_2N.push(multModP(X_POW_2N[k - 1]!, X_POW_2N[k - 1]!));

/** x^(8·bytes) modulo the polynomial: what appending `bytes` zero bytes does to a CRC. */
function xPowBytes(bytes: number): number {
  let p = 0x80000000; // x^0
  for (let k = 3; bytes > 0; bytes = Math.floor(bytes / 2), k++) if (bytes % 2 === 1) p = multModP(X_POW_2N[k % 64]!, p);
  return p;
}

/** The CRC-32 of A followed by B, from A's CRC, B's CRC and B's length. */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  return (multModP(xPowBytes(lengthB), crcA >>> 0) ^ crcB) >>> 0;
}
