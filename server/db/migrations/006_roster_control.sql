-- Roster control (README "Who may add people"): whether raters may create people by pushing rows of
-- people the service does not know, or only the admin may (people then come from the roster import).
alter table organisation add column raters_create_people boolean not null default true;
