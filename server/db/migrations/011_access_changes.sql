-- Announces, at commit, every change of what authentication and /me read: a key's owner, hash, expiry or
-- revocation; a user; an organisation's slug or name. The embedded database's process caches these (one
-- process owns its folder) and empties its cache on the notice, so a read never waits behind a long push
-- and a revoked key is refused as soon as the revocation commits. A rolled-back change announces nothing.
-- Writes a push makes (organisation.next_code) and a key's last use announce nothing either.
create function announce_access_change() returns trigger language plpgsql as $$
begin
  perform pg_notify('access_change', '');
  return null;
end $$;

create trigger access_key_change after update on access_key for each row
  when ((old.id, old.org_id, old.user_id, old.prefix, old.hash, old.expires_at, old.revoked_at)
        is distinct from (new.id, new.org_id, new.user_id, new.prefix, new.hash, new.expires_at, new.revoked_at))
  execute function announce_access_change();
create trigger access_key_rows after insert or delete or truncate on access_key
  for each statement execute function announce_access_change();

create trigger app_user_change after update on app_user for each row
  when (old is distinct from new)
  execute function announce_access_change();
create trigger app_user_rows after insert or delete or truncate on app_user
  for each statement execute function announce_access_change();

create trigger organisation_change after update on organisation for each row
  when ((old.id, old.slug, old.name) is distinct from (new.id, new.slug, new.name))
  execute function announce_access_change();
create trigger organisation_rows after insert or delete or truncate on organisation
  for each statement execute function announce_access_change();
