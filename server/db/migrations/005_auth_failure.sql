-- Failed authentications, shared by every service process on one database (the throttle of
-- server/middleware/auth-throttle.ts): per presented key (its digest prefix) and per client address, in
-- fixed windows. Rows of windows long over are deleted as new failures come.
create table auth_failure (
  scope text not null check (scope in ('key', 'address')),
  id text not null,
  since_ms bigint not null,
  failures int not null,
  primary key (scope, id)
);
create index auth_failure_since_idx on auth_failure (since_ms);
