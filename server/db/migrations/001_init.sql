-- Everything is keyed by organisation, so one database can serve a whole province.
create table organisation (
  id serial primary key,
  slug text not null unique,
  name text not null,
  next_code int not null default 1,
  created_at timestamptz not null default now()
);

create table unit (
  id serial primary key,
  org_id int not null references organisation(id),
  name text not null,
  name_key text not null,
  created_at timestamptz not null default now(),
  unique (org_id, name_key)
);

create table person (
  id serial primary key,
  org_id int not null references organisation(id),
  code text not null,
  full_name text not null,
  name_key text not null,
  unit_id int references unit(id),
  duty_group text,
  title text,
  sex text check (sex in ('nam', 'nữ')),
  recruited_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (org_id, code)
);
create index person_name_idx on person (org_id, name_key);

create table app_user (
  id serial primary key,
  org_id int not null references organisation(id),
  name text not null,
  role text not null check (role in ('admin', 'council', 'rater', 'viewer')),
  -- raters write only these units (unit name keys)
  units text[] not null default '{}',
  created_at timestamptz not null default now(),
  disabled_at timestamptz
);

create table access_key (
  id serial primary key,
  org_id int not null references organisation(id),
  user_id int not null references app_user(id),
  prefix text not null unique,
  hash text not null,
  label text,
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz
);

-- Scores are numeric(4,1): at most one decimal, as RULES.md §1 asks; the rules compare in tenths.
create table person_month (
  org_id int not null references organisation(id),
  period text not null check (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  person_id int not null references person(id),
  unit_id int not null references unit(id),
  duty_group text,
  score numeric(4,1),
  self_score numeric(4,1),
  general numeric(4,1),
  results numeric(4,1),
  all_tasks_done boolean,
  exceeded_pct numeric(5,2),
  late_pct numeric(5,2),
  discipline text,
  leave text,
  note text,
  version int not null,
  updated_at timestamptz not null default now(),
  updated_by int references app_user(id),
  primary key (org_id, period, person_id)
);

create table unit_month (
  org_id int not null references organisation(id),
  period text not null check (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  unit_id int not null references unit(id),
  score numeric(4,1),
  self_score numeric(4,1),
  general numeric(4,1),
  results numeric(4,1),
  all_tasks_done boolean,
  exceeded_pct numeric(5,2),
  late_pct numeric(5,2),
  discipline text,
  note text,
  version int not null,
  updated_at timestamptz not null default now(),
  updated_by int references app_user(id),
  primary key (org_id, period, unit_id)
);

create table rule_set (
  org_id int not null references organisation(id),
  version int not null,
  body jsonb not null,
  created_at timestamptz not null default now(),
  created_by int references app_user(id),
  primary key (org_id, version)
);

-- A period (month 'YYYY-MM' or year 'YYYY') is open until the council finalises it.
create table period_state (
  org_id int not null references organisation(id),
  period text not null,
  finalised boolean not null default false,
  raised_rate int,
  raised_reason text,
  updated_at timestamptz not null default now(),
  primary key (org_id, period)
);

create table decision (
  id serial primary key,
  org_id int not null references organisation(id),
  period text not null,
  subject text not null check (subject in ('person', 'unit')),
  kind text not null check (kind in ('award', 'withdraw-award', 'raise-rate', 'finalise', 'reopen')),
  keys text[] not null default '{}',
  rate int,
  reason text not null,
  decided_by int references app_user(id),
  decided_at timestamptz not null default now()
);
create index decision_period_idx on decision (org_id, period);

create table push (
  org_id int not null references organisation(id),
  idempotency_key text not null,
  request_hash text not null,
  status int not null,
  response jsonb not null,
  created_at timestamptz not null default now(),
  primary key (org_id, idempotency_key)
);

create table audit (
  id bigserial primary key,
  org_id int not null references organisation(id),
  at timestamptz not null default now(),
  actor int references app_user(id),
  push_key text,
  entity text not null,
  entity_key text not null,
  period text,
  action text not null,
  old_values jsonb,
  new_values jsonb
);
create index audit_org_idx on audit (org_id, at);
create index audit_entity_idx on audit (org_id, entity_key);
