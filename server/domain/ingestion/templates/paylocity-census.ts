/**
 * Paylocity: the Employee Census report exported to Excel. Status and employee type are Paylocity's codes (A/T/L,
 * RFT/RPT/TFT…); the department is cost center 1. Date cells arrive as dates; text dates are MM/DD/YYYY.
 */
import type { MappingTemplate } from "../mapping.js";

/** Paylocity employee census. */
export const PAYLOCITY_CENSUS: MappingTemplate = {
  provider_id: "paylocity",
  group: "org",
  name: "Paylocity — Employee Census report",
  mapping: {
    group: "org",
    dateFormat: "MM/DD/YYYY",
    amountsIn: "dollars",
    valueMaps: {
      employment_type: {
        RFT: { type: "employee", subtype: "full_time" },
        RPT: { type: "employee", subtype: "part_time" },
        TFT: { type: "employee", subtype: "temp" },
        TPT: { type: "employee", subtype: "temp" },
        SEA: { type: "employee", subtype: "seasonal" },
        INT: { type: "employee", subtype: "intern" },
        "1099": { type: "contractor", subtype: "individual_contractor" },
      },
      employment_status: { A: "active", L: "leave", T: "terminated", R: "retired", D: "deceased" },
    },
    columns: {
      source_id: "Employee Id",
      first_name: "First Name",
      middle_name: "Middle Name",
      last_name: "Last Name",
      preferred_name: "Nickname",
      ssn: "SSN",
      dob: "Birth Date",
      gender: "Gender",
      work_email: "Work Email",
      personal_email: "Personal Email",
      personal_phone: "Mobile Phone",
      address_line1: "Home Address 1",
      address_line2: "Home Address 2",
      address_city: "Home City",
      address_state: "Home State",
      address_postal_code: "Home Zip",
      address_country: "Home Country",
      title: "Job Title",
      department: "Cost Center 1",
      manager_id: "Supervisor Employee Id",
      employment_type: "Employee Type",
      employment_status: "Employee Status",
      start_date: "Hire Date",
      rehire_date: "Rehire Date",
      end_date: "Termination Date",
      flsa_status: "FLSA Status",
      pay_rate: "Base Rate",
      pay_unit: "Pay Type",
      location_name: "Work Location",
    },
  },
};
