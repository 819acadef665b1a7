-- Officers, operators and auditors outside the embedded mode. Passwords are stored as bcrypt hashes only,
-- with Spring Security's {bcrypt} prefix. Add one with the property leverwatch.bootstrap-users
-- (see compliance.security.BootstrapUsers) or with SQL, e.g.:
--   insert into compliance.compliance_user (username, password_hash, role)
--   values ('alice', '{bcrypt}$2a$10$...', 'OFFICER');
create table compliance_user (
    username      varchar(128) primary key,
    password_hash varchar(128) not null,
    role          varchar(16)  not null check (role in ('OFFICER', 'OPERATOR', 'AUDITOR')),
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now()
);
