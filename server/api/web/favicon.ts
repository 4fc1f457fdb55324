import { deflateSync } from "node:zlib";
import type { ZodApp } from "../types.js";

/**
 * Linnet's icon: the wordmark's mark (a blue drop, rounded on three corners) drawn at start as a 32×32 PNG and served
 * as `/favicon.ico` (an ICO holding the PNG, which every current browser reads) and as `/favicon.svg` for the pages'
 * `<link rel="icon">`. Drawn in code so the repository holds no binary file.
 */
const SIZE = 32;
const COLOR = [0x2f, 0x6f, 0xed] as const;

/** Whether pixel (x, y) lies in the mark: corners rounded to a full circle, except the square bottom-left quarter. */
function inMark(x: number, y: number): boolean {
  const r = SIZE / 2;
  const cx = x + 0.5;
  const cy = y + 0.5;
  return (cx < r && cy >= r) || (cx - r) ** 2 + (cy - r) ** 2 <= r * r;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** The mark as an RGBA PNG. */
function markPng(): Buffer {
  const rows: number[] = [];
  for (let y = 0; y < SIZE; y++) {
    rows.push(0); // filter: none
    for (let x = 0; x < SIZE; x++) rows.push(...COLOR, inMark(x, y) ? 255 : 0);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(Buffer.from(rows))), chunk("IEND", Buffer.alloc(0))]);
}

/** An ICO file with one PNG image. */
function icoOf(png: Buffer): Buffer {
  const head = Buffer.alloc(22);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2); // icon
  head.writeUInt16LE(1, 4); // one image
  head.writeUInt8(SIZE, 6);
  head.writeUInt8(SIZE, 7);
  head.writeUInt16LE(1, 10); // planes
  head.writeUInt16LE(32, 12); // bits per pixel
  head.writeUInt32LE(png.length, 14);
  head.writeUInt32LE(22, 18); // offset
  return Buffer.concat([head, png]);
}

const ICO = icoOf(markPng());
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><path fill="#2f6fed" d="M16 0a16 16 0 0 1 16 16a16 16 0 0 1-16 16H0V16A16 16 0 0 1 16 0z"/></svg>`;

/** `GET /favicon.ico` and `/favicon.svg`, for every page. */
export function registerFavicon(app: ZodApp): void {
  const hide = { schema: { hide: true } };
  app.get("/favicon.ico", hide, async (_req, reply) =>
    reply.type("image/x-icon").header("cache-control", "public, max-age=86400").send(ICO),
  );
  app.get("/favicon.svg", hide, async (_req, reply) =>
    reply.type("image/svg+xml").header("cache-control", "public, max-age=86400").send(SVG),
  );
}
