-- Task results (RULES.md §10): one row per task or product of a person in a month, keyed by the task's
-- Mã nhiệm vụ (its match key) or, without one, by its name's match key; the prefix keeps the two apart.
-- Versioned and audited like the month's people (versioned-upsert.ts).
create table task (
  org_id int not null references organisation(id),
  period text not null check (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  person_id int not null references person(id),
  task_key text not null,
  task_ref text,
  task_name text not null,
  source text not null check (source in ('văn bản', 'kế hoạch', 'phát sinh', 'tự đăng ký')),
  role text not null check (role in ('chủ trì', 'phối hợp')),
  k numeric(4,2) not null check (k > 0 and k <= 10),
  g int check (g between 0 and 100000),
  h int check (h between 0 and 100000),
  due_on date,
  done_on date,
  q_fails int check (q_fails between 0 and 4),
  d_fails int check (d_fails between 0 and 4),
  exceeded boolean,
  objective boolean,
  confirmed_by text,
  note text,
  version int not null,
  updated_at timestamptz not null default now(),
  updated_by int references app_user(id),
  primary key (org_id, period, person_id, task_key),
  check (objective is not true or confirmed_by is not null)
);
create index task_person_idx on task (org_id, person_id);

-- A leader's typed axes of NĐ 335 Điều 15 (RULES.md §10, leaderAxes): đ capacity to organise, e the rest.
-- A month row carrying either is a leader's when the rule set's leaderAxes is on.
alter table person_month
  add column leader_organise_pct numeric(5,2) check (leader_organise_pct between 0 and 100),
  add column leader_other_pct numeric(5,2) check (leader_other_pct between 0 and 100);
