/** A drive of the year's register (sheet "Phong trào", DRV-1) as the rules see it; dates 'YYYY-MM-DD'. */
export interface DriveInput {
  code: string;
  name: string;
  from: string | null;
  to: string | null;
}

/** A stored contribution (sheet "Đóng góp", DRV-2). Amounts in whole đồng. */
export interface ContributionInput {
  driveCode: string;
  /** The unit the contribution belongs to on its date, as written (DRV-6.5, 6.6). */
  unit: string;
  /** Staff code (or name) for a person-level row; null for a unit-level row. */
  person: string | null;
  form: 'money' | 'in-kind';
  amount: number | null;
  inKindValue: number | null;
  date: string | null;
}
