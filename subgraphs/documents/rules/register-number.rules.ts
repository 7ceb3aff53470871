/**
 * Records-register numbers, `AGENCY/YEAR/NNNNNN`: the agency's own sequence per calendar year
 * (Baghdad), as registries number their incoming and outgoing records. Six digits are more than
 * any agency registers in a year; the number grows wider rather than wrapping if one ever does.
 */
export function formatRegisterNumber(agency: string, year: number, sequence: number): string {
  return `${agency}/${year}/${String(sequence).padStart(6, '0')}`;
}

/**
 * Takes the next number in one statement (SQLite 3.35+ and PostgreSQL alike): the row is created
 * on the agency's first registration of the year, and the upsert's row lock makes concurrent
 * registrations wait for each other, so no number is given twice or skipped.
 */
export const NEXT_REGISTER_NUMBER_SQL = `insert into record_register_counter (agency_code, year, last_number) values (?, ?, 1)
on conflict (agency_code, year) do update set last_number = record_register_counter.last_number + 1
returning last_number`;
