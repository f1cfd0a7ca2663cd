import type { Role } from '../../shared/auth/roles.ts';
import type { CaseInput } from '../../shared/schemas/case.ts';
import type { OrganizationInput } from '../../shared/schemas/organization.ts';
import type { TenantOnboardingInput } from '../../shared/schemas/tenant.ts';
import type { LocationEntry } from '../../shared/schemas/lookups.ts';
import type { UnitInput } from '../../shared/schemas/unit.ts';

/** The demo tenants of API.md. */
export const DEMO_TENANTS: Omit<TenantOnboardingInput, 'admin'>[] = [
  { id: 'mm', name: 'Myanmar', kind: 'country', region: 'ap-southeast-1', locales: ['my', 'en'], caseNumberPrefix: 'MM' },
  { id: 'vn', name: 'Viet Nam', kind: 'country', region: 'ap-southeast-1', locales: ['vi', 'en'], caseNumberPrefix: 'VN' },
  { id: 'vn-na', name: 'Nghe An', kind: 'province', parentId: 'vn', region: 'ap-southeast-1', locales: ['vi', 'en'], caseNumberPrefix: 'NA' },
  { id: 'sy', name: 'Syria (pilot governorate)', kind: 'governorate', region: 'eu-central-1', locales: ['ar', 'en'], caseNumberPrefix: 'SY' },
  { id: 'eg', name: 'Egypt', kind: 'country', region: 'eu-central-1', locales: ['ar', 'en'], caseNumberPrefix: 'EG' },
];

export const DEMO_PASSWORD = 'sanad-demo';

export interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  organizationId?: string;
  /** The user's home unit (default: the tenant's root). */
  unitId?: string;
}

/** caseworker.t, caseworker2.t, supervisor.t, admin.t and ngo.t for each tenant t. */
export function demoUsersOf(tenantId: string): DemoUser[] {
  return [
    { username: `caseworker.${tenantId}`, displayName: `Caseworker (${tenantId})`, roles: ['caseworker'] },
    { username: `caseworker2.${tenantId}`, displayName: `Second caseworker (${tenantId})`, roles: ['caseworker'] },
    { username: `supervisor.${tenantId}`, displayName: `Supervisor (${tenantId})`, roles: ['supervisor'] },
    { username: `admin.${tenantId}`, displayName: `Tenant admin (${tenantId})`, roles: ['tenant_admin'] },
    { username: `ngo.${tenantId}`, displayName: `Hope Partners (${tenantId})`, roles: ['partner'], organizationId: `ngo-${tenantId}` },
  ];
}

const unit = (id: string, parentId: string, kind: UnitInput['kind'], name: UnitInput['name'], extra: Partial<UnitInput> = {}): UnitInput =>
  ({ id, parentId, kind, name, ...extra });

/**
 * The demo tenants' unit trees below their roots (the root's id is the tenant's id), parents first: Myanmar's
 * national office → regions → townships, Nghe An → districts → communes, Egypt → governorates and a care home.
 */
export const DEMO_UNITS: Record<string, UnitInput[]> = {
  mm: [
    unit('yangon', 'mm', 'region', { en: 'Yangon Region', my: 'ရန်ကုန်တိုင်းဒေသကြီး' }, { locationId: 'yangon' }),
    unit('thingangyun', 'yangon', 'district', { en: 'Thingangyun Township', my: 'သင်္ဃန်းကျွန်းမြို့နယ်' }, { locationId: 'thingangyun' }),
    unit('hlaing', 'yangon', 'district', { en: 'Hlaing Township', my: 'လှိုင်မြို့နယ်' }),
    unit('mandalay', 'mm', 'region', { en: 'Mandalay Region', my: 'မန္တလေးတိုင်းဒေသကြီး' }, { locationId: 'mandalay' }),
    unit('chanmyathazi', 'mandalay', 'district', { en: 'Chanmyathazi Township', my: 'ချမ်းမြသာစည်မြို့နယ်' }),
    unit('amarapura', 'mandalay', 'district', { en: 'Amarapura Township', my: 'အမရပူရမြို့နယ်' }),
  ],
  'vn-na': [
    unit('vinh', 'vn-na', 'district', { en: 'Vinh City', vi: 'Thành phố Vinh' }, { locationId: 'vinh' }),
    unit('ben-thuy', 'vinh', 'commune', { en: 'Ben Thuy Ward', vi: 'Phường Bến Thủy' }, { locationId: 'ben-thuy' }),
    unit('hung-binh', 'vinh', 'commune', { en: 'Hung Binh Ward', vi: 'Phường Hưng Bình' }),
    unit('dien-chau', 'vn-na', 'district', { en: 'Dien Chau District', vi: 'Huyện Diễn Châu' }, { locationId: 'dien-chau' }),
    unit('dien-hong', 'dien-chau', 'commune', { en: 'Dien Hong Commune', vi: 'Xã Diễn Hồng' }),
  ],
  eg: [
    unit('cairo', 'eg', 'region', { en: 'Cairo Governorate', ar: 'محافظة القاهرة' }, { locationId: 'cairo' }),
    unit('alexandria', 'eg', 'region', { en: 'Alexandria Governorate', ar: 'محافظة الإسكندرية' }),
    unit('care-home', 'eg', 'facility', { en: 'Dar Al Amal Care Home', ar: 'دار الأمل لرعاية الأطفال' }, { capacity: 40 }),
  ],
};

/**
 * Demo users placed in units below the root (`caseworker.t`, `supervisor.t` and the others stay at the root).
 * Usernames are global, so they are named after their unit.
 */
export const DEMO_UNIT_USERS: Record<string, DemoUser[]> = {
  mm: [
    { username: 'supervisor.yangon', displayName: 'Supervisor (Yangon Region)', roles: ['supervisor'], unitId: 'yangon' },
    { username: 'caseworker.thingangyun', displayName: 'Caseworker (Thingangyun)', roles: ['caseworker'], unitId: 'thingangyun' },
    { username: 'supervisor.mandalay', displayName: 'Supervisor (Mandalay Region)', roles: ['supervisor'], unitId: 'mandalay' },
    { username: 'caseworker.chanmyathazi', displayName: 'Caseworker (Chanmyathazi)', roles: ['caseworker'], unitId: 'chanmyathazi' },
  ],
  'vn-na': [
    { username: 'supervisor.vinh', displayName: 'Supervisor (Vinh)', roles: ['supervisor'], unitId: 'vinh' },
    { username: 'caseworker.ben-thuy', displayName: 'Caseworker (Ben Thuy)', roles: ['caseworker'], unitId: 'ben-thuy' },
    { username: 'caseworker.dien-hong', displayName: 'Caseworker (Dien Hong)', roles: ['caseworker'], unitId: 'dien-hong' },
  ],
  eg: [
    { username: 'supervisor.cairo', displayName: 'Supervisor (Cairo)', roles: ['supervisor'], unitId: 'cairo' },
    { username: 'caseworker.alexandria', displayName: 'Caseworker (Alexandria)', roles: ['caseworker'], unitId: 'alexandria' },
    { username: 'caseworker.care-home', displayName: 'Caseworker (Dar Al Amal care home)', roles: ['caseworker'], unitId: 'care-home' },
  ],
};

export const PLATFORM_OPERATOR: DemoUser = { username: 'platform', displayName: 'Platform operator', roles: ['platform_operator'] };

const DEMO_CHILDREN: Record<string, CaseInput['child'][]> = {
  mm: [
    { fullName: 'မောင်အောင်ကျော်', sex: 'male', dateOfBirth: '2014-03-02', location: 'Yangon' },
    { fullName: 'မနှင်းဝေ', sex: 'female', ageYears: 12, location: 'Mandalay' },
  ],
  vn: [{ fullName: 'Trần Văn Nam', sex: 'male', dateOfBirth: '2012-07-19', location: 'Hà Nội' }],
  'vn-na': [
    { fullName: 'Lê Thị Mai', sex: 'female', dateOfBirth: '2013-11-05', location: 'Vinh' },
    { fullName: 'Hồ Văn Đức', sex: 'male', ageYears: 9, location: 'Diễn Châu' },
  ],
  sy: [{ fullName: 'أحمد الحلبي', sex: 'male', dateOfBirth: '2011-01-20', location: 'حلب' }],
  eg: [{ fullName: 'فاطمة حسن', sex: 'female', dateOfBirth: '2015-09-09', location: 'القاهرة' }],
};

const CATEGORY_ROTATION: CaseInput['categories'][] = [['neglect'], ['physical_abuse', 'orphan'], ['child_labour']];
const RISK_ROTATION: CaseInput['riskLevel'][] = ['high', 'medium', 'low'];

export function demoCasesOf(tenantId: string): CaseInput[] {
  return (DEMO_CHILDREN[tenantId] ?? []).map((child, index) => ({
    child,
    categories: CATEGORY_ROTATION[index % CATEGORY_ROTATION.length] ?? ['other'],
    riskLevel: RISK_ROTATION[index % RISK_ROTATION.length] ?? 'low',
  }));
}

/** Demo cases registered by unit users, in their home units: username → children. */
const DEMO_UNIT_CHILDREN: Record<string, CaseInput['child'][]> = {
  'caseworker.thingangyun': [
    { fullName: 'မခင်မြတ်နိုး', sex: 'female', dateOfBirth: '2013-06-14', location: 'Thingangyun' },
    { fullName: 'မောင်ထက်ဝေယံ', sex: 'male', ageYears: 10, location: 'Thingangyun' },
  ],
  'caseworker.chanmyathazi': [{ fullName: 'မသီတာဦး', sex: 'female', dateOfBirth: '2012-02-27', location: 'Chanmyathazi' }],
  'caseworker.ben-thuy': [
    { fullName: 'Phạm Quốc Bảo', sex: 'male', dateOfBirth: '2014-08-21', location: 'Bến Thủy' },
    { fullName: 'Hoàng Ngọc Ánh', sex: 'female', ageYears: 11, location: 'Bến Thủy' },
  ],
  'caseworker.dien-hong': [{ fullName: 'Cao Xuân Khải', sex: 'male', dateOfBirth: '2011-12-03', location: 'Diễn Hồng' }],
  'caseworker.alexandria': [{ fullName: 'يوسف عبد الرحمن', sex: 'male', dateOfBirth: '2013-04-10', location: 'الإسكندرية' }],
  'caseworker.care-home': [
    { fullName: 'مريم إبراهيم', sex: 'female', ageYears: 8, location: 'دار الأمل' },
    { fullName: 'عمر خالد', sex: 'male', dateOfBirth: '2012-10-01', location: 'دار الأمل' },
  ],
};

export function demoUnitCasesOf(username: string): CaseInput[] {
  return (DEMO_UNIT_CHILDREN[username] ?? []).map((child, index) => ({
    child,
    categories: CATEGORY_ROTATION[(index + 1) % CATEGORY_ROTATION.length] ?? ['other'],
    riskLevel: RISK_ROTATION[(index + 1) % RISK_ROTATION.length] ?? 'low',
  }));
}

/** The partner directory of each demo tenant: `ngo-t` is the organisation of the demo partner user `ngo.t`. */
export function demoOrganizationsOf(tenantId: string): OrganizationInput[] {
  return [
    {
      id: `ngo-${tenantId}`,
      name: 'Hope Partners',
      kind: 'ngo',
      description: 'Psychosocial support, family tracing and legal aid for children',
      contact: { email: `referrals@hope-${tenantId}.example` },
      services: [
        { id: 'psychosocial-support', name: 'Psychosocial support', description: 'Individual and group counselling', eligibility: 'Children 6–17', areaServed: ['all'], languages: ['en'] },
        { id: 'legal-aid', name: 'Legal aid', description: 'A lawyer for children in conflict with the law and survivors', areaServed: ['all'], languages: ['en'] },
        { id: 'family-tracing', name: 'Family tracing and reunification', areaServed: ['all'], languages: ['en'] },
      ],
    },
    {
      id: `health-${tenantId}`,
      name: 'Provincial health department',
      kind: 'ministry',
      description: 'Public health services',
      services: [
        { id: 'mental-health', name: 'Child mental health clinic', eligibility: 'Referral by a caseworker', areaServed: ['all'], languages: [] },
        { id: 'disability-assessment', name: 'Disability assessment', areaServed: ['all'], languages: [] },
      ],
    },
  ];
}

const place = (id: string, parentId: string | null, level: string, en: string, local: Record<string, string> = {}): LocationEntry =>
  ({ id, parentId, level, name: { en, ...local } });

/** A small location tree per demo tenant, in the country's own levels (see `defaultLocationLevels`). */
export const DEMO_LOCATIONS: Record<string, LocationEntry[]> = {
  mm: [
    place('yangon', null, 'state_region', 'Yangon Region', { my: 'ရန်ကုန်တိုင်းဒေသကြီး' }),
    place('yangon-east', 'yangon', 'district', 'Yangon East', { my: 'ရန်ကုန်အရှေ့ပိုင်း' }),
    place('thingangyun', 'yangon-east', 'township', 'Thingangyun', { my: 'သင်္ဃန်းကျွန်း' }),
    place('mandalay', null, 'state_region', 'Mandalay Region', { my: 'မန္တလေးတိုင်းဒေသကြီး' }),
    place('mandalay-district', 'mandalay', 'district', 'Mandalay', { my: 'မန္တလေး' }),
    place('chanayethazan', 'mandalay-district', 'township', 'Chanayethazan', { my: 'ချမ်းအေးသာစံ' }),
  ],
  vn: [
    place('ha-noi', null, 'province', 'Ha Noi', { vi: 'Hà Nội' }),
    place('ba-dinh', 'ha-noi', 'district', 'Ba Dinh', { vi: 'Ba Đình' }),
    place('phuc-xa', 'ba-dinh', 'commune', 'Phuc Xa', { vi: 'Phúc Xá' }),
    place('nghe-an', null, 'province', 'Nghe An', { vi: 'Nghệ An' }),
    place('vinh', 'nghe-an', 'district', 'Vinh', { vi: 'Vinh' }),
  ],
  'vn-na': [
    place('vinh', null, 'district', 'Vinh', { vi: 'Thành phố Vinh' }),
    place('hung-dung', 'vinh', 'commune', 'Hung Dung', { vi: 'Hưng Dũng' }),
    place('ben-thuy', 'vinh', 'commune', 'Ben Thuy', { vi: 'Bến Thủy' }),
    place('dien-chau', null, 'district', 'Dien Chau', { vi: 'Diễn Châu' }),
    place('dien-thanh', 'dien-chau', 'commune', 'Dien Thanh', { vi: 'Diễn Thành' }),
  ],
  sy: [
    place('aleppo', null, 'governorate', 'Aleppo', { ar: 'حلب' }),
    place('jebel-saman', 'aleppo', 'district', 'Jebel Saman', { ar: 'جبل سمعان' }),
    place('al-bab', 'aleppo', 'district', 'Al-Bab', { ar: 'الباب' }),
  ],
  eg: [
    place('cairo', null, 'governorate', 'Cairo', { ar: 'القاهرة' }),
    place('nasr-city', 'cairo', 'district', 'Nasr City', { ar: 'مدينة نصر' }),
    place('giza', null, 'governorate', 'Giza', { ar: 'الجيزة' }),
    place('dokki', 'giza', 'district', 'Dokki', { ar: 'الدقي' }),
  ],
};
