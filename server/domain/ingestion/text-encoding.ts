/** Text encoding of an uploaded CSV: UTF-8 (with or without a BOM) or, when the bytes are not valid UTF-8, Windows-1252. */
import { isUtf8 } from "node:buffer";
import { fail, ok, type Result } from "../errors.js";

/** The decoded upload: what csv-parse reads, and a short decoded sample for sniffing the delimiter. */
export interface DecodedText {
  /** The detected encoding. */
  encoding: "utf-8" | "windows-1252";
  /** UTF-8 bytes without their BOM (parsed as they are, no copy), or the text decoded from Windows-1252. */
  input: Buffer | string;
  /** The beginning of the text, for delimiter detection. */
  sample: string;
  /** True when the sample is the whole text. */
  complete: boolean;
}

/** Bytes of the text sample. */
const SAMPLE_BYTES = 64 * 1024;

/** True when the bytes have a NUL in their first 4 KB: a binary file, not text. */
function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 4096);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

/** True when there is nothing but whitespace. */
function isBlank(bytes: Uint8Array, from: number): boolean {
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b !== 32 && b !== 9 && b !== 10 && b !== 13) return false;
  }
  return true;
}

// Windows-1252's characters for bytes 0x80–0x9F (0x81, 0x8D, 0x8F, 0x90 and 0x9D are unassigned and stay as they are).
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
const C1_CONTROLS = /[\u0080-\u009f]/g;

/**
 * Windows-1252 text. Node 20.18.3+ decodes "windows-1252" as Latin-1, giving C1 controls for 0x80–0x9F
 * (nodejs/node#60888); those are mapped to the real characters (€, smart quotes, dashes…), which is a no-op where
 * the decoder is right.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const text = new TextDecoder("windows-1252").decode(bytes);
  return text.replace(C1_CONTROLS, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/** Detect the encoding of CSV bytes and prepare them for the parser. */
export function decodeCsvBytes(bytes: Uint8Array): Result<DecodedText> {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail("invalid_request", "The file is UTF-16 text; export it as CSV (UTF-8 or Windows) or as XLSX");
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (isBlank(bytes, bom)) return fail("invalid_request", "The file is empty");
  if (looksBinary(bytes)) return fail("invalid_request", "The file is not a CSV or XLSX file (it contains binary data)");
  const body = Buffer.from(bytes.buffer, bytes.byteOffset + bom, bytes.byteLength - bom);
  if (isUtf8(body)) {
    const sample = new TextDecoder("utf-8").decode(body.subarray(0, SAMPLE_BYTES));
    return ok({ encoding: "utf-8", input: body, sample, complete: body.length <= SAMPLE_BYTES });
  }
  const text = decodeWindows1252(body);
  return ok({ encoding: "windows-1252", input: text, sample: text.slice(0, SAMPLE_BYTES), complete: text.length <= SAMPLE_BYTES });
}
