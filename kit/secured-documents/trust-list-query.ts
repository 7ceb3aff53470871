/**
 * The GraphQL query whose `data.trustList` is a TrustList as it is (same field names), for the
 * router's `/trust-list.json`: `renderTrustListJson(parseTrustList(data.trustList))`.
 */
export const TRUST_LIST_QUERY = `query TrustList {
  trustList {
    format
    version
    publisher
    publishedAt
    issuers {
      id
      name
      nameEn
      agencyCode
      kind
      keys { keyId algorithm publicKey validFrom validUntil revokedAt revocationReason }
    }
    revocations { documentId issuerId status since reason }
  }
}`;
