-- Self-assessment and approval on the month's row of a person (research §3.3 TASK-5, RULES.md §10): the unit
-- head's score, the general criteria's parts of NĐ 335 Mẫu 01 (I.1, I.2 ≤ 5; II.1–II.4 ≤ 2.5; III per the rule
-- set's generalPartIIIMax) and where the assessment stands (Tự chấm → Trưởng đơn vị → Hội đồng → Đã chốt).
alter table person_month
  add column head_score numeric(4,1) check (head_score between 0 and 100),
  add column general_i1 numeric(4,1) check (general_i1 between 0 and 5),
  add column general_i2 numeric(4,1) check (general_i2 between 0 and 5),
  add column general_ii1 numeric(4,1) check (general_ii1 between 0 and 2.5),
  add column general_ii2 numeric(4,1) check (general_ii2 between 0 and 2.5),
  add column general_ii3 numeric(4,1) check (general_ii3 between 0 and 2.5),
  add column general_ii4 numeric(4,1) check (general_ii4 between 0 and 2.5),
  add column general_iii numeric(4,1) check (general_iii between 0 and 30),
  add column assessment_status text check (assessment_status in ('tu-cham', 'truong-don-vi', 'hoi-dong', 'da-chot'));
