import { DEFAULT_RULE_SET } from '../contract/rule-set.ts';
import type { Db } from '../db/database.ts';
import { ensureOrganisation, lockBootstrap, type Organisation } from './organisation-repository.ts';
import { currentRuleSet, insertRuleSet } from '../rule-set/rule-set-repository.ts';
import { createUser } from './user-repository.ts';
import { issueKey, keyDigest, keyExists } from '../access/access.ts';
import { countAdminKeys, findKeyOwner } from '../access/access-key-repository.ts';

export interface Bootstrapped {
  organisation: Organisation;
  /** A new admin key, to print once; null when one exists already. */
  newAdminKey: string | null;
}

/**
 * Makes sure an organisation exists with a rule set and a way in: the key of BINHXET_ADMIN_TOKEN, or on
 * the very first start a new admin key. Under an advisory lock, so processes starting together agree.
 */
export async function bootstrapOrganisation(
  db: Db,
  org: { slug: string; name: string },
  adminToken: string | undefined,
): Promise<Bootstrapped> {
  return db.transaction(async () => {
    await lockBootstrap(db);
    const organisation = await ensureOrganisation(db, org.slug, org.name);
    if (!(await currentRuleSet(db, organisation.id))) await insertRuleSet(db, organisation.id, DEFAULT_RULE_SET, null);
    if (adminToken !== undefined) {
      const owner = await findKeyOwner(db, keyDigest(adminToken).prefix);
      if (owner && owner.orgId !== organisation.id) throw new AdminTokenTakenError(org.slug);
      if (!(await keyExists(db, organisation.id, adminToken))) {
        const admin = await createUser(db, organisation.id, 'Quản trị viên', 'admin', []);
        await issueKey(db, organisation.id, admin.id, { label: 'BINHXET_ADMIN_TOKEN', key: adminToken });
      }
      return { organisation, newAdminKey: null };
    }
    if ((await countAdminKeys(db, organisation.id)) > 0) return { organisation, newAdminKey: null };
    const admin = await createUser(db, organisation.id, 'Quản trị viên', 'admin', []);
    const { key } = await issueKey(db, organisation.id, admin.id, { label: 'Khóa quản trị đầu tiên' });
    return { organisation, newAdminKey: key };
  });
}

/** Keys are unique across the database: one token cannot open two organisations. */
export class AdminTokenTakenError extends Error {
  constructor(readonly slug: string) {
    super(
      `BINHXET_ADMIN_TOKEN đã là khóa của một tổ chức khác trong cơ sở dữ liệu này; hãy đặt một giá trị khác cho tổ chức ${slug}. ` +
        `(BINHXET_ADMIN_TOKEN is already the key of another organisation in this database; choose another value for ${slug}.)`,
    );
  }
}
