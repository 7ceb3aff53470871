import { urError } from '../../../kit/errors/ur-error';

/**
 * What an upload must be before anything is stored. Every check runs before the first write, so
 * bad input changes nothing.
 */
export const MAX_CONTENT_BYTES = 1024 * 1024;
const MAX_TITLE = 300;
const MEDIA_TYPE = /^[a-z]+\/[a-z0-9.+-]+(\s*;\s*charset=[a-z0-9-]+)?$/i;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;

/**
 * Base64 content → bytes, at most 1 MiB. Oversized content is BAD_USER_INPUT with
 * `maximumBytes` (the catalogue's PAYLOAD_TOO_LARGE is for whole HTTP bodies refused by the router).
 */
export function decodeContent(contentBase64: string, argument: string): Buffer {
  const text = contentBase64.replace(/\s+/g, '');
  // Measured before decoding: 3 bytes per 4 characters, less the padding.
  const bytes = Math.floor((text.length * 3) / 4) - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0);
  if (bytes > MAX_CONTENT_BYTES) {
    throw urError(
      'BAD_USER_INPUT',
      `The content is ${bytes} bytes; at most ${MAX_CONTENT_BYTES} bytes (1 MiB) are accepted.`,
      { argument, maximumBytes: MAX_CONTENT_BYTES, actualBytes: bytes },
    );
  }
  if (!text || !BASE64.test(text)) {
    throw urError('BAD_USER_INPUT', `${argument} must be non-empty standard base64.`, { argument });
  }
  return Buffer.from(text, 'base64');
}

export function assertMediaType(mediaType: string, argument: string): string {
  const trimmed = mediaType.trim();
  if (trimmed.length > 100 || !MEDIA_TYPE.test(trimmed)) {
    throw urError(
      'BAD_USER_INPUT',
      `"${mediaType}" is not a media type; use e.g. application/pdf or text/plain; charset=utf-8.`,
      { argument },
    );
  }
  return trimmed;
}

export function assertTitle(title: string, argument: string): string {
  const trimmed = title.trim();
  if (!trimmed || trimmed.length > MAX_TITLE) {
    throw urError('BAD_USER_INPUT', `${argument} must be 1 to ${MAX_TITLE} characters.`, { argument });
  }
  return trimmed;
}

/** The text of textual content (text/*, JSON, XML), else null. */
export function textOf(bytes: Buffer, mediaType: string): string | null {
  return /^(text\/|application\/(json|xml)\b)/i.test(mediaType) ? bytes.toString('utf8') : null;
}

/** The parts every new document's input shares (upload and secured issue), each validated. */
export function documentContentOf(input: {
  title: string;
  titleEn?: string | null;
  mediaType: string;
  contentBase64: string;
}): { title: string; titleEn: string | null; mediaType: string; bytes: Buffer } {
  return {
    title: assertTitle(input.title, 'input.title'),
    titleEn: input.titleEn ? assertTitle(input.titleEn, 'input.titleEn') : null,
    mediaType: assertMediaType(input.mediaType, 'input.mediaType'),
    bytes: decodeContent(input.contentBase64, 'input.contentBase64'),
  };
}
