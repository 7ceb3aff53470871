import type { EntityManager } from '@mikro-orm/core';
import { FAMILY, FEMALE, MALE } from '../../kit/demo/names';
import { Random, seedOf } from '../../kit/demo/random';
import { GOVERNORATES } from '../../kit/demo/reference-data';
import { DEMO_REFERENCE_DATE, demoContractorIds } from '../../kit/demo/shared-keys';
import { Inspection, InspectionResult } from './entities/inspection.entity';
import { MunicipalProject, ProjectStatus } from './entities/municipal-project.entity';
import { ProgressReport } from './entities/progress-report.entity';
import { addDays, daysBetween } from './rules/dates';

type Place = readonly [ar: string, en: string];

/** Districts, towns and neighbourhoods where municipal works are done, per governorate. */
const PLACES: Record<string, readonly Place[]> = {
  BGD: [
    ['حي الجهاد', 'Hay Al-Jihad'],
    ['الكرادة', 'Karrada'],
    ['الأعظمية', 'Adhamiya'],
    ['الكاظمية', 'Kadhimiya'],
    ['مدينة الصدر', 'Sadr City'],
    ['حي الشعب', 'Hay Al-Shaab'],
    ['الدورة', 'Dora'],
    ['المنصور', 'Mansour'],
    ['زيونة', 'Zayouna'],
    ['حي العامل', 'Hay Al-Amil'],
    ['البياع', 'Bayaa'],
    ['الغزالية', 'Ghazaliya'],
    ['حي أور', 'Hay Ur'],
    ['الحسينية', 'Husseiniya'],
  ],
  BSR: [
    ['العشار', 'Ashar'],
    ['حي الجمهورية', 'Hay Al-Jumhuriya'],
    ['حي الحسين', 'Hay Al-Hussein'],
    ['أبي الخصيب', 'Abu Al-Khaseeb'],
    ['الزبير', 'Zubair'],
    ['القبلة', 'Al-Qibla'],
    ['الهارثة', 'Al-Hartha'],
  ],
  NIN: [
    ['الموصل القديمة', 'Old Mosul'],
    ['حي الزهور', 'Hay Al-Zuhur'],
    ['حي النبي يونس', 'Hay Al-Nabi Yunus'],
    ['تلعفر', 'Tal Afar'],
    ['الحمدانية', 'Hamdaniya'],
    ['حي المثنى', 'Hay Al-Muthanna'],
  ],
  ERB: [
    ['عنكاوا', 'Ankawa'],
    ['شقلاوة', 'Shaqlawa'],
    ['كويسنجق', 'Koya'],
    ['سوران', 'Soran'],
    ['حي إسكان', 'Iskan quarter'],
  ],
  SUL: [
    ['رانية', 'Ranya'],
    ['جمجمال', 'Chamchamal'],
    ['حي سرجنار', 'Sarchinar'],
    ['بكرجو', 'Bakrajo'],
    ['دوكان', 'Dukan'],
  ],
  DHK: [
    ['زاخو', 'Zakho'],
    ['سميل', 'Semel'],
    ['العمادية', 'Amedi'],
    ['حي ماسيكي', 'Masike'],
  ],
  KRK: [
    ['حي الواسطي', 'Hay Al-Wasiti'],
    ['الحويجة', 'Hawija'],
    ['داقوق', 'Daquq'],
    ['حي رحيم آوه', 'Rahimawa'],
    ['دبس', 'Dibis'],
  ],
  DYL: [
    ['بعقوبة', 'Baqubah'],
    ['المقدادية', 'Muqdadiya'],
    ['الخالص', 'Khalis'],
    ['بلدروز', 'Baladruz'],
    ['خانقين', 'Khanaqin'],
  ],
  ANB: [
    ['الرمادي', 'Ramadi'],
    ['الفلوجة', 'Fallujah'],
    ['هيت', 'Hit'],
    ['حديثة', 'Haditha'],
    ['القائم', 'Al-Qaim'],
  ],
  BBL: [
    ['الحلة', 'Hillah'],
    ['المسيب', 'Musayyib'],
    ['المحاويل', 'Mahawil'],
    ['الهاشمية', 'Hashimiya'],
    ['القاسم', 'Al-Qasim'],
  ],
  KRB: [
    ['حي الحسين', 'Hay Al-Hussein'],
    ['عين التمر', 'Ain Al-Tamr'],
    ['الهندية', 'Hindiya'],
    ['حي العباس', 'Hay Al-Abbas'],
    ['حي الموظفين', 'Hay Al-Muwadhafin'],
  ],
  NJF: [
    ['الكوفة', 'Kufa'],
    ['المناذرة', 'Manathira'],
    ['المشخاب', 'Mishkhab'],
    ['حي الأمير', 'Hay Al-Amir'],
    ['حي الغدير', 'Hay Al-Ghadeer'],
  ],
  WST: [
    ['الكوت', 'Kut'],
    ['الحي', 'Al-Hay'],
    ['النعمانية', 'Numaniya'],
    ['الصويرة', 'Suwaira'],
    ['بدرة', 'Badra'],
  ],
  SLD: [
    ['تكريت', 'Tikrit'],
    ['سامراء', 'Samarra'],
    ['بيجي', 'Baiji'],
    ['الدور', 'Al-Dour'],
    ['بلد', 'Balad'],
    ['طوزخورماتو', 'Tuz Khurmatu'],
  ],
  QDS: [
    ['الديوانية', 'Diwaniya'],
    ['عفك', 'Afak'],
    ['الشامية', 'Shamiya'],
    ['الحمزة', 'Al-Hamza'],
    ['حي العسكري', 'Hay Al-Askari'],
  ],
  MYS: [
    ['العمارة', 'Amarah'],
    ['المجر الكبير', 'Al-Majar Al-Kabir'],
    ['قلعة صالح', 'Qalat Salih'],
    ['علي الغربي', 'Ali Al-Gharbi'],
    ['الميمونة', 'Maimouna'],
  ],
  DQR: [
    ['الناصرية', 'Nasiriyah'],
    ['الشطرة', 'Shatra'],
    ['سوق الشيوخ', 'Suq Al-Shuyukh'],
    ['الرفاعي', 'Rifai'],
    ['الجبايش', 'Chibayish'],
  ],
  MTH: [
    ['السماوة', 'Samawah'],
    ['الرميثة', 'Rumaitha'],
    ['الخضر', 'Al-Khidhir'],
    ['الوركاء', 'Warka'],
    ['السلمان', 'Al-Salman'],
  ],
};

interface Work {
  readonly ar: (place: string) => string;
  readonly en: (place: string) => string;
  /** Budget range in billions of dinars. */
  readonly budget: readonly [number, number];
  /** Planned duration range in months. */
  readonly months: readonly [number, number];
}

const WORKS: readonly Work[] = [
  {
    ar: (p) => `تبليط وإكساء شوارع ${p}`,
    en: (p) => `Paving streets in ${p}`,
    budget: [0.8, 12],
    months: [6, 18],
  },
  {
    ar: (p) => `تأهيل شبكة المجاري في ${p}`,
    en: (p) => `Rehabilitation of the sewage network in ${p}`,
    budget: [3, 40],
    months: [12, 30],
  },
  {
    ar: (p) => `إنشاء محطة معالجة مياه الشرب في ${p}`,
    en: (p) => `Construction of a drinking-water treatment plant in ${p}`,
    budget: [10, 80],
    months: [18, 36],
  },
  {
    ar: (p) => `بناء مدرسة ثانوية من 18 صفاً في ${p}`,
    en: (p) => `Building an 18-classroom secondary school in ${p}`,
    budget: [1.5, 6],
    months: [10, 18],
  },
  {
    ar: (p) => `تأهيل الحديقة العامة في ${p}`,
    en: (p) => `Rehabilitation of the public park in ${p}`,
    budget: [0.5, 4],
    months: [6, 12],
  },
  {
    ar: (p) => `إنشاء جسر للمشاة في ${p}`,
    en: (p) => `Construction of a pedestrian bridge in ${p}`,
    budget: [1, 8],
    months: [8, 16],
  },
  {
    ar: (p) => `إنشاء مجسر ${p}`,
    en: (p) => `Construction of the ${p} overpass`,
    budget: [20, 80],
    months: [24, 40],
  },
  {
    ar: (p) => `إنشاء سوق شعبي في ${p}`,
    en: (p) => `Construction of a public market in ${p}`,
    budget: [1, 9],
    months: [10, 20],
  },
  {
    ar: (p) => `إنارة شوارع ${p} بالطاقة الشمسية`,
    en: (p) => `Solar street lighting in ${p}`,
    budget: [0.5, 5],
    months: [4, 10],
  },
  {
    ar: (p) => `مد شبكة الماء الصافي في ${p}`,
    en: (p) => `Extension of the drinking-water network in ${p}`,
    budget: [2, 20],
    months: [10, 24],
  },
  {
    ar: (p) => `تأهيل شبكة تصريف مياه الأمطار في ${p}`,
    en: (p) => `Rehabilitation of the stormwater drainage network in ${p}`,
    budget: [2, 25],
    months: [10, 24],
  },
];

const STAGE_NOTES = [
  'إنجاز أعمال المسح والتسوية',
  'إنجاز أعمال الحفر',
  'صب الأسس والقواعد الخرسانية',
  'مد الأنابيب والخطوط الرئيسية',
  'أعمال الهيكل الإنشائي',
  'أعمال الإكساء والتشطيبات',
  'الفحص والتشغيل التجريبي',
];

const SUSPENSION_REASONS = [
  'تأخر صرف المستحقات المالية للمقاول',
  'تعارض مع خطوط الكهرباء والماء في موقع العمل',
  'اعتراض أصحاب الأملاك على مسار المشروع',
  'انتظار موافقة وزارة الموارد المائية على إجازة الحفر',
  'إيقاف بأمر المحافظة لإعادة التصميم',
];

const REMARKS = [
  'ملاحظات على انتظام مناسيب الأرصفة',
  'نقص في علامات السلامة المرورية حول موقع العمل',
  'تأخر رفع الأنقاض من الموقع',
  'ضرورة معالجة تشققات سطحية في الخرسانة',
];

const FAILURES = [
  'عدم مطابقة سمك طبقة الإسفلت للمواصفات',
  'نتائج فحص مكعبات الخرسانة دون المقاومة المطلوبة',
  'تسرب في وصلات الأنابيب عند فحص الضغط',
  'استخدام مواد غير مطابقة للمواصفات المعتمدة',
];

export const DEMO_PROJECT_COUNT = 168;
const REFERENCE = DEMO_REFERENCE_DATE;
const MONTH = 30;

type Kind = 'completed' | 'onTrack' | 'slipping' | 'overdue' | 'suspended' | 'planned';
const KINDS: readonly (readonly [Kind, number])[] = [
  ['completed', 0.25],
  ['onTrack', 0.27],
  ['slipping', 0.1],
  ['overdue', 0.13],
  ['suspended', 0.08],
  ['planned', 0.17],
];

function kindOf(rnd: Random): Kind {
  let x = rnd.next();
  for (const [kind, weight] of KINDS) {
    if (x < weight) return kind;
    x -= weight;
  }
  return 'planned';
}

/** Every contractor gets 1 to 5 projects: one each, then the rest where there is room, shuffled. */
function contractorSlots(rnd: Random, count: number): string[] {
  const ids = demoContractorIds();
  const load = new Map(ids.map((id) => [id, 1]));
  while ([...load.values()].reduce((a, b) => a + b, 0) < count) {
    const id = rnd.pick(ids);
    if (load.get(id)! < 5) load.set(id, load.get(id)! + 1);
  }
  const slots = ids.flatMap((id) => Array.from({ length: load.get(id)! }, () => id));
  return rnd.sample(slots, slots.length);
}

/**
 * `count` distinct dates after `from`, up to `to`, in order; when `endOnTo`, the last one is `to`
 * itself (the latest report states the current progress).
 */
function datesBetween(rnd: Random, from: string, to: string, count: number, endOnTo: boolean): string[] {
  const span = daysBetween(from, to);
  if (count === 0 || span < 1) return [];
  const offsets = new Set<number>(endOnTo ? [span] : []);
  while (offsets.size < Math.min(count, span)) offsets.add(rnd.int(1, endOnTo ? span - 1 : span));
  return [...offsets].sort((a, b) => a - b).map((d) => addDays(from, d));
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

function inspectorName(rnd: Random): string {
  const female = rnd.chance(0.3);
  const [first] = rnd.pick(female ? FEMALE : MALE);
  const [family] = rnd.pick(FAMILY);
  return `${female ? 'المهندسة' : 'المهندس'} ${first} ${family}`;
}

/**
 * The ministry's follow-up register as of DEMO_REFERENCE_DATE: projects in every governorate
 * (Baghdad most), each contractor of the planning registry carrying 1 to 5 of them; finished,
 * on-schedule, slipping, overdue, suspended and not-yet-started works, with their reports and
 * inspections.
 */
export async function seedMunicipalities(em: EntityManager): Promise<void> {
  const rnd = new Random(seedOf('municipalities'));
  const contractors = contractorSlots(rnd, DEMO_PROJECT_COUNT);
  const titles = new Set<string>();
  let reportNo = 0;
  let inspectionNo = 0;

  for (let i = 0; i < DEMO_PROJECT_COUNT; i++) {
    const governorate =
      i < GOVERNORATES.length
        ? GOVERNORATES[i]!.code
        : rnd.chance(0.25)
          ? 'BGD'
          : rnd.pick(GOVERNORATES).code;
    let work = rnd.pick(WORKS);
    let place = rnd.pick(PLACES[governorate]!);
    for (let tries = 0; titles.has(`${governorate} ${work.en(place[1])}`) && tries < 20; tries++) {
      work = rnd.pick(WORKS);
      place = rnd.pick(PLACES[governorate]!);
    }
    let [title, titleEn] = [work.ar(place[0]), work.en(place[1])];
    if (titles.has(`${governorate} ${titleEn}`))
      [title, titleEn] = [`${title} - المرحلة الثانية`, `${titleEn}, phase 2`];
    titles.add(`${governorate} ${titleEn}`);

    const duration = rnd.int(work.months[0], work.months[1]) * MONTH;
    const kind = kindOf(rnd);
    let start: string;
    let progress = 0;
    let status = ProjectStatus.IN_PROGRESS;
    let completedAt: string | null = null;
    let suspensionReason: string | null = null;
    let lastReport = addDays(REFERENCE, -rnd.int(0, 25));
    switch (kind) {
      case 'completed':
        start = addDays(REFERENCE, -(duration + rnd.int(245, 1500)));
        completedAt = addDays(start, duration + (rnd.chance(0.5) ? -rnd.int(0, 30) : rnd.int(1, 240)));
        status = ProjectStatus.COMPLETED;
        progress = 100;
        lastReport = completedAt;
        break;
      case 'onTrack': {
        start = addDays(REFERENCE, -rnd.int(30, duration - 15));
        const expected = (daysBetween(start, REFERENCE) / duration) * 100;
        progress = clamp(Math.round(expected + rnd.int(0, 8)), 1, 99);
        break;
      }
      case 'slipping': {
        start = addDays(REFERENCE, -rnd.int(Math.round(duration * 0.4), duration - 15));
        const expected = (daysBetween(start, REFERENCE) / duration) * 100;
        progress = clamp(Math.round(expected * (0.35 + rnd.next() * 0.35)), 1, 95);
        break;
      }
      case 'overdue':
        start = addDays(REFERENCE, -(duration + rnd.int(15, 400)));
        progress = rnd.int(35, 92);
        break;
      case 'suspended':
        start = addDays(REFERENCE, -rnd.int(90, duration + 300));
        progress = rnd.int(10, 70);
        status = ProjectStatus.SUSPENDED;
        suspensionReason = rnd.pick(SUSPENSION_REASONS);
        lastReport = addDays(REFERENCE, -rnd.int(30, 80));
        break;
      case 'planned':
        start = addDays(REFERENCE, rnd.int(-20, 200));
        status = ProjectStatus.PLANNED;
        break;
    }

    const project = em.create(MunicipalProject, {
      id: `MP-${String(i + 1).padStart(4, '0')}`,
      title,
      titleEn,
      governorateCode: governorate,
      budget: rnd.int(work.budget[0] * 1000, work.budget[1] * 1000) * 1_000_000,
      progress,
      status,
      plannedStartDate: start,
      plannedEndDate: addDays(start, duration),
      completedAt,
      suspensionReason,
      contractorId: contractors[i]!,
    });
    if (status === ProjectStatus.PLANNED) continue;

    // Reports: non-decreasing, the last one at the project's current progress.
    const dates = datesBetween(rnd, start, lastReport, rnd.int(1, 6), true);
    const levels = dates
      .slice(0, -1)
      .map(() => rnd.int(Math.max(1, Math.round(progress * 0.1)), progress))
      .sort((a, b) => a - b);
    levels.push(progress);
    let previous = 0;
    dates.forEach((reportedAt, n) => {
      const level = levels[n]!;
      em.create(ProgressReport, {
        id: `PR-${String(++reportNo).padStart(6, '0')}`,
        projectId: project.id,
        sequence: n + 1,
        reportedAt,
        progress: level,
        previousProgress: previous,
        note:
          level === 100
            ? 'الاستلام الأولي للمشروع'
            : rnd.chance(0.8)
              ? STAGE_NOTES[Math.min(STAGE_NOTES.length - 1, Math.floor((level / 100) * STAGE_NOTES.length))]!
              : null,
        reason: null,
        reportedBy: 'MOCHM',
      });
      previous = level;
    });

    // Inspections: 0–3 on distinct days of the works (up to a month after completion).
    const inspectedUntil =
      completedAt && addDays(completedAt, 30) < REFERENCE ? addDays(completedAt, 30) : REFERENCE;
    for (const date of datesBetween(rnd, addDays(start, 10), inspectedUntil, rnd.int(0, 3), false)) {
      const roll = rnd.next();
      const result =
        roll < 0.6
          ? InspectionResult.PASSED
          : roll < 0.88
            ? InspectionResult.REMARKS
            : InspectionResult.FAILED;
      em.create(Inspection, {
        id: `IN-${String(++inspectionNo).padStart(6, '0')}`,
        projectId: project.id,
        date,
        inspector: inspectorName(rnd),
        result,
        notes:
          result === InspectionResult.FAILED
            ? rnd.pick(FAILURES)
            : result === InspectionResult.REMARKS
              ? rnd.pick(REMARKS)
              : rnd.chance(0.3)
                ? 'الأعمال مطابقة للمواصفات'
                : null,
      });
    }
  }
  await em.flush();
}
