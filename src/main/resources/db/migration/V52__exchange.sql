-- exchange (issue 18, item 1) --------------------------------------------------------------------
-- What the city delivers upstream (信用湖南, 信用中国): one row per change of a shared thing (a 双公示 decision, a
-- serious-dishonesty list entry, an objection's or a repair's result), written in the transaction that made the change.
-- It holds no ID number nor name: what is delivered is read when it is delivered, so that a record no longer to be shared is
-- never shipped with its content. A change gets its position in the feed only after it committed, from one sequencer at a
-- time (an advisory lock), in the order it is sequenced: a reader that went past a position can never find a change below
-- it later, whatever order the writing transactions committed in.
create table exchange_change (
    id               bigserial    primary key,
    position         bigint       unique,
    entity           varchar(20)  not null check (entity in ('LICENCE', 'PENALTY', 'LIST_ENTRY', 'OBJECTION', 'REPAIR')),
    entity_id        bigint       not null,
    change_kind      varchar(20)  not null check (change_kind in ('NEW', 'CORRECTED', 'REVOKED', 'REPAIRED', 'EXPIRED')),
    -- the record the change is about (the decision itself, an objection's or a repair's record); null for a list entry
    record_id        bigint,
    subject_index    bytea        not null,
    -- what the change itself says and the record does not: a list entry's decision, an objection's or a repair's answer
    facts            jsonb,
    occurred_at      timestamptz  not null
);
-- the sequencer's work: the few changes not positioned yet
create index exchange_change_unpositioned on exchange_change (id) where position is null;

-- The feed is kept chengxin.exchange.retention (90 days by default); the positions below are gone, and a cursor there
-- is refused as too old. One row.
create table exchange_horizon (
    id              int     primary key check (id = 1),
    pruned_through  bigint  not null
);
insert into exchange_horizon (id, pruned_through) values (1, 0);

-- Every delivery: a page of the pull API served to an upstream client, or a file export written for the 前置机.
create table exchange_delivery (
    id               bigserial    primary key,
    channel          varchar(10)  not null check (channel in ('API', 'FILE')),
    recipient        varchar(100) not null,
    from_position    bigint       not null,
    to_position      bigint       not null,
    changes          int          not null,
    withdrawn        int          not null,
    location         varchar(500),
    manifest_sha256  char(64),
    delivered_at     timestamptz  not null,
    acknowledged_at  timestamptz,
    resent_of        bigint       references exchange_delivery (id)
);
create index exchange_delivery_recipient on exchange_delivery (recipient, to_position) where acknowledged_at is null;
create index exchange_delivery_time on exchange_delivery (delivered_at desc);
