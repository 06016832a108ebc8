-- Stored files (platform/files): uploads kept under <dataDir>/files, addressed by their SHA-256, with the
-- type sniffed from the content (never the declared type alone).

create table stored_files (
  id uuid primary key default gen_random_uuid(),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes bigint not null check (size_bytes > 0),
  -- the media type found in the content (file-type); the declared one is kept for the record
  media_type text not null,
  declared_type text,
  original_name text not null check (length(original_name) between 1 and 255),
  -- which module holds the file (e.g. 'procedures.dossier'); null until something attaches it
  attached_to text,
  uploaded_by uuid references users(id) on delete set null,
  uploaded_ip text,
  created_at timestamptz not null default now()
);
create index stored_files_sha_idx on stored_files (sha256);
-- unattached uploads are swept after a while
create index stored_files_unattached_idx on stored_files (created_at) where attached_to is null;
