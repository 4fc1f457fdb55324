/**
 * ADP Workforce Now: a custom report of associates (Reports & Analytics → Custom Reports, exported to CSV). Headers are
 * the report builder's field names; dates are MM/DD/YYYY.
 */
import type { MappingTemplate } from "../mapping.js";

/** ADP Workforce Now employee census. */
export const ADP_WORKFORCE_NOW_CENSUS: MappingTemplate = {
  provider_id: "adp_workforce_now",
  group: "org",
  name: "ADP Workforce Now — employee census (custom report)",
  mapping: {
    group: "org",
    dateFormat: "MM/DD/YYYY",
    amountsIn: "dollars",
    columns: {
      source_id: "Associate ID",
      first_name: "Legal First Name",
      middle_name: "Legal Middle Name",
      last_name: "Legal Last Name",
      preferred_name: "Preferred First Name",
      ssn: "Tax ID (SSN)",
      dob: "Birth Date",
      gender: "Gender",
      work_email: "Work Contact: Work Email",
      personal_email: "Personal Contact: Personal Email",
      work_phone: "Work Contact: Work Phone",
      personal_phone: "Personal Contact: Personal Mobile",
      address_line1: "Primary Address: Address Line 1",
      address_line2: "Primary Address: Address Line 2",
      address_city: "Primary Address: City",
      address_state: "Primary Address: State / Territory Code",
      address_postal_code: "Primary Address: Zip / Postal Code",
      address_country: "Primary Address: Country Code",
      title: "Job Title Description",
      department: "Home Department Description",
      manager_id: "Reports To Associate ID",
      employment_type: "Worker Category Description",
      employment_status: "Position Status",
      start_date: "Hire Date",
      rehire_date: "Rehire Date",
      end_date: "Termination Date",
      flsa_status: "FLSA Description",
      pay_rate: "Regular Pay Rate Amount",
      pay_unit: "Regular Pay Rate Description",
      pay_effective_date: "Regular Pay Effective Date",
      location_name: "Location Description",
    },
  },
};
