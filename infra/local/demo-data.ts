import type { Role } from '../../shared/auth/roles.ts';
import type { CaseInput } from '../../shared/schemas/case.ts';
import type { OrganizationInput } from '../../shared/schemas/organization.ts';
import type { TenantOnboardingInput } from '../../shared/schemas/tenant.ts';
import type { LocationEntry } from '../../shared/schemas/lookups.ts';

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
