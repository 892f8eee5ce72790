import type { Role } from '../contract/admin.ts';
import type { Db } from '../db/database.ts';

export interface User {
  id: number;
  orgId: number;
  name: string;
  role: Role;
  units: string[];
  createdAt: string;
  disabled: boolean;
}

const USER_COLUMNS = `id, org_id as "orgId", name, role, units,
  to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt", disabled_at is not null as disabled`;

export async function createUser(db: Db, orgId: number, name: string, role: Role, units: string[]): Promise<User> {
  const [row] = await db.query<User>(
    `insert into app_user (org_id, name, role, units) values ($1, $2, $3, $4::text[]) returning ${USER_COLUMNS}`,
    [orgId, name, role, units],
  );
  return row!;
}

export async function listUsers(db: Db, orgId: number): Promise<User[]> {
  return db.query<User>(`select ${USER_COLUMNS} from app_user where org_id = $1 order by id`, [orgId]);
}

export async function getUser(db: Db, orgId: number, id: number): Promise<User | undefined> {
  const [row] = await db.query<User>(`select ${USER_COLUMNS} from app_user where org_id = $1 and id = $2`, [orgId, id]);
  return row;
}

export async function updateUser(
  db: Db,
  orgId: number,
  id: number,
  patch: { name?: string | undefined; role?: Role | undefined; units?: string[] | undefined; disabled?: boolean | undefined },
): Promise<User | undefined> {
  const [row] = await db.query<User>(
    `update app_user set
       name = coalesce($3, name),
       role = coalesce($4, role),
       units = coalesce($5::text[], units),
       disabled_at = case when $6::boolean is null then disabled_at when $6 then coalesce(disabled_at, now()) else null end
     where org_id = $1 and id = $2
     returning ${USER_COLUMNS}`,
    [orgId, id, patch.name ?? null, patch.role ?? null, patch.units ?? null, patch.disabled ?? null],
  );
  return row;
}
