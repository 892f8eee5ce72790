-- Yearly inputs (RULES.md §5–6) and students (§8). A year is the period 'YYYY', the same key period_state
-- and decision use, so the year's pushes, finalisation and council decisions share one lock and one audit.

-- One person's yearly sheet row: the year's gates and discipline, the council's vote, earlier titles.
create table person_year (
  org_id int not null references organisation(id),
  period text not null check (period ~ '^\d{4}$'),
  person_id int not null references person(id),
  unit_id int not null references unit(id),
  duty_group text,
  all_tasks_done boolean,
  exceeded_pct numeric(5,2),
  late_pct numeric(5,2),
  discipline text,
  pending_discipline_case boolean,
  vote_agree int check (vote_agree >= 0),
  vote_total int check (vote_total >= 1),
  prior_titles text,
  note text,
  version int not null,
  updated_at timestamptz not null default now(),
  updated_by int references app_user(id),
  primary key (org_id, period, person_id),
  check (vote_agree <= vote_total)
);

-- Initiatives (sáng kiến) and accepted research topics (đề tài): one row per person, kind and title in
-- the year the date falls in; the same title recognised again at a higher level in a later year is a new row.
create table initiative (
  org_id int not null references organisation(id),
  period text not null check (period ~ '^\d{4}$'),
  person_id int not null references person(id),
  kind text not null check (kind in ('sáng kiến', 'đề tài')),
  title_key text not null,
  title text not null,
  level text check (level in ('co-so', 'tinh', 'toan-quoc')),
  recognised_on date not null,
  note text,
  version int not null,
  updated_at timestamptz not null default now(),
  updated_by int references app_user(id),
  primary key (org_id, period, person_id, kind, title_key),
  check (kind = 'đề tài' or level is not null)
);
create index initiative_person_idx on initiative (org_id, person_id);

-- Students of a class (lớp): keyed by the class name's match key and the student code, or the student's
-- name match key when the sheet has no code.
create table student (
  org_id int not null references organisation(id),
  class_key text not null,
  student_key text not null,
  class_name text not null,
  code text,
  full_name text not null,
  gpa numeric(4,2) check (gpa between 0 and 10),
  conduct text check (conduct in ('Tốt', 'Khá', 'Trung bình', 'Yếu')),
  discipline text,
  note text,
  version int not null,
  updated_at timestamptz not null default now(),
  updated_by int references app_user(id),
  primary key (org_id, class_key, student_key)
);
