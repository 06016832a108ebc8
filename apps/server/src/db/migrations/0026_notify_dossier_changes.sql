-- Tells listeners which dossiers changed, after commit (NOTIFY is delivered only when the transaction commits,
-- and not at all if it rolls back). The public tracking pages keep an in-memory cache of what they show and
-- drop a dossier's entry on its notification, whoever wrote the change: this server, another process, an
-- import or an SQL fix by hand. Statement-level triggers with transition tables: one notification per
-- statement, listing the dossier ids (or '*' = "forget everything" when a statement touched very many).
-- Payloads stay far below PostgreSQL's 8 000-byte limit (100 uuids ≈ 3 700 bytes).

create function notify_dossiers_changed() returns trigger language plpgsql as $$
declare
  ids text;
  n int;
begin
  select count(*), string_agg(distinct x.dossier_id::text, ',')
    into n, ids
    from (select dossier_id from changed limit 101) x;
  if n > 100 then
    perform pg_notify('heza_dossier_changed', '*');
  elsif n > 0 then
    perform pg_notify('heza_dossier_changed', ids);
  end if;
  return null;
end $$;

-- The dossiers table calls its key "id"; a view over the transition table is not possible, so a second
-- function reads that column.
create function notify_dossier_rows_changed() returns trigger language plpgsql as $$
declare
  ids text;
  n int;
begin
  select count(*), string_agg(distinct x.id::text, ',')
    into n, ids
    from (select id from changed limit 101) x;
  if n > 100 then
    perform pg_notify('heza_dossier_changed', '*');
  elsif n > 0 then
    perform pg_notify('heza_dossier_changed', ids);
  end if;
  return null;
end $$;

-- A new dossier is never in the cache (unknown codes are not cached), so inserts into dossiers need no
-- notification; updates and deletes do.
create trigger dossiers_notify_update after update on dossiers
  referencing new table as changed for each statement execute function notify_dossier_rows_changed();
create trigger dossiers_notify_delete after delete on dossiers
  referencing old table as changed for each statement execute function notify_dossier_rows_changed();

create trigger dossier_steps_notify_insert after insert on dossier_steps
  referencing new table as changed for each statement execute function notify_dossiers_changed();
create trigger dossier_steps_notify_update after update on dossier_steps
  referencing new table as changed for each statement execute function notify_dossiers_changed();
create trigger dossier_steps_notify_delete after delete on dossier_steps
  referencing old table as changed for each statement execute function notify_dossiers_changed();

create trigger dossier_supplements_notify_insert after insert on dossier_supplements
  referencing new table as changed for each statement execute function notify_dossiers_changed();
create trigger dossier_supplements_notify_update after update on dossier_supplements
  referencing new table as changed for each statement execute function notify_dossiers_changed();
create trigger dossier_supplements_notify_delete after delete on dossier_supplements
  referencing old table as changed for each statement execute function notify_dossiers_changed();
