/**
 * Departments the generator can create, each with its job ladder, pay and workers' compensation class. Salaries are
 * mid-level base pay in dollars; the ladder scales from it (see compensation.ts).
 */

/** One department the generator may create. */
export interface DepartmentSpec {
  /** Name on the company and on employments. */
  name: string;
  /** Parent department, for sub-departments. */
  parent: string | null;
  /** Relative headcount. */
  weight: number;
  /** Mid-level yearly salary in dollars. */
  salary: number;
  /** Share of entry- and mid-level full-time staff paid by the hour. */
  hourlyShare: number;
  /** Hourly rate range in dollars for hourly staff. */
  hourlyRate: readonly [number, number];
  /** Head title in a small company, in a large one. */
  head: readonly [string, string];
  /** Title of a people manager. */
  manager: string;
  /** Individual-contributor ladder: entry, mid, senior, principal. */
  ladder: readonly [string, string, string, string];
  /** Titles for hourly staff. */
  hourlyTitles: readonly string[];
  /** NCCI workers' compensation class code. */
  classCode: string;
  /** Paid commission on top of salary. */
  commission?: boolean;
}

type Row = [string, string | null, number, number, number, [number, number], [string, string], string, [string, string, string, string], string[], string, boolean?];

// Compact rows keep the catalogue readable at a glance; `spec` names the columns.
const rows: Row[] = [
  ["Executive", null, 0.4, 90_000, 0, [22, 35], ["Chief Executive Officer", "Chief Executive Officer"], "Chief of Staff", ["Executive Assistant", "Senior Executive Assistant", "Business Operations Lead", "Director of Strategy"], ["Executive Assistant"], "8810"],
  ["Engineering", null, 20, 140_000, 0, [25, 45], ["Head of Engineering", "VP of Engineering"], "Engineering Manager", ["Software Engineer I", "Software Engineer II", "Senior Software Engineer", "Staff Software Engineer"], ["Engineering Technician"], "8810"],
  ["Platform Engineering", "Engineering", 6, 150_000, 0, [25, 45], ["Platform Engineering Lead", "Director of Platform Engineering"], "Platform Engineering Manager", ["Site Reliability Engineer I", "Site Reliability Engineer II", "Senior Site Reliability Engineer", "Staff Site Reliability Engineer"], ["Engineering Technician"], "8810"],
  ["Quality Assurance", "Engineering", 4, 95_000, 0.15, [22, 40], ["QA Lead", "Director of Quality Assurance"], "QA Manager", ["QA Analyst", "QA Engineer", "Senior QA Engineer", "Lead QA Engineer"], ["QA Tester"], "8810"],
  ["Data Science", "Engineering", 4, 145_000, 0, [25, 45], ["Data Science Lead", "Director of Data Science"], "Data Science Manager", ["Data Analyst", "Data Scientist", "Senior Data Scientist", "Staff Data Scientist"], ["Data Entry Specialist"], "8810"],
  ["Product", null, 5, 150_000, 0, [25, 45], ["Head of Product", "VP of Product"], "Group Product Manager", ["Associate Product Manager", "Product Manager", "Senior Product Manager", "Principal Product Manager"], ["Product Operations Assistant"], "8810"],
  ["Design", null, 3, 120_000, 0, [25, 45], ["Head of Design", "VP of Design"], "Design Manager", ["Product Designer I", "Product Designer II", "Senior Product Designer", "Principal Designer"], ["Production Artist"], "8810"],
  ["Sales", null, 14, 85_000, 0, [20, 35], ["Head of Sales", "VP of Sales"], "Sales Manager", ["Account Executive I", "Account Executive", "Senior Account Executive", "Enterprise Account Executive"], ["Inside Sales Representative"], "8742", true],
  ["Sales Development", "Sales", 6, 62_000, 0.3, [18, 28], ["Sales Development Lead", "Director of Sales Development"], "Sales Development Manager", ["Sales Development Representative", "Senior Sales Development Representative", "Business Development Representative", "Senior Business Development Representative"], ["Inside Sales Representative", "Lead Qualification Specialist"], "8810", true],
  ["Account Management", "Sales", 4, 85_000, 0, [20, 35], ["Account Management Lead", "Director of Account Management"], "Account Management Team Lead", ["Associate Account Manager", "Account Manager", "Senior Account Manager", "Strategic Account Manager"], ["Account Coordinator"], "8742", true],
  ["Marketing", null, 6, 95_000, 0, [20, 35], ["Head of Marketing", "VP of Marketing"], "Marketing Manager", ["Marketing Coordinator", "Marketing Specialist", "Senior Marketing Specialist", "Principal Marketing Strategist"], ["Marketing Assistant"], "8810"],
  ["Communications", "Marketing", 2, 85_000, 0, [20, 35], ["Communications Lead", "Director of Communications"], "Communications Manager", ["Communications Coordinator", "Communications Specialist", "Senior Communications Specialist", "Principal Communications Strategist"], ["Communications Assistant"], "8810"],
  ["Customer Support", null, 10, 55_000, 0.75, [17, 27], ["Support Lead", "Director of Customer Support"], "Support Manager", ["Support Specialist I", "Support Specialist II", "Senior Support Specialist", "Support Operations Analyst"], ["Customer Support Representative", "Support Agent", "Technical Support Representative"], "8810"],
  ["Customer Success", null, 5, 80_000, 0.1, [22, 32], ["Head of Customer Success", "VP of Customer Success"], "Customer Success Team Lead", ["Customer Success Associate", "Customer Success Manager", "Senior Customer Success Manager", "Principal Customer Success Manager"], ["Onboarding Specialist"], "8810"],
  ["Operations", null, 10, 70_000, 0.6, [16, 30], ["Head of Operations", "VP of Operations"], "Operations Manager", ["Operations Associate", "Operations Analyst", "Senior Operations Analyst", "Operations Program Manager"], ["Operations Associate", "Operations Technician", "Logistics Coordinator"], "8810"],
  ["Warehouse", "Operations", 8, 52_000, 0.9, [16, 26], ["Warehouse Lead", "Director of Warehouse Operations"], "Warehouse Supervisor", ["Warehouse Associate", "Inventory Specialist", "Senior Inventory Specialist", "Warehouse Planner"], ["Warehouse Associate", "Forklift Operator", "Picker/Packer", "Shipping Clerk", "Receiving Clerk"], "8292"],
  ["Logistics", "Operations", 4, 60_000, 0.5, [18, 32], ["Logistics Lead", "Director of Logistics"], "Logistics Manager", ["Logistics Coordinator", "Logistics Analyst", "Senior Logistics Analyst", "Transportation Planner"], ["Delivery Driver", "Dispatcher", "Logistics Clerk"], "7380"],
  ["Finance", null, 4, 95_000, 0, [20, 35], ["Head of Finance", "Chief Financial Officer"], "Finance Manager", ["Financial Analyst I", "Financial Analyst II", "Senior Financial Analyst", "Finance Business Partner"], ["Finance Assistant"], "8810"],
  ["Accounting", "Finance", 3, 75_000, 0.15, [20, 32], ["Controller", "Corporate Controller"], "Accounting Manager", ["Staff Accountant", "Accountant", "Senior Accountant", "Lead Accountant"], ["Accounts Payable Clerk", "Bookkeeper", "Payroll Clerk"], "8810"],
  ["Human Resources", null, 3, 80_000, 0.05, [20, 32], ["HR Lead", "VP of Human Resources"], "HR Manager", ["HR Coordinator", "HR Generalist", "HR Business Partner", "Senior HR Business Partner"], ["HR Assistant"], "8810"],
  ["Recruiting", "Human Resources", 2, 80_000, 0.05, [20, 32], ["Recruiting Lead", "Director of Talent Acquisition"], "Recruiting Manager", ["Recruiting Coordinator", "Recruiter", "Senior Recruiter", "Lead Recruiter"], ["Recruiting Assistant"], "8810"],
  ["Legal", null, 1.5, 125_000, 0, [25, 45], ["General Counsel", "Chief Legal Officer"], "Associate General Counsel", ["Paralegal", "Corporate Counsel", "Senior Corporate Counsel", "Lead Counsel"], ["Legal Assistant"], "8820"],
  ["Information Technology", null, 3, 90_000, 0.2, [20, 35], ["IT Lead", "Director of IT"], "IT Manager", ["IT Support Technician", "Systems Administrator", "Senior Systems Administrator", "IT Architect"], ["Help Desk Technician", "Desktop Support Technician"], "8810"],
  ["Facilities", null, 2, 55_000, 0.8, [16, 28], ["Facilities Lead", "Director of Facilities"], "Facilities Manager", ["Facilities Coordinator", "Facilities Specialist", "Senior Facilities Specialist", "Workplace Planner"], ["Facilities Technician", "Maintenance Technician", "Custodian", "Receptionist"], "9015"],
];

function spec([name, parent, weight, salary, hourlyShare, hourlyRate, head, manager, ladder, hourlyTitles, classCode, commission]: Row): DepartmentSpec {
  return { name, parent, weight, salary, hourlyShare, hourlyRate, head, manager, ladder, hourlyTitles, classCode, commission: commission ?? false };
}

/** The Executive department, always present: the CEO heads it. */
export const EXECUTIVE: DepartmentSpec = spec(rows[0]!);

/** Every other department, top-level ones before their sub-departments. */
export const DEPARTMENTS: readonly DepartmentSpec[] = rows.slice(1).map(spec);
