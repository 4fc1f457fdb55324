import type { PersonInput } from "../../../contracts/linnet/snapshot-input.js";

/** A full person for `POST /sandbox/directory` from whatever fields were given; missing ones get plain defaults. */
export function personFromFields(
  sourceId: string,
  fields: Record<string, unknown>,
  managerSourceId: string | null,
  today: string,
): PersonInput {
  const pick = <T>(key: string, fallback: T): T => (key in fields ? (fields[key] as T) : fallback);
  return {
    source_id: sourceId,
    individual: {
      first_name: pick("first_name", "New"),
      middle_name: pick("middle_name", null),
      last_name: pick("last_name", "Employee"),
      preferred_name: pick("preferred_name", null),
      emails: pick("emails", null),
      phone_numbers: pick("phone_numbers", null),
      gender: pick("gender", null),
      ethnicity: pick("ethnicity", null),
      marital_status: pick("marital_status", null),
      dob: pick("dob", null),
      ssn: pick("ssn", null),
      residence: pick("residence", null),
    },
    employment: {
      title: pick("title", null),
      manager_source_id: managerSourceId,
      department: pick("department", null),
      employment: pick("employment", { type: "employee", subtype: "full_time" }),
      start_date: pick("start_date", today),
      end_date: pick("end_date", null),
      latest_rehire_date: pick("latest_rehire_date", null),
      is_active: pick("is_active", true),
      employment_status: pick("employment_status", "active"),
      flsa_status: pick("flsa_status", null),
      class_code: pick("class_code", null),
      location: pick("location", null),
      income: pick("income", null),
      income_history: pick("income_history", null),
      custom_fields: pick("custom_fields", null),
      union_code: pick("union_code", null),
      union_local: pick("union_local", null),
      highly_compensated_employee: pick("highly_compensated_employee", null),
      key_employee: pick("key_employee", null),
    },
  };
}
