import type { DossierTitle, Holder } from '../contract/dossier-titles.ts';
import type { Db } from '../db/database.ts';
import type { VersionedTable } from '../db/versioned-upsert.ts';

export interface RegistrationKey {
  holder: Holder;
  /** person.id or unit.id. */
  holderId: number;
}

export interface RegistrationRecord {
  titleRegistered: DossierTitle | null;
  awardRegistered: DossierTitle | null;
  initiativeRegistered: string | null;
  pledge: string | null;
  /** YYYY-MM-DD. */
  registeredOn: string | null;
  /** Chức vụ as the sheet gives it. */
  position: string | null;
  note: string | null;
}

/** The year's registrations (REG-1), one per holder. */
export const REGISTRATION: VersionedTable<RegistrationKey, RegistrationRecord> = {
  table: 'registration',
  scope: 'period',
  keys: [
    { name: 'holder', field: 'holder', type: 'text' },
    { name: 'holder_id', field: 'holderId', type: 'int' },
  ],
  entity: 'registration',
  columns: [
    { name: 'title_registered', field: 'titleRegistered', type: 'text' },
    { name: 'award_registered', field: 'awardRegistered', type: 'text' },
    { name: 'initiative_registered', field: 'initiativeRegistered', type: 'text' },
    { name: 'pledge', field: 'pledge', type: 'text' },
    { name: 'registered_on', field: 'registeredOn', type: 'date' },
    { name: 'position', field: 'position', type: 'text' },
    { name: 'note', field: 'note', type: 'text' },
  ],
};

export interface StoredRegistration extends RegistrationRecord {
  holder: Holder;
  code: string | null;
  name: string | null;
  unit: string | null;
  recruitedOn: string | null;
  version: number;
  updatedAt: string;
}

/** A year's registrations, people by staff code then collectives by name. */
export async function loadRegistrations(db: Db, orgId: number, year: string): Promise<StoredRegistration[]> {
  return db.query<StoredRegistration>(
    `select r.holder, p.code, p.full_name as name, coalesce(u.name, pu.name) as unit,
       to_char(p.recruited_on, 'YYYY-MM-DD') as "recruitedOn", r.title_registered as "titleRegistered",
       r.award_registered as "awardRegistered", r.initiative_registered as "initiativeRegistered", r.pledge,
       to_char(r.registered_on, 'YYYY-MM-DD') as "registeredOn", r.position, r.note, r.version,
       to_char(r.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "updatedAt"
     from registration r
       left join person p on r.holder = 'person' and p.org_id = r.org_id and p.id = r.holder_id
       left join unit pu on pu.id = p.unit_id
       left join unit u on r.holder = 'unit' and u.org_id = r.org_id and u.id = r.holder_id
     where r.org_id = $1 and r.period = $2
     order by r.holder, coalesce(p.code, u.name) collate "C"`,
    [orgId, year],
  );
}
