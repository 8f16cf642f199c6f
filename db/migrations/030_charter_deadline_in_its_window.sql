-- A charter's deadline has one record: its answer window, which the web checks a signature against and the
-- workflow moves when the admin extends it. The copy on the pair, kept in step by a second write, goes; pages
-- read it from the window. A pair whose window was never written (none since 006) gets it, closed unless the
-- pair still waits for signatures.
insert into answer_windows (form, subject_id, cohort_id, pair_id, closes_at, closed_at)
  select 'charter', x.id::text, x.cohort_id, x.id, x.charter_deadline,
    case when x.status = 'active' and x.stage in ('introduction', 'charter') then null else now() end
  from pairs x
  where x.charter_deadline is not null
on conflict (form, subject_id) do nothing;

alter table pairs drop column charter_deadline;
