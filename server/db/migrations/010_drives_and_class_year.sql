-- Movements and donation drives (research/next-capabilities.md DRV-1, DRV-2), and the year a class belongs to
-- (DOC-7 counts the students commended per year). Drives and contributions are the year's (period 'YYYY'), so
-- their pushes share the year's lock, finalisation and audit. Amounts never feed a level or a title.

-- The year's register of movements and drives ("Phong trào <YYYY>"), keyed by the code's match key.
create table movement (
  org_id int not null references organisation(id),
  period text not null check (period ~ '^\d{4}$'),
  code_key text not null,
  code text not null,
  name text not null,
  kind text,
  level text,
  doc_ref text,
  from_date date,
  to_date date check (to_date is null or from_date is null or to_date >= from_date),
  ask text,
  target text,
  note text,
  version int not null,
  updated_at timestamptz not null default now(),
  updated_by int references app_user(id),
  primary key (org_id, period, code_key)
);

-- One contribution ("Đóng góp <YYYY>"): a unit's (person_key '') or a person's, for one drive; entry_key tells
-- apart a holder's several contributions to one drive (Số chứng từ, else the date, else '').
create table contribution (
  org_id int not null references organisation(id),
  period text not null check (period ~ '^\d{4}$'),
  drive_key text not null,
  unit_id int not null references unit(id),
  person_key text not null,
  entry_key text not null,
  drive_code text not null,
  person_code text,
  person_name text,
  form text not null check (form in ('money', 'in-kind')),
  amount numeric(15,0) check (amount >= 0),
  in_kind text,
  in_kind_value numeric(15,0) check (in_kind_value >= 0),
  given_on date,
  receipt_no text,
  note text,
  version int not null,
  updated_at timestamptz not null default now(),
  updated_by int references app_user(id),
  primary key (org_id, period, drive_key, unit_id, person_key, entry_key),
  check (form <> 'money' or amount is not null)
);

-- The year a class belongs to (its students are counted in that year's statistics); a class is no period.
create table class_year (
  org_id int not null references organisation(id),
  class_key text not null,
  year int not null check (year between 1900 and 2199),
  updated_at timestamptz not null default now(),
  updated_by int references app_user(id),
  primary key (org_id, class_key)
);
create index class_year_year_idx on class_year (org_id, year);
