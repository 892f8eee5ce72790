-- The year's dossier (research/next-capabilities.md DOC-2, DOC-5): the council's votes and the decisions register.
-- A holder is a person (holder_id = person.id) or a collective (holder_id = unit.id); the period is the year
-- of the sheet, so its pushes share the year's lock, finalisation and audit.

-- One council vote on one holder's title ("Kết quả bình xét <YYYY>").
create table council_vote (
  org_id int not null references organisation(id),
  period text not null check (period ~ '^\d{4}$'),
  holder text not null check (holder in ('person', 'unit')),
  holder_id int not null,
  title text not null,
  members int not null check (members >= 1),
  present int check (present >= 0 and present <= members),
  agree int not null check (agree >= 0 and agree <= members),
  note text,
  version int not null,
  updated_at timestamptz not null default now(),
  updated_by int references app_user(id),
  primary key (org_id, period, holder, holder_id, title)
);

-- One awarded title or commendation ("Quyết định khen thưởng <YYYY>"), keyed by holder, title and Năm thành tích.
create table decision_register (
  org_id int not null references organisation(id),
  period text not null check (period ~ '^\d{4}$'),
  holder text not null check (holder in ('person', 'unit')),
  holder_id int not null,
  title text not null,
  achievement_year int not null check (achievement_year between 1900 and 2199),
  decision_no text not null,
  decided_on date not null,
  issuer text,
  gold_book_no text,
  note text,
  version int not null,
  updated_at timestamptz not null default now(),
  updated_by int references app_user(id),
  primary key (org_id, period, holder, holder_id, title, achievement_year)
);
-- Later years look back on a holder's decisions by the year the title is for.
create index decision_register_achievement_idx on decision_register (org_id, holder, achievement_year);

-- One holder's registration for the year ("Đăng ký thi đua <YYYY>", REG-1): at most one row per holder.
create table registration (
  org_id int not null references organisation(id),
  period text not null check (period ~ '^\d{4}$'),
  holder text not null check (holder in ('person', 'unit')),
  holder_id int not null,
  title_registered text,
  award_registered text,
  initiative_registered text,
  pledge text,
  registered_on date,
  position text,
  note text,
  version int not null,
  updated_at timestamptz not null default now(),
  updated_by int references app_user(id),
  primary key (org_id, period, holder, holder_id)
);

-- A collective's pledge target ("Giao ước thi đua <YYYY>", REG-5), keyed by unit and the content's match key.
create table pledge (
  org_id int not null references organisation(id),
  period text not null check (period ~ '^\d{4}$'),
  unit_id int not null references unit(id),
  content_key text not null,
  content text not null,
  target text,
  measure text,
  plan numeric(16,2) check (plan >= 0),
  result numeric(16,2) check (result >= 0),
  note text,
  version int not null,
  updated_at timestamptz not null default now(),
  updated_by int references app_user(id),
  primary key (org_id, period, unit_id, content_key)
);

-- Year decisions taking a holder's title off the proposal list, and putting it back (DOC-1): `withdraw` and
-- `reinstate` name one holder (keys[1]) and the title.
alter table decision drop constraint decision_kind_check;
alter table decision add constraint decision_kind_check
  check (kind in ('award', 'withdraw-award', 'raise-rate', 'finalise', 'reopen', 'withdraw', 'reinstate'));
alter table decision add column title text;
alter table decision add constraint decision_title_check check ((kind in ('withdraw', 'reinstate')) = (title is not null));
