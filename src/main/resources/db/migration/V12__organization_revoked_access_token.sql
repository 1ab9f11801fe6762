-- organization -------------------------------------------------------------------------------------
-- Access tokens are self-contained JWTs: an API call is checked by the signature alone, so a revoked
-- token would keep working until it expires. Its id (jti) is kept here, until the token itself
-- expires, and every bearer-authenticated call is refused while its jti is in this list.
create table organization_revoked_access_token (
    jti         varchar(100) primary key,
    expires_at  timestamptz  not null,
    revoked_at  timestamptz  not null
);

create index organization_revoked_access_token_expiry on organization_revoked_access_token (expires_at);
