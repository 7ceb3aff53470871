import type { EntityManager } from '@mikro-orm/core';
import { demoAdults } from '../../kit/demo/citizens';
import { Random, seedOf } from '../../kit/demo/random';
import { GOVERNORATES } from '../../kit/demo/reference-data';
import { DEMO_REFERENCE_DATE, demoContractorIds } from '../../kit/demo/shared-keys';
import { ClassificationAction, ClassificationEvent } from './entities/classification-event.entity';
import {
  Contractor,
  ContractorStatus,
  Specialization as S,
  specializationList,
} from './entities/contractor.entity';
import { addDays, addYears, validityEnd, VALIDITY_YEARS } from './rules/classification-dates';
import { contractorSearchKey } from './rules/search-key';

type Name = readonly [ar: string, en: string];

/** First word of a company name: rivers, ancient cities and old names of Iraqi places. */
const FIRST: readonly Name[] = [
  ['الرافدين', 'Al-Rafidain'],
  ['دجلة', 'Dijla'],
  ['الفرات', 'Al-Furat'],
  ['بابل', 'Babil'],
  ['سومر', 'Sumer'],
  ['أور', 'Ur'],
  ['آشور', 'Ashur'],
  ['الحدباء', 'Al-Hadbaa'],
  ['الزوراء', 'Al-Zawraa'],
  ['أكد', 'Akkad'],
  ['الوركاء', 'Al-Warkaa'],
  ['نينوى', 'Nineveh'],
  ['حمورابي', 'Hammurabi'],
  ['كلكامش', 'Gilgamesh'],
  ['الأهوار', 'Al-Ahwar'],
  ['النهرين', 'Al-Nahrain'],
  ['الكوفة', 'Al-Kufa'],
  ['المستنصرية', 'Al-Mustansiriya'],
  ['شط العرب', 'Shatt Al-Arab'],
  ['نيبور', 'Nippur'],
];

/** The line of business, with the specializations it is classified for (first always, others maybe). */
const LINES: readonly { name: Name; always: S[]; maybe: S[]; weight: number }[] = [
  {
    name: ['للمقاولات العامة', 'General Contracting'],
    always: [S.BUILDINGS],
    maybe: [S.ROADS_BRIDGES, S.WATER_SEWAGE],
    weight: 5,
  },
  {
    name: ['للإنشاءات الهندسية', 'Engineering Construction'],
    always: [S.BUILDINGS],
    maybe: [S.ELECTRICAL, S.MECHANICAL],
    weight: 4,
  },
  {
    name: ['للطرق والجسور', 'Roads and Bridges'],
    always: [S.ROADS_BRIDGES],
    maybe: [S.BUILDINGS],
    weight: 3,
  },
  {
    name: ['للمقاولات الكهربائية والميكانيكية', 'Electrical and Mechanical Contracting'],
    always: [S.ELECTRICAL, S.MECHANICAL],
    maybe: [S.BUILDINGS],
    weight: 2,
  },
  {
    name: ['لمشاريع الماء والمجاري', 'Water and Sewerage Projects'],
    always: [S.WATER_SEWAGE],
    maybe: [S.DAMS_IRRIGATION],
    weight: 2,
  },
  {
    name: ['للسدود ومشاريع الري', 'Dams and Irrigation Projects'],
    always: [S.DAMS_IRRIGATION],
    maybe: [S.WATER_SEWAGE],
    weight: 1,
  },
  { name: ['للخدمات النفطية', 'Oil Services'], always: [S.OIL_GAS], maybe: [S.MECHANICAL], weight: 1 },
  {
    name: ['للاتصالات وتقنية المعلومات', 'Telecommunications and IT'],
    always: [S.TELECOM],
    maybe: [S.ELECTRICAL],
    weight: 1,
  },
];

/** Weights of grades 1 (highest) to 10: few top-grade firms, most in the middle grades. */
const GRADE_WEIGHTS = [1, 2, 4, 7, 9, 9, 8, 6, 3, 1];

const SUSPEND_REASONS = [
  'التلكؤ في تنفيذ مشروع متعاقد عليه وتجاوز المدة المقررة',
  'عدم تقديم الوثائق المطلوبة لتحديث ملف التصنيف',
  'مخالفة شروط السلامة المهنية في موقع العمل',
  'دعوى قضائية قائمة بشأن عقد حكومي',
];
const REINSTATE_REASONS = [
  'استكمال الوثائق المطلوبة ورفع الإيقاف',
  'إنجاز الأعمال المتلكئة وتقديم تعهد بالالتزام',
  'صدور قرار قضائي لصالح المقاول',
];
const BLACKLIST_REASONS = [
  'تقديم مستندات مزورة عند طلب التصنيف',
  'سحب العمل وتنفيذه على حساب المقاول لإخلاله بالتزاماته التعاقدية',
  'الإدانة بجريمة فساد متعلقة بعقد حكومي',
];
const PROMOTED = 'ترفيع الدرجة بعد تقييم الأعمال المنجزة والملاك الهندسي';
const DEMOTED = 'تخفيض الدرجة لعدم استيفاء متطلبات الملاك الهندسي والمعدات';
const LAPSED = 'انتهاء نفاذ هوية التصنيف دون تجديد';

function weighted<T>(rnd: Random, items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = rnd.next() * total;
  for (let i = 0; i < items.length; i++) {
    x -= weights[i] ?? 0;
    if (x < 0) return items[i] as T;
  }
  return items[items.length - 1] as T;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

type Step = { action: ClassificationAction; grade: number; reason: string | null; at: string };

/**
 * A history consistent with the current status: the first classification, renewals (some at a
 * new grade) a little under two years apart, then what brought the contractor to its status.
 */
function historyOf(
  rnd: Random,
  status: ContractorStatus,
  grade: number,
): { steps: Step[]; classifiedAt: string } {
  const after: ClassificationAction[] =
    status === ContractorStatus.SUSPENDED
      ? [ClassificationAction.SUSPENDED]
      : status === ContractorStatus.BLACKLISTED
        ? rnd.chance(0.5)
          ? [ClassificationAction.SUSPENDED, ClassificationAction.BLACKLISTED]
          : [ClassificationAction.BLACKLISTED]
        : status === ContractorStatus.EXPIRED
          ? [ClassificationAction.EXPIRED]
          : rnd.chance(0.15)
            ? [ClassificationAction.SUSPENDED, ClassificationAction.REINSTATED]
            : [];
  const renewals = rnd.int(0, 3 - after.length);
  // The current classification: still valid on the reference date, or lapsed before it.
  const classifiedAt =
    status === ContractorStatus.EXPIRED
      ? addDays(DEMO_REFERENCE_DATE, -rnd.int(740, 1300))
      : addDays(DEMO_REFERENCE_DATE, -rnd.int(30, 700));

  const steps: Step[] = [];
  let at = classifiedAt;
  let g = grade;
  for (let i = renewals; i >= 0; i--) {
    if (i === 0) {
      steps.unshift({ action: ClassificationAction.CLASSIFIED, grade: g, reason: null, at });
      break;
    }
    // Most regrades are promotions (the grade number falls); a few firms are demoted.
    const regraded = rnd.chance(0.35);
    const promoted = g === 10 ? false : g === 1 ? true : rnd.chance(0.8);
    const before = regraded ? (promoted ? g + 1 : g - 1) : g;
    steps.unshift({
      action: regraded ? ClassificationAction.REGRADED : ClassificationAction.RENEWED,
      grade: g,
      reason: regraded ? (before > g ? PROMOTED : DEMOTED) : null,
      at,
    });
    g = before;
    at = addDays(addYears(at, -VALIDITY_YEARS), rnd.int(0, 60));
  }

  const lastDay =
    status === ContractorStatus.EXPIRED ? addDays(validityEnd(classifiedAt), 1) : DEMO_REFERENCE_DATE;
  let day = classifiedAt;
  for (const action of after) {
    const room = daysBetween(day, lastDay);
    day =
      action === ClassificationAction.EXPIRED
        ? lastDay
        : addDays(day, rnd.int(1, Math.max(1, Math.floor(room / 2))));
    const reason =
      action === ClassificationAction.SUSPENDED
        ? rnd.pick(SUSPEND_REASONS)
        : action === ClassificationAction.REINSTATED
          ? rnd.pick(REINSTATE_REASONS)
          : action === ClassificationAction.BLACKLISTED
            ? rnd.pick(BLACKLIST_REASONS)
            : LAPSED;
    steps.push({ action, grade, reason, at: day });
  }
  return { steps, classifiedAt };
}

/**
 * The contractor registry as of DEMO_REFERENCE_DATE: exactly the shared demo contractor IDs
 * (municipalities and water resources refer to them), owners from the demo population.
 */
export async function seedPlanning(em: EntityManager): Promise<void> {
  const rnd = new Random(seedOf('planning'));
  const ids = demoContractorIds();
  const order = rnd.sample(ids, ids.length);
  const blacklisted = new Set(order.slice(0, rnd.int(2, 3)));
  const suspended = new Set(order.slice(3, 8));
  const expired = new Set(order.slice(8, 16));
  const owners = rnd.sample(demoAdults(), 48);
  const usedNames = new Set<string>();

  ids.forEach((id, index) => {
    let first: Name = FIRST[0]!;
    let line = LINES[0]!;
    // CTR-0001 is «شركة الرافدين للمقاولات العامة»; the others are drawn, never twice the same.
    while (index > 0 && usedNames.has(`${first[0]} ${line.name[0]}`)) {
      first = rnd.pick(FIRST);
      line = weighted(
        rnd,
        LINES,
        LINES.map((l) => l.weight),
      );
    }
    usedNames.add(`${first[0]} ${line.name[0]}`);
    const limited = rnd.chance(0.3) && index > 0;
    const name = `شركة ${first[0]} ${line.name[0]}${limited ? ' المحدودة' : ''}`;
    const nameEn = `${first[1]} ${line.name[1]} Company${limited ? ' Ltd.' : ''}`;
    const specializations = [...line.always, ...line.maybe.filter(() => rnd.chance(0.4))];
    const grade = weighted(rnd, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], GRADE_WEIGHTS);
    const status = blacklisted.has(id)
      ? ContractorStatus.BLACKLISTED
      : suspended.has(id)
        ? ContractorStatus.SUSPENDED
        : expired.has(id)
          ? ContractorStatus.EXPIRED
          : ContractorStatus.ACTIVE;
    const { steps, classifiedAt } = historyOf(rnd, status, grade);
    const firstYear = steps[0]!.at.slice(0, 4);
    em.create(Contractor, {
      id,
      name,
      nameEn,
      grade,
      status,
      specializationList: specializationList(specializations),
      registrationNumber: `MOP-${firstYear}-${id.slice(4)}`,
      governorateCode: rnd.chance(0.3) ? 'BGD' : rnd.pick(GOVERNORATES).code,
      classifiedAt,
      validUntil: validityEnd(classifiedAt),
      ownerNationalId: rnd.pick(owners).nationalId,
      searchKey: contractorSearchKey(name, nameEn),
    });
    steps.forEach((step, i) =>
      em.create(ClassificationEvent, {
        id: `${id}-E${String(i + 1).padStart(3, '0')}`,
        contractorId: id,
        ...step,
        byAgency: 'MOP',
      }),
    );
  });
  await em.flush();
}
