-- 通知公告 and 政策法规 of the public portal (信用岳阳), kept by the administrator. The body is plain text: the pages
-- show it paragraph by paragraph as text, so no markup and no script can be published.
create table bulletins_article (
    id            bigserial    primary key,
    kind          varchar(16)  not null check (kind in ('NOTICE', 'LAW')),
    title         varchar(200) not null,
    body          text         not null,
    source        varchar(200),
    status        varchar(16)  not null check (status in ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
    published_at  timestamptz,
    updated_at    timestamptz  not null,
    updated_by    varchar(64)  not null
);

create index bulletins_article_published on bulletins_article (kind, published_at desc) where status = 'PUBLISHED';
