-- Registry: yearly totals of the certificate ledger, kept by a trigger in the same statement as the entries,
-- so "registered capital and valid projects as of a date" adds a few thousand yearly totals to the entries of
-- the date's own year instead of scanning the whole ledger (issue 3: p95 ≤ 50 ms on 100 000 entries).
-- Entries are immutable (no update or delete), so inserts are the only changes to follow.
create table ledger_year_totals (
  year integer not null,
  investment_type text not null,
  zone_id uuid not null,
  country_code text not null,
  -- the VSIC division (2 digits): figures by sector group on it
  vsic_code text not null,
  -- registrations and transfers in minus terminations and transfers out
  projects integer not null,
  change_usd numeric(24, 2) not null,
  change_vnd numeric(26, 2) not null,
  primary key (year, investment_type, zone_id, country_code, vsic_code)
);

create function ledger_year_totals_add() returns trigger language plpgsql as $$
begin
  insert into ledger_year_totals as t (year, investment_type, zone_id, country_code, vsic_code, projects, change_usd, change_vnd)
  select extract(year from n.effective_date)::int, n.investment_type, n.zone_id, n.country_code, left(n.vsic_code, 2),
    sum(case when n.kind in ('new', 'transfer_in') then 1 when n.kind in ('termination', 'transfer_out') then -1 else 0 end),
    sum(n.change_usd), sum(n.change_vnd)
  from new_entries n
  group by 1, 2, 3, 4, 5
  on conflict (year, investment_type, zone_id, country_code, vsic_code) do update
    set projects = t.projects + excluded.projects,
        change_usd = t.change_usd + excluded.change_usd,
        change_vnd = t.change_vnd + excluded.change_vnd;
  return null;
end $$;

create trigger certificate_entries_year_totals after insert on certificate_entries
  referencing new table as new_entries
  for each statement execute function ledger_year_totals_add();

-- Entries written before this migration.
insert into ledger_year_totals (year, investment_type, zone_id, country_code, vsic_code, projects, change_usd, change_vnd)
select extract(year from effective_date)::int, investment_type, zone_id, country_code, left(vsic_code, 2),
  sum(case when kind in ('new', 'transfer_in') then 1 when kind in ('termination', 'transfer_out') then -1 else 0 end),
  sum(change_usd), sum(change_vnd)
from certificate_entries
group by 1, 2, 3, 4, 5;
