/**
 * Prints, for each demo academic record that has a forged copy, the genuine QR payload of its
 * secured document and the forgery a holder might present (the same signature, a better grade),
 * to try the offline verifier and the /verify page with. Nothing is stored: the forgery exists
 * only in this output.
 *   npm run -s demo-tampered-payloads [-- --json]
 */
import { demoAcademicRecords } from '../kit/demo/academic-records';
import { forgedGrade, tamperedCopy } from '../kit/secured-documents/tampered-copy';
import { openSeededDocumentsDatabase } from '../subgraphs/documents/database';
import { Document } from '../subgraphs/documents/entities/document.entity';
import { qrPayloadOf } from '../subgraphs/documents/signing/statement-of';

async function main() {
  const records = demoAcademicRecords().filter((r) => r.tamperedCopy);
  const orm = await openSeededDocumentsDatabase();
  try {
    const em = orm.em.fork();
    const rows = [];
    for (const record of records) {
      const document = await em.findOneOrFail(Document, { id: record.documentId });
      const genuine = qrPayloadOf(document) as string;
      const grade = record.gradeAverage.toFixed(1);
      const forged = forgedGrade(grade);
      rows.push({
        documentId: record.documentId,
        verificationCode: document.verificationCode,
        change: { gradeAverage: [grade, forged] },
        genuine,
        tampered: tamperedCopy(genuine, { gradeAverage: forged }),
      });
    }
    if (process.argv.includes('--json')) {
      console.log(JSON.stringify(rows, null, 2));
      return;
    }
    for (const row of rows) {
      console.log(
        `${row.documentId} (${row.verificationCode}): gradeAverage ${row.change.gradeAverage.join(' → ')}`,
      );
      console.log(`  genuine:  ${row.genuine}`);
      console.log(`  tampered: ${row.tampered}\n`);
    }
  } finally {
    await orm.close(true);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
