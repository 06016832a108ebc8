-- Reporting (issue 4): a rollup of the submitted values per indicator × breakdown part × period × dimension row,
-- kept by a statement trigger IN THE SAME STATEMENT as every insert, update or delete of report_values (there is
-- no refresh job: analytics sees each write at once). A pivot or a half-year report then adds a few thousand
-- rollup rows instead of millions of values (measured in bench/suites/analytics-*.ts).

-- The weight of a weighted-average value (average income: the labour of the same report), copied onto the
-- value when it is written, so each value row carries its own contribution (value × weight, weight).
alter table report_values add column weight numeric(24, 6);

create table report_rollups (
  indicator_id smallint not null,
  combo text not null,
  period_start date not null,
  period_end date not null,
  dims_id integer not null,
  -- number of values (one per report), their sum, and the part of both that are estimates
  n integer not null default 0,
  total numeric not null default 0,
  n_est integer not null default 0,
  total_est numeric not null default 0,
  -- weighted averages: Σ weight and Σ value × weight, and their estimate parts
  w numeric not null default 0,
  vw numeric not null default 0,
  w_est numeric not null default 0,
  vw_est numeric not null default 0,
  primary key (indicator_id, combo, period_start, period_end, dims_id)
);

-- Each function adds the contributions of the statement's new rows and removes those of its old rows, grouped
-- and in key order (so concurrent writers lock rollup rows in the same order). Transition tables need one
-- trigger (and so one function) per event.
create function report_rollups_insert() returns trigger language plpgsql as $$
begin
  insert into report_rollups as r (indicator_id, combo, period_start, period_end, dims_id, n, total, n_est, total_est,
    w, vw, w_est, vw_est)
  select indicator_id, combo, period_start, period_end, dims_id,
    sum(sign), sum(sign * value),
    coalesce(sum(sign) filter (where is_estimate), 0), coalesce(sum(sign * value) filter (where is_estimate), 0),
    coalesce(sum(sign * weight), 0), coalesce(sum(sign * value * weight), 0),
    coalesce(sum(sign * weight) filter (where is_estimate), 0),
    coalesce(sum(sign * value * weight) filter (where is_estimate), 0)
  from (select indicator_id, combo, period_start, period_end, dims_id, value, is_estimate, weight, 1 as sign from new_rows) c
  group by indicator_id, combo, period_start, period_end, dims_id
  order by indicator_id, combo, period_start, period_end, dims_id
  on conflict (indicator_id, combo, period_start, period_end, dims_id) do update set
    n = r.n + excluded.n,
    total = r.total + excluded.total,
    n_est = r.n_est + excluded.n_est,
    total_est = r.total_est + excluded.total_est,
    w = r.w + excluded.w,
    vw = r.vw + excluded.vw,
    w_est = r.w_est + excluded.w_est,
    vw_est = r.vw_est + excluded.vw_est;
  return null;
end $$;

create function report_rollups_update() returns trigger language plpgsql as $$
begin
  insert into report_rollups as r (indicator_id, combo, period_start, period_end, dims_id, n, total, n_est, total_est,
    w, vw, w_est, vw_est)
  select indicator_id, combo, period_start, period_end, dims_id,
    sum(sign), sum(sign * value),
    coalesce(sum(sign) filter (where is_estimate), 0), coalesce(sum(sign * value) filter (where is_estimate), 0),
    coalesce(sum(sign * weight), 0), coalesce(sum(sign * value * weight), 0),
    coalesce(sum(sign * weight) filter (where is_estimate), 0),
    coalesce(sum(sign * value * weight) filter (where is_estimate), 0)
  from (select indicator_id, combo, period_start, period_end, dims_id, value, is_estimate, weight, 1 as sign from new_rows
    union all select indicator_id, combo, period_start, period_end, dims_id, value, is_estimate, weight, -1 from old_rows) c
  group by indicator_id, combo, period_start, period_end, dims_id
  order by indicator_id, combo, period_start, period_end, dims_id
  on conflict (indicator_id, combo, period_start, period_end, dims_id) do update set
    n = r.n + excluded.n,
    total = r.total + excluded.total,
    n_est = r.n_est + excluded.n_est,
    total_est = r.total_est + excluded.total_est,
    w = r.w + excluded.w,
    vw = r.vw + excluded.vw,
    w_est = r.w_est + excluded.w_est,
    vw_est = r.vw_est + excluded.vw_est;
  return null;
end $$;

create function report_rollups_delete() returns trigger language plpgsql as $$
begin
  insert into report_rollups as r (indicator_id, combo, period_start, period_end, dims_id, n, total, n_est, total_est,
    w, vw, w_est, vw_est)
  select indicator_id, combo, period_start, period_end, dims_id,
    sum(sign), sum(sign * value),
    coalesce(sum(sign) filter (where is_estimate), 0), coalesce(sum(sign * value) filter (where is_estimate), 0),
    coalesce(sum(sign * weight), 0), coalesce(sum(sign * value * weight), 0),
    coalesce(sum(sign * weight) filter (where is_estimate), 0),
    coalesce(sum(sign * value * weight) filter (where is_estimate), 0)
  from (select indicator_id, combo, period_start, period_end, dims_id, value, is_estimate, weight, -1 as sign from old_rows) c
  group by indicator_id, combo, period_start, period_end, dims_id
  order by indicator_id, combo, period_start, period_end, dims_id
  on conflict (indicator_id, combo, period_start, period_end, dims_id) do update set
    n = r.n + excluded.n,
    total = r.total + excluded.total,
    n_est = r.n_est + excluded.n_est,
    total_est = r.total_est + excluded.total_est,
    w = r.w + excluded.w,
    vw = r.vw + excluded.vw,
    w_est = r.w_est + excluded.w_est,
    vw_est = r.vw_est + excluded.vw_est;
  return null;
end $$;

create trigger report_values_rollup_insert after insert on report_values
  referencing new table as new_rows for each statement execute function report_rollups_insert();
create trigger report_values_rollup_update after update on report_values
  referencing old table as old_rows new table as new_rows for each statement execute function report_rollups_update();
create trigger report_values_rollup_delete after delete on report_values
  referencing old table as old_rows for each statement execute function report_rollups_delete();

-- Values written before this migration.
insert into report_rollups (indicator_id, combo, period_start, period_end, dims_id, n, total, n_est, total_est)
select indicator_id, combo, period_start, period_end, dims_id, count(*), sum(value),
  count(*) filter (where is_estimate), coalesce(sum(value) filter (where is_estimate), 0)
from report_values
group by 1, 2, 3, 4, 5;
