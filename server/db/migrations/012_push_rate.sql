-- Pushes per access key (PUSH_RATE_PER_MINUTE, server/middleware/push-rate.ts), shared by every service process
-- on one database: a token bucket per key, refilled evenly; `taken` says whether the last push took a token.
create table push_rate (
  key_id int primary key,
  tokens double precision not null,
  at_ms bigint not null,
  taken boolean not null
);
