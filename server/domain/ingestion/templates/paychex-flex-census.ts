/**
 * Paychex Flex: the Employee Census report (Reports → Employee), exported to CSV. Operators on European-locale Excel
 * often re-save it with `;` and decimal commas, which parsing handles. Dates are MM/DD/YYYY.
 */
import type { MappingTemplate } from "../mapping.js";

/** Paychex Flex employee census. */
export const PAYCHEX_FLEX_CENSUS: MappingTemplate = {
  provider_id: "paychex_flex",
  group: "org",
  name: "Paychex Flex — Employee Census report",
  mapping: {
    group: "org",
    dateFormat: "MM/DD/YYYY",
    amountsIn: "dollars",
    columns: {
      source_id: "Employee ID",
      first_name: "First Name",
      middle_name: "Middle Name",
      last_name: "Last Name",
      preferred_name: "Preferred Name",
      ssn: "SSN",
      dob: "Birth Date",
      gender: "Gender",
      personal_email: "Personal Email",
      work_email: "Work Email",
      personal_phone: "Home Phone",
      address_line1: "Address 1",
      address_line2: "Address 2",
      address_city: "City",
      address_state: "State",
      address_postal_code: "Zip Code",
      title: "Job Title",
      department: "Department",
      manager_id: "Supervisor ID",
      employment_type: "Employment Type",
      employment_status: "Employee Status",
      start_date: "Hire Date",
      end_date: "Termination Date",
      flsa_status: "Exempt Status",
      pay_rate: "Pay Rate",
      pay_unit: "Pay Type",
      location_name: "Work Location",
    },
  },
};
