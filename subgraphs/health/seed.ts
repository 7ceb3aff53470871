import type { EntityManager } from '@mikro-orm/core';
import { demoCitizens } from '../../kit/demo/citizens';
import { Random, seedOf } from '../../kit/demo/random';
import { GOVERNORATES } from '../../kit/demo/reference-data';
import { DEMO_REFERENCE_DATE } from '../../kit/demo/shared-keys';
import { CommitteeDecision } from './entities/committee-decision.entity';
import { DisabilityRecord } from './entities/disability-record.entity';
import { DecisionKind, DISABILITY_TYPE_AR, DisabilityStatus, DisabilityType } from './entities/enums';
import { MedicalCommittee } from './entities/medical-committee.entity';

export const DEMO_DISABILITY_RECORD_COUNT = 240;
const APPEALS_COMMITTEE = 'MC-BGD-2';

/** Governorates with a second committee: its name, and whether it still sits. Baghdad's hears appeals. */
const SECOND_COMMITTEES: Record<string, { ar: string; en: string; active: boolean }> = {
  BGD: { ar: 'اللجنة الطبية الاستئنافية في', en: 'Appeals Medical Committee', active: true },
  BSR: { ar: 'اللجنة الطبية الفرعية في', en: 'Branch Medical Committee', active: true },
  NIN: { ar: 'اللجنة الطبية الفرعية في', en: 'Branch Medical Committee', active: false },
  DQR: { ar: 'اللجنة الطبية الفرعية في', en: 'Branch Medical Committee', active: true },
};

/** Percentage range committees usually give, per type. */
const PERCENTAGE_RANGE: Record<DisabilityType, [number, number]> = {
  PHYSICAL: [20, 100],
  VISUAL: [30, 100],
  HEARING: [20, 80],
  SPEECH: [15, 60],
  INTELLECTUAL: [30, 100],
  PSYCHIATRIC: [25, 90],
  MULTIPLE: [50, 100],
};

const TYPE_WEIGHTS: [DisabilityType, number][] = [
  [DisabilityType.PHYSICAL, 35],
  [DisabilityType.VISUAL, 14],
  [DisabilityType.HEARING, 12],
  [DisabilityType.SPEECH, 5],
  [DisabilityType.INTELLECTUAL, 12],
  [DisabilityType.PSYCHIATRIC, 10],
  [DisabilityType.MULTIPLE, 12],
];

const NOTES: Record<DisabilityType, string[]> = {
  PHYSICAL: [
    'بتر في الطرف السفلي الأيسر فوق الركبة إثر انفجار عبوة ناسفة',
    'شلل نصفي أيمن إثر جلطة دماغية',
    'إصابة في الحبل الشوكي على مستوى الفقرات القطنية أدت إلى شلل سفلي',
    'ضمور عضلي تدريجي في الأطراف الأربعة',
    'تيبس مفصل الورك الأيمن بعد كسر مضاعف لم يلتئم',
    'بتر في الطرف العلوي الأيمن تحت المرفق',
  ],
  VISUAL: [
    'فقدان البصر الكلي في العينين',
    'ضعف بصر شديد، حدة البصر أقل من 6/60 في العين الأفضل بعد التصحيح',
    'اعتلال شبكية سكري متقدم في العينين',
    'فقدان البصر في العين اليسرى مع ضعف في اليمنى إثر إصابة بشظية',
  ],
  HEARING: [
    'صمم حسي عصبي ثنائي الجانب',
    'ضعف سمع شديد، فقدان 75 ديسيبل في الأذن الأفضل',
    'ضعف سمع توصيلي مزمن في الأذنين بعد التهابات متكررة',
  ],
  SPEECH: [
    'تلعثم شديد مع اضطراب في النطق',
    'فقدان القدرة على الكلام إثر استئصال الحنجرة',
    'حبسة كلامية تعبيرية بعد جلطة دماغية',
  ],
  INTELLECTUAL: [
    'إعاقة ذهنية متوسطة (متلازمة داون)',
    'تأخر ذهني بسيط، معامل الذكاء 62',
    'إعاقة ذهنية شديدة مع حاجة دائمة إلى الرعاية',
    'اضطراب طيف التوحد مع تأخر ذهني',
  ],
  PSYCHIATRIC: [
    'فصام مزمن مستقر تحت العلاج الدوائي',
    'اضطراب ثنائي القطب مع نوبات متكررة',
    'اضطراب ما بعد الصدمة مزمن إثر أعمال إرهابية',
    'اكتئاب شديد مقاوم للعلاج',
  ],
  MULTIPLE: [
    'شلل دماغي مع ضعف بصر',
    'إصابة انفجار: بتر الطرف العلوي الأيمن مع ضعف سمع في الأذنين',
    'إعاقة ذهنية مع شلل سفلي',
    'فقدان البصر مع اعتلال أعصاب طرفية سكري في القدمين',
  ],
};

const CARE = [
  'يحتاج إلى مرافق في تنقلاته',
  'يستخدم كرسيًا متحركًا',
  'يراجع العيادة الاستشارية كل ستة أشهر',
  'لا يستطيع مزاولة عمله السابق',
  'يحتاج إلى جهاز تعويضي',
];

const GROUNDS: Record<DecisionKind, string> = {
  INITIAL: 'وبعد الفحص السريري والاطلاع على التقارير الطبية والفحوصات الشعاعية والمختبرية',
  REVIEW: 'وبعد إعادة الفحص في موعد المراجعة الدورية ومقارنة الحالة بالقرار السابق',
  APPEAL: 'وبعد النظر في اعتراض المعني على القرار السابق وإعادة فحصه من قبل أعضاء اللجنة',
  REVOCATION: 'وبعد إعادة الفحص تبيّن تحسّن الحالة وزوال سبب العجز',
};

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function addYears(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`.replace(/-02-29$/, '-02-28');
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

function weighted<T>(rnd: Random, items: readonly [T, number][]): T {
  let roll = rnd.next() * items.reduce((sum, [, w]) => sum + w, 0);
  for (const [item, w] of items) {
    roll -= w;
    if (roll < 0) return item;
  }
  return items[items.length - 1]![0];
}

function percentageFor(rnd: Random, type: DisabilityType): number {
  const [min, max] = PERCENTAGE_RANGE[type];
  return rnd.int(min / 5, max / 5) * 5;
}

function minutesOf(
  kind: DecisionKind,
  session: string,
  type: DisabilityType,
  percentage: number,
  reviewDate: string | null,
  unanimous: boolean,
): string {
  const vote = unanimous ? 'بالإجماع' : 'بالأغلبية';
  const outcome =
    kind === DecisionKind.REVOCATION
      ? `قررت اللجنة ${vote} إلغاء شهادة العجز وتقدير نسبة العجز المتبقية بـ ${percentage}%.`
      : `قررت اللجنة ${vote} تحديد نسبة العجز بـ ${percentage}% (${DISABILITY_TYPE_AR[type]})، ${
          reviewDate ? `على أن يعاد الفحص بتاريخ ${reviewDate}.` : 'وتعدّ الحالة دائمية لا تستوجب إعادة الفحص.'
        }`;
  return `اجتمعت اللجنة بتاريخ ${session} ${GROUNDS[kind]}، ${outcome}`;
}

interface Drafted {
  kind: DecisionKind;
  session: string;
  type: DisabilityType;
  percentage: number;
  permanent: boolean;
  reviewDate: string | null;
}

/**
 * A record's history, at most three decisions: INITIAL, then an appeal soon after or a review
 * when due (unless the citizen lets it lapse), perhaps a revocation; never on or after the
 * reference date.
 */
function historyOf(rnd: Random): { decisions: Drafted[]; reviewPending: boolean } {
  const type = weighted(rnd, TYPE_WEIGHTS);
  const out: Drafted[] = [];
  let session = addDays('2018-06-01', rnd.int(0, daysBetween('2018-06-01', DEMO_REFERENCE_DATE) - 30));
  let kind = DecisionKind.INITIAL;
  let percentage = percentageFor(rnd, type);
  for (;;) {
    const permanent =
      kind === DecisionKind.REVOCATION ||
      rnd.chance(type === DisabilityType.INTELLECTUAL || type === DisabilityType.MULTIPLE ? 0.5 : 0.25);
    const reviewDate = permanent ? null : addYears(session, rnd.pick([1, 2, 2, 3]));
    const drafted: Drafted = { kind, session, type, percentage, permanent, reviewDate };
    out.push(drafted);
    if (out.length === 3 || kind === DecisionKind.REVOCATION) break;
    if (rnd.chance(0.2)) {
      kind = DecisionKind.APPEAL;
      session = addDays(drafted.session, rnd.int(20, 120));
    } else if (reviewDate && rnd.chance(0.85)) {
      kind = rnd.chance(0.1) ? DecisionKind.REVOCATION : DecisionKind.REVIEW;
      session = addDays(reviewDate, rnd.int(-30, 240));
    } else break;
    if (session >= DEMO_REFERENCE_DATE) {
      // The review is due (perhaps overdue) and booked for a session after the reference date.
      return { decisions: out, reviewPending: kind === DecisionKind.REVIEW };
    }
    percentage =
      kind === DecisionKind.REVOCATION
        ? rnd.int(0, 3) * 5
        : Math.min(100, Math.max(5, percentage + rnd.int(-2, 3) * 5));
  }
  return { decisions: out, reviewPending: false };
}

/** Medical committees of every governorate, and the disability records and decisions of 240 citizens. */
export async function seedHealth(em: EntityManager): Promise<void> {
  const rnd = new Random(seedOf('health'));
  // Active committees that hear first assessments and reviews, per governorate.
  const committeesOf = new Map<string, MedicalCommittee[]>();
  let appeals: MedicalCommittee | undefined;
  for (const g of GOVERNORATES) {
    const main = em.create(MedicalCommittee, {
      id: `MC-${g.code}-1`,
      name: `اللجنة الطبية الرئيسية في ${g.ar}`,
      nameEn: `Main Medical Committee, ${g.en}`,
      governorateCode: g.code,
      active: true,
    });
    const list = [main];
    const second = SECOND_COMMITTEES[g.code];
    if (second) {
      const c = em.create(MedicalCommittee, {
        id: `MC-${g.code}-2`,
        name: `${second.ar} ${g.ar}`,
        nameEn: `${second.en}, ${g.en}`,
        governorateCode: g.code,
        active: second.active,
      });
      if (c.id === APPEALS_COMMITTEE) appeals = c;
      else if (c.active) list.push(c);
    }
    committeesOf.set(g.code, list);
  }

  let decisionSerial = 0;
  const citizens = rnd.sample(demoCitizens(), DEMO_DISABILITY_RECORD_COUNT);
  citizens.forEach((citizen, index) => {
    const local = committeesOf.get(citizen.governorate) ?? [];
    const { decisions: history, reviewPending } = historyOf(rnd);
    let last: CommitteeDecision | undefined;
    let committee: MedicalCommittee | undefined;
    for (const d of history) {
      // Baghdad's appeals go to its appeals committee; elsewhere the governorate's committees hear them.
      const baghdadAppeal = d.kind === DecisionKind.APPEAL && citizen.governorate === 'BGD';
      committee = baghdadAppeal && appeals ? appeals : rnd.pick(local);
      decisionSerial += 1;
      const hour = String(rnd.int(6, 11)).padStart(2, '0');
      const minute = String(rnd.int(0, 59)).padStart(2, '0');
      last = em.create(CommitteeDecision, {
        id: `CD-${String(decisionSerial).padStart(6, '0')}`,
        citizenNationalId: citizen.nationalId,
        committeeId: committee.id,
        sessionDate: d.session,
        kind: d.kind,
        disabilityType: d.type,
        percentage: d.percentage,
        permanent: d.permanent,
        reviewDate: d.reviewDate,
        deliberations: minutesOf(d.kind, d.session, d.type, d.percentage, d.reviewDate, rnd.chance(0.8)),
        createdAt: `${d.session}T${hour}:${minute}:00.000Z`,
      });
    }
    if (!last || !committee) throw new Error('a seeded history has at least its INITIAL decision');
    const notes = `${rnd.pick(NOTES[last.disabilityType])}. ${rnd.pick(CARE)}.`;
    let status = last.kind === DecisionKind.REVOCATION ? DisabilityStatus.REVOKED : DisabilityStatus.ACTIVE;
    let updatedAt = last.createdAt;
    if (status === DisabilityStatus.ACTIVE && last.reviewDate && last.reviewDate < DEMO_REFERENCE_DATE) {
      // The review date has passed: the review session is booked (the citizen applied within the
      // year), or the citizen let the record lapse.
      const applied = daysBetween(last.reviewDate, DEMO_REFERENCE_DATE) <= 365 && rnd.chance(0.6);
      if (reviewPending || applied) {
        status = DisabilityStatus.UNDER_REVIEW;
        updatedAt = `${addDays(last.reviewDate, -rnd.int(5, 30))}T09:00:00.000Z`;
      } else {
        status = DisabilityStatus.EXPIRED;
        updatedAt = `${addDays(last.reviewDate, 1)}T00:00:00.000Z`;
      }
    }
    em.create(DisabilityRecord, {
      id: `DR-${String(index + 1).padStart(5, '0')}`,
      citizenNationalId: citizen.nationalId,
      disabilityType: last.disabilityType,
      percentage: last.percentage,
      status,
      validUntil: last.permanent ? null : last.reviewDate,
      medicalNotes: notes,
      governorateCode: committee.governorateCode,
      lastDecisionId: last.id,
      updatedAt,
    });
  });
  await em.flush();
}
