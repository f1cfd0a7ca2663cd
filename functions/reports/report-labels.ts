import type { Locale } from '../../shared/schemas/common.ts';

/** Labels of the Circular 02 spreadsheet, in the tenant's languages. */
export interface ReportLabels {
  title: string;
  tenant: string;
  period: string;
  dueDate: string;
  none: string;
  generatedAt: string;
  group: string;
  managed: string;
  new: string;
  closed: string;
  total: string;
  byCategory: string;
  bySex: string;
  /** The unit a report is about (its subtree), and each child unit's block or sheet. */
  unit: string;
  sexes: Record<string, string>;
  categories: Record<string, string>;
}

export const REPORT_LABELS: Record<Locale, ReportLabels> = {
  en: {
    title: 'Circular 02/2020 report — subjects under management', tenant: 'Tenant', period: 'Period', dueDate: 'Due date',
    none: '—', generatedAt: 'Generated at', group: 'Group', managed: 'Managed', new: 'New', closed: 'Closed', total: 'Total',
    byCategory: 'By category', bySex: 'By sex', unit: 'Unit',
    sexes: { female: 'Female', male: 'Male', other: 'Other', unknown: 'Unknown' },
    categories: {
      sexual_abuse: 'Sexual abuse', physical_abuse: 'Physical abuse', emotional_abuse: 'Emotional abuse', neglect: 'Neglect',
      gbv: 'Gender-based violence', child_in_conflict_with_law: 'Child in conflict with the law', child_labour: 'Child labour',
      trafficking: 'Trafficking', disability: 'Disability', orphan: 'Orphan', mental_health: 'Mental health',
      alternative_care: 'Alternative care', other: 'Other',
    },
  },
  vi: {
    title: 'Báo cáo theo Thông tư 02/2020 — đối tượng được quản lý', tenant: 'Đơn vị', period: 'Kỳ báo cáo', dueDate: 'Hạn nộp',
    none: '—', generatedAt: 'Thời điểm lập', group: 'Nhóm', managed: 'Đang quản lý', new: 'Mới tiếp nhận', closed: 'Kết thúc', total: 'Tổng số',
    byCategory: 'Theo loại', bySex: 'Theo giới tính', unit: 'Đơn vị báo cáo',
    sexes: { female: 'Nữ', male: 'Nam', other: 'Khác', unknown: 'Không rõ' },
    categories: {
      sexual_abuse: 'Xâm hại tình dục', physical_abuse: 'Bạo lực thể chất', emotional_abuse: 'Bạo lực tinh thần', neglect: 'Bỏ mặc',
      gbv: 'Bạo lực giới', child_in_conflict_with_law: 'Trẻ em vi phạm pháp luật', child_labour: 'Lao động trẻ em',
      trafficking: 'Mua bán người', disability: 'Khuyết tật', orphan: 'Mồ côi', mental_health: 'Sức khỏe tâm thần',
      alternative_care: 'Chăm sóc thay thế', other: 'Khác',
    },
  },
  my: {
    title: 'အမှတ် ၀၂/၂၀၂၀ အစီရင်ခံစာ — စီမံခန့်ခွဲဆဲ အမှုတွဲများ', tenant: 'အဖွဲ့အစည်း', period: 'ကာလ', dueDate: 'တင်သွင်းရမည့်ရက်',
    none: '—', generatedAt: 'ထုတ်ယူသည့်အချိန်', group: 'အုပ်စု', managed: 'စီမံခန့်ခွဲဆဲ', new: 'အသစ်', closed: 'ပိတ်သိမ်း', total: 'စုစုပေါင်း',
    byCategory: 'အမျိုးအစားအလိုက်', bySex: 'ကျား/မ အလိုက်', unit: 'ဌာန',
    sexes: { female: 'မ', male: 'ကျား', other: 'အခြား', unknown: 'မသိ' },
    categories: { sexual_abuse: 'လိင်ပိုင်းဆိုင်ရာ အလွဲသုံးစားပြုခြင်း', physical_abuse: 'ရုပ်ပိုင်းဆိုင်ရာ အကြမ်းဖက်ခြင်း', emotional_abuse: 'စိတ်ပိုင်းဆိုင်ရာ အကြမ်းဖက်ခြင်း', neglect: 'လျစ်လျူရှုခြင်း', gbv: 'ကျား/မ အခြေပြု အကြမ်းဖက်မှု', child_in_conflict_with_law: 'ဥပဒေနှင့် ပဋိပက္ခဖြစ်နေသော ကလေး', child_labour: 'ကလေးလုပ်သား', trafficking: 'လူကုန်ကူးခံရခြင်း', disability: 'မသန်စွမ်းမှု', orphan: 'မိဘမဲ့', mental_health: 'စိတ်ကျန်းမာရေး', alternative_care: 'အစားထိုး စောင့်ရှောက်မှု', other: 'အခြား' },
  },
  ar: {
    title: 'تقرير التعميم 02/2020 — الحالات قيد الإدارة', tenant: 'الجهة', period: 'الفترة', dueDate: 'تاريخ الاستحقاق',
    none: '—', generatedAt: 'وقت الإنشاء', group: 'الفئة', managed: 'قيد الإدارة', new: 'جديدة', closed: 'مغلقة', total: 'المجموع',
    byCategory: 'حسب الفئة', bySex: 'حسب الجنس', unit: 'الوحدة',
    sexes: { female: 'أنثى', male: 'ذكر', other: 'آخر', unknown: 'غير معروف' },
    categories: {
      sexual_abuse: 'اعتداء جنسي', physical_abuse: 'إساءة جسدية', emotional_abuse: 'إساءة نفسية', neglect: 'إهمال',
      gbv: 'عنف قائم على النوع الاجتماعي', child_in_conflict_with_law: 'طفل في نزاع مع القانون', child_labour: 'عمل الأطفال',
      trafficking: 'اتجار بالبشر', disability: 'إعاقة', orphan: 'يتيم', mental_health: 'صحة نفسية', alternative_care: 'رعاية بديلة', other: 'أخرى',
    },
  },
};

/** A category's label, falling back to English, then to the code itself (tenant-defined codes). */
export const categoryLabel = (labels: ReportLabels, code: string) => labels.categories[code] ?? REPORT_LABELS.en.categories[code] ?? code;
