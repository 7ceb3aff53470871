import { createHash } from 'node:crypto';

/**
 * SHA-256 of a document's bytes, lowercase hex: what the store records for every version and
 * what a signature covers in place of the whole document, so a QR code stays small yet binds
 * the full content (change one byte of the file and the hash, hence the signature check, fails).
 */
export function sha256Hex(content: Uint8Array | string): string {
  return createHash('sha256').update(content).digest('hex');
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
