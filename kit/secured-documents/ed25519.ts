import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { BoundedCache } from '../cache/bounded-cache';

/**
 * Ed25519 signing with node:crypto only (no dependency to audit or pin). Ed25519 because its
 * signatures are small (64 bytes, so they fit in a QR code beside the fields), deterministic
 * (the same key signs the same statement the same way: seeds are reproducible per installation),
 * and verifiable in any browser or phone library without parameters to agree on.
 *
 * Encodings: a public key is its raw 32 bytes in standard base64 (what the trust list
 * publishes, easy to paste into any library); a private key is PKCS#8 DER in base64 (what the
 * signing service stores, never published); a signature is 64 bytes in base64url (it travels
 * inside the URL-safe QR payload).
 */
export const ALGORITHM = 'Ed25519';

export interface SigningKeyPair {
  /** Raw 32-byte public key, base64. */
  readonly publicKey: string;
  /** PKCS#8 DER, base64. Secret: stored by the signing service only. */
  readonly privateKey: string;
}

/** DER header of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the raw key follows it. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const RAW_PUBLIC_KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;

export function generateSigningKeyPair(): SigningKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: rawPublicKey(publicKey).toString('base64'),
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
}

function rawPublicKey(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length);
}

/** The public half of a stored private key, in the trust list's encoding. */
export function publicKeyOf(privateKey: string): string {
  return rawPublicKey(createPublicKey(privateKeyObject(privateKey))).toString('base64');
}

/**
 * Parsed keys, by their encoding. Parsing a key costs ten times a signature (about 1 ms), and a
 * signing service or a verifier uses the same few dozen keys over and over. Bounded all the same.
 */
const parsed = new BoundedCache<string, KeyObject | null>(1000);

function cached(encoded: string, parse: () => KeyObject | null): KeyObject | null {
  return parsed.getOrSet(encoded, parse);
}

function privateKeyObject(privateKey: string): KeyObject {
  const key = cached(`private:${privateKey}`, () =>
    createPrivateKey({ key: Buffer.from(privateKey, 'base64'), format: 'der', type: 'pkcs8' }),
  );
  return key as KeyObject;
}

/** Null when the text is not a 32-byte key: a malformed trust-list entry verifies nothing. */
function publicKeyObject(publicKey: string): KeyObject | null {
  return cached(`public:${publicKey}`, () => {
    const raw = Buffer.from(publicKey, 'base64');
    if (raw.length !== RAW_PUBLIC_KEY_BYTES) return null;
    try {
      return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
    } catch {
      return null;
    }
  });
}

/** Signs bytes; the signature in base64url. */
export function signEd25519(privateKey: string, data: Uint8Array): string {
  return sign(null, data, privateKeyObject(privateKey)).toString('base64url');
}

/** True only for a well-formed signature of exactly these bytes by this key; never throws. */
export function verifyEd25519(publicKey: string, data: Uint8Array, signature: string): boolean {
  const key = publicKeyObject(publicKey);
  if (!key || !/^[A-Za-z0-9_-]+$/.test(signature)) return false;
  const bytes = Buffer.from(signature, 'base64url');
  if (bytes.length !== SIGNATURE_BYTES) return false;
  try {
    return verify(null, data, key, bytes);
  } catch {
    return false;
  }
}
