/**
 * Normalizes a company name for substring search, the same way for stored names and for the
 * searched text: lower case, Arabic diacritics and tatweel dropped, alef/yaa/taa-marbuta forms
 * unified, and everything that is not a letter or a digit turned into a single space. What is
 * left holds no LIKE wildcard, so it can be matched portably on SQLite and PostgreSQL.
 */
export function searchKeyOf(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{M}\u0640]/gu, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The stored key of a contractor: Arabic and English names, `|` between (never in a searched key). */
export function contractorSearchKey(name: string, nameEn: string): string {
  return `${searchKeyOf(name)}|${searchKeyOf(nameEn)}`;
}
