import type { EntityManager } from '@mikro-orm/core';
import {
  type AcademicDocumentKind,
  DEMO_UNIVERSITIES,
  type DemoAcademicRecord,
  demoAcademicRecords,
  gradeBand,
  KEY_ROTATION_DATE,
} from '../../kit/demo/academic-records';
import { demoCitizens } from '../../kit/demo/citizens';
import { Random, seedOf } from '../../kit/demo/random';
import { AGENCIES, agencyByCode } from '../../kit/demo/reference-data';
import { DEMO_REFERENCE_DATE } from '../../kit/demo/shared-keys';
import { sha256Hex } from '../../kit/secured-documents/content-hash';
import { generateSigningKeyPair } from '../../kit/secured-documents/ed25519';
import { Document } from './entities/document.entity';
import { DocumentVersion } from './entities/document-version.entity';
import { DocumentClassification, DocumentLanguage, DocumentStatus, IssuerKind } from './entities/enums';
import { Issuer } from './entities/issuer.entity';
import { IssuerKey } from './entities/issuer-key.entity';
import { RecordRegisterCounter } from './entities/record-register-counter.entity';
import { RetentionRule } from './entities/retention-rule.entity';
import { formatRegisterNumber } from './rules/register-number.rules';
import { signDocument } from './signing/sign-document';
import { BAGHDAD_DISTRICTS, RECORD_AGENCIES, RECORD_TEMPLATES, RETENTION_SCHEDULE } from './seed-catalogue';
import { versionOf } from './store';

/**
 * The demo document store, written as of DEMO_REFERENCE_DATE:
 * - the trust list: the 33 universities (key 1 until KEY_ROTATION_DATE, then key 2: a rotation,
 *   not a revocation) and every agency (one key; the Baghdad Mayoralty's first key was revoked
 *   as leaked, so the permits it signed answer KEY_REVOKED);
 * - one secured document per demo academic record, signed by its university with the key of
 *   its generation on the day it was issued (degrees INTERNAL: shown to employers and other
 *   agencies; transcripts CONFIDENTIAL: every mark of a person), revoked ones revoked;
 * - Baghdad Mayoralty building permits (secured, PUBLIC, valid two years: some expired, one
 *   suspended), and ordinary records of ten agencies with versions and register numbers.
 *
 * Private keys are random per installation (so signatures and codes are too); everything else is
 * the same on every machine.
 */
const SEED_CLIENT = 'seed';
const BATCH = 400;
const TEXT = 'text/plain; charset=utf-8';
const AGENCY_KEYS_FROM = '2020-01-01T00:00:00.000Z';
const ROTATION = `${KEY_ROTATION_DATE}T00:00:00.000Z`;
/** The Mayoralty's first key leaked and was revoked; its second key took over the next day. */
export const REVOKED_KEY = {
  keyId: 'AMANAT-K1',
  revokedAt: '2024-06-30T09:00:00.000Z',
  validUntil: '2024-07-01T00:00:00.000Z',
  reason: 'تسرب المفتاح الخاص من خادم خرج من الخدمة (private key leaked from a decommissioned server)',
} as const;

const KIND: Record<AcademicDocumentKind, { ar: string; en: string }> = {
  DIPLOMA: { ar: 'دبلوم', en: 'Diploma' },
  BACHELOR: { ar: 'بكالوريوس', en: "Bachelor's degree" },
  MASTER: { ar: 'ماجستير', en: "Master's degree" },
  DOCTORATE: { ar: 'دكتوراه', en: 'Doctorate' },
  TRANSCRIPT: { ar: 'كشف درجات', en: 'Transcript of records' },
};

const keyIdOf = (issuerId: string, generation: number) => `${issuerId}-K${generation}`;

export async function seedDocuments(em: EntityManager): Promise<void> {
  for (const r of RETENTION_SCHEDULE) {
    em.create(RetentionRule, {
      documentType: r.type,
      name: r.ar,
      nameEn: r.en,
      retainYears: r.years,
      disposition: r.disposition,
    });
  }

  const keys = seedTrustList(em);
  await em.flush();

  await seedAcademicDocuments(em, keys);
  await seedPermits(em, keys);
  await seedRecords(em);
}

/** Issuers and keys; answers the private keys by key ID for signing the demo documents. */
function seedTrustList(em: EntityManager): Map<string, IssuerKey> {
  const keys = new Map<string, IssuerKey>();
  const addKey = (issuerId: string, generation: number, validFrom: string, validUntil: string | null) => {
    const pair = generateSigningKeyPair();
    const key = em.create(IssuerKey, {
      keyId: keyIdOf(issuerId, generation),
      issuerId,
      generation,
      algorithm: 'Ed25519',
      publicKey: pair.publicKey,
      privateKey: pair.privateKey,
      validFrom,
      validUntil,
      revokedAt: null,
      revocationReason: null,
    });
    keys.set(key.keyId, key);
    return key;
  };
  for (const u of DEMO_UNIVERSITIES) {
    em.create(Issuer, {
      id: u.code,
      name: u.ar,
      nameEn: u.en,
      agencyCode: 'MOHESR',
      kind: IssuerKind.UNIVERSITY,
    });
    addKey(u.code, 1, '1970-01-01T00:00:00.000Z', ROTATION);
    addKey(u.code, 2, ROTATION, null);
  }
  for (const a of AGENCIES) {
    em.create(Issuer, { id: a.code, name: a.ar, nameEn: a.en, agencyCode: a.code, kind: IssuerKind.AGENCY });
    if (a.code !== 'AMANAT') {
      addKey(a.code, 1, AGENCY_KEYS_FROM, null);
      continue;
    }
    const leaked = addKey(a.code, 1, AGENCY_KEYS_FROM, REVOKED_KEY.validUntil);
    leaked.revokedAt = REVOKED_KEY.revokedAt;
    leaked.revocationReason = REVOKED_KEY.reason;
    addKey(a.code, 2, REVOKED_KEY.validUntil, null);
  }
  return keys;
}

/** Essential fields of an academic record: what a verifier compares with the paper. */
export function academicFields(record: DemoAcademicRecord, holderName: string): Record<string, string> {
  return {
    holderNationalId: record.holderNationalId,
    holderName,
    degree: KIND[record.kind].ar,
    specialization: record.specialization.ar,
    graduationYear: String(record.graduationYear),
    gradeAverage: record.gradeAverage.toFixed(1),
    serialNumber: record.serialNumber,
  };
}

export function academicTitles(record: DemoAcademicRecord): { title: string; titleEn: string } {
  const kind = KIND[record.kind];
  if (record.kind === 'TRANSCRIPT') {
    return {
      title: `${kind.ar} — ${record.specialization.ar} ${record.graduationYear}`,
      titleEn: `${kind.en}, ${record.specialization.en} ${record.graduationYear}`,
    };
  }
  return {
    title: `شهادة ${kind.ar} في ${record.specialization.ar}`,
    titleEn: `${kind.en} in ${record.specialization.en}`,
  };
}

async function seedAcademicDocuments(em: EntityManager, keys: Map<string, IssuerKey>): Promise<void> {
  const citizens = new Map(demoCitizens().map((c) => [c.nationalId, c]));
  const universities = new Map(DEMO_UNIVERSITIES.map((u) => [u.code, u]));
  const ministry = agencyByCode('MOHESR');
  // Inserted in batches without the unit of work: 2,903 documents and their versions, written once.
  let batch: Document[] = [];
  let versions: DocumentVersion[] = [];
  const insert = async () => {
    if (!batch.length) return;
    await em.insertMany(Document, batch);
    await em.insertMany(DocumentVersion, versions);
    batch = [];
    versions = [];
  };
  for (const record of demoAcademicRecords()) {
    const holder = citizens.get(record.holderNationalId);
    const university = universities.get(record.universityCode);
    if (!holder || !university || !ministry)
      throw new Error(`academic record ${record.id} has unknown references`);
    const { title, titleEn } = academicTitles(record);
    const band = gradeBand(record.gradeAverage);
    const content = Buffer.from(
      [
        `جمهورية العراق — ${ministry.ar}`,
        `Republic of Iraq — ${ministry.en}`,
        `${university.ar} — ${university.en}`,
        '',
        title,
        titleEn,
        '',
        `الاسم: ${holder.fullName} / Name: ${holder.fullNameEn}`,
        `الرقم الوطني / National ID: ${record.holderNationalId}`,
        `التخصص: ${record.specialization.ar} / Specialization: ${record.specialization.en}`,
        `سنة التخرج / Graduation year: ${record.graduationYear}`,
        `المعدل: ${record.gradeAverage.toFixed(1)} (${band.ar}) / Average: ${record.gradeAverage.toFixed(1)} (${band.en})`,
        `الرقم التسلسلي / Serial number: ${record.serialNumber}`,
        `تاريخ الإصدار / Issued: ${record.issuedAt}`,
        '',
      ].join('\n'),
      'utf8',
    );
    const at = `${record.issuedAt}T07:00:00.000Z`;
    const document = Object.assign(new Document(), {
      id: record.documentId,
      title,
      titleEn,
      type: record.kind === 'TRANSCRIPT' ? 'ACADEMIC_TRANSCRIPT' : 'ACADEMIC_DEGREE',
      language: DocumentLanguage.AR_EN,
      classification:
        record.kind === 'TRANSCRIPT' ? DocumentClassification.CONFIDENTIAL : DocumentClassification.INTERNAL,
      issuingAgency: 'MOHESR',
      issuerId: record.universityCode,
      registeredNumber: null,
      createdAt: at,
      createdBy: SEED_CLIENT,
      currentVersion: 1,
      status: record.revoked ? DocumentStatus.REVOKED : DocumentStatus.ACTIVE,
      statusSince: record.revoked ? `${record.revoked.at}T07:00:00.000Z` : null,
      statusReason: record.revoked?.reason ?? null,
      signedAt: at,
      issuedAt: record.issuedAt,
      validUntil: null,
      signedFields: JSON.stringify(academicFields(record, holder.fullName)),
      signedContentHash: sha256Hex(content),
    });
    signDocument(document, keys.get(keyIdOf(record.universityCode, record.keyGeneration)) as IssuerKey);
    batch.push(document);
    versions.push(versionOf(document.id, 1, content, TEXT, at, SEED_CLIENT));
    if (batch.length === BATCH) await insert();
  }
  await insert();
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Building permits of the Baghdad Mayoralty, valid two years; signed with the key current on the day. */
async function seedPermits(em: EntityManager, keys: Map<string, IssuerKey>): Promise<void> {
  const rnd = new Random(seedOf('documents.permits'));
  const mayoralty = agencyByCode('AMANAT');
  if (!mayoralty) throw new Error('AMANAT missing from the reference data');
  let suspended = false;
  for (let n = 1; n <= 14; n++) {
    // From January 2023 to October 2026, roughly every three months.
    const issuedAt = addDays('2023-01-05', (n - 1) * 100 + rnd.int(0, 20));
    const district = rnd.pick(BAGHDAD_DISTRICTS);
    const permitNumber = `AMN-BP-${issuedAt.slice(0, 4)}-${String(rnd.int(1000, 9999))}`;
    const fields = {
      permitNumber,
      district: district.ar,
      plot: `قطعة ${rnd.int(1, 900)}/${rnd.int(1, 90)} مقاطعة ${rnd.int(1, 40)}`,
      floors: String(rnd.int(1, 4)),
      builtArea: `${rnd.int(12, 60) * 10} م²`,
    };
    const title = `رخصة بناء — ${district.ar}`;
    const titleEn = `Building permit — ${district.en}`;
    const content = Buffer.from(
      [
        `${mayoralty.ar} — ${mayoralty.en}`,
        title,
        titleEn,
        ...Object.entries(fields).map(([k, v]) => `${k}: ${v}`),
        `تاريخ الإصدار / Issued: ${issuedAt}`,
        '',
      ].join('\n'),
      'utf8',
    );
    const at = `${issuedAt}T07:00:00.000Z`;
    const key = keys.get(at < REVOKED_KEY.validUntil ? 'AMANAT-K1' : 'AMANAT-K2') as IssuerKey;
    // One permit issued with the new key is suspended after a complaint.
    const suspend: boolean = !suspended && key.keyId === 'AMANAT-K2' && issuedAt > '2025-06-01';
    suspended ||= suspend;
    const id = `DOC-PERMIT-${String(n).padStart(4, '0')}`;
    const document = em.create(Document, {
      id,
      title,
      titleEn,
      type: 'BUILDING_PERMIT',
      language: DocumentLanguage.AR_EN,
      classification: DocumentClassification.PUBLIC,
      issuingAgency: 'AMANAT',
      issuerId: 'AMANAT',
      createdAt: at,
      createdBy: SEED_CLIENT,
      currentVersion: 1,
      status: suspend ? DocumentStatus.SUSPENDED : DocumentStatus.ACTIVE,
      statusSince: suspend ? '2026-09-15T07:00:00.000Z' : null,
      statusReason: suspend
        ? 'قيد التدقيق بعد شكوى مخالفة الارتفاع (under review after a height-violation complaint)'
        : null,
      signedAt: at,
      issuedAt,
      validUntil: addDays(issuedAt, 2 * 365 - 1),
      signedFields: JSON.stringify(fields),
      signedContentHash: sha256Hex(content),
    });
    signDocument(document, key);
    em.persist(versionOf(id, 1, content, TEXT, at, SEED_CLIENT));
  }
  await em.flush();
  em.clear();
}

/** Ordinary records: several versions, most entered in the agency's register in date order. */
async function seedRecords(em: EntityManager): Promise<void> {
  const rnd = new Random(seedOf('documents.records'));
  const planned: { agency: string; date: string; template: (typeof RECORD_TEMPLATES)[number]; n: number }[] =
    [];
  for (const agency of RECORD_AGENCIES) {
    for (let n = 1; n <= 8; n++) {
      const year = rnd.int(2008, 2026);
      const month = rnd.int(1, year === 2026 ? 10 : 12);
      const date = `${year}-${String(month).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`;
      planned.push({ agency, date, template: rnd.pick(RECORD_TEMPLATES), n });
    }
  }
  const counters = new Map<string, number>();
  for (const p of [...planned].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    const agency = agencyByCode(p.agency);
    if (!agency) throw new Error(`unknown agency ${p.agency}`);
    const id = `DOC-${p.agency}-${String(p.n).padStart(4, '0')}`;
    const registered = rnd.chance(0.7);
    let registeredNumber: string | null = null;
    if (registered) {
      const year = Number(p.date.slice(0, 4));
      const key = `${p.agency}/${year}`;
      const next = (counters.get(key) ?? 0) + 1;
      counters.set(key, next);
      registeredNumber = formatRegisterNumber(p.agency, year, next);
    }
    const versions = 1 + (rnd.chance(0.35) ? 1 : 0) + (rnd.chance(0.15) ? 1 : 0);
    let day = p.date;
    for (let v = 1; v <= versions; v++) {
      if (v > 1) day = addDays(day, rnd.int(3, 60));
      if (day > DEMO_REFERENCE_DATE) day = DEMO_REFERENCE_DATE;
      const content = Buffer.from(
        [
          `${agency.ar} — ${agency.en}`,
          p.template.ar,
          p.template.en,
          `التاريخ / Date: ${day}`,
          v > 1 ? `النسخة المعدلة رقم ${v} / Revision ${v}` : 'النسخة الأصلية / Original',
          '',
        ].join('\n'),
        'utf8',
      );
      em.persist(versionOf(id, v, content, TEXT, `${day}T08:30:00.000Z`, SEED_CLIENT));
    }
    em.create(Document, {
      id,
      title: p.template.ar,
      titleEn: p.template.en,
      type: p.template.type,
      language: DocumentLanguage.AR_EN,
      classification: rnd.pick(p.template.classifications),
      issuingAgency: p.agency,
      registeredNumber,
      createdAt: `${p.date}T08:30:00.000Z`,
      createdBy: SEED_CLIENT,
      currentVersion: versions,
      status: DocumentStatus.ACTIVE,
    });
  }
  for (const [key, lastNumber] of counters) {
    const [agencyCode, year] = key.split('/') as [string, string];
    em.create(RecordRegisterCounter, { agencyCode, year: Number(year), lastNumber });
  }
  await em.flush();
  em.clear();
}
