-- A rotated key stays valid until its expiry, so that an agency can switch its systems to the new key meanwhile.
alter table api_key add column expires_at timestamptz;
