-- Records on the platform a person names as proof of the policy's local ways of repair (十: 志愿服务、
-- 慈善捐助): their own volunteer-service or charity-donation records, which the deciding department
-- reads beside the application instead of a paper certificate.
create table remedies_repair_proof (
    repair_id  bigint not null references remedies_repair (id),
    record_id  bigint not null references records_record (id),
    primary key (repair_id, record_id)
);
