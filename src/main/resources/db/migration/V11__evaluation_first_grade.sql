-- evaluation --------------------------------------------------------------------------------------
-- A person's first grade is not a change of grade: it is kept on the score itself (written once, when
-- the score is first written, never updated), and the grade history holds the changes only. The
-- history a person sees still opens with "首次评价", read from these columns. A first evaluation of a
-- whole city thus writes one row per person instead of two.
alter table evaluation_score
    add column first_graded_at timestamptz,
    add column first_grade     varchar(3),
    add column first_points    int,
    add column first_record_id bigint;

update evaluation_score s
    set first_graded_at = h.changed_at, first_grade = h.new_grade, first_points = h.new_points, first_record_id = h.record_id
    from evaluation_grade_history h
    where h.subject_index = s.subject_index and h.old_grade is null;

delete from evaluation_grade_history where old_grade is null;

-- A run under a new points model updates every score of a page in one transaction, and the old
-- versions can be pruned only after it commits: the page must hold two versions of each of its rows
-- for the updates to stay on the page (HOT, the primary key left alone). At fillfactor 80 only about
-- 40% of such updates did, the rest moved their row to another page and wrote a new index entry.
-- Pages written from now on keep room for it; an existing table takes it at its next VACUUM FULL.
alter table evaluation_score set (fillfactor = 45);

-- The history is read by person and time only: its key is (person, time, id) and the separate index
-- on (person, time) goes, so a change of grade writes one index entry instead of two. The id keeps
-- its order for changes at the same instant; ids are taken 100 at a time by each session, since a
-- recomputation of everybody writes hundreds of thousands of them.
alter table evaluation_grade_history drop constraint evaluation_grade_history_pkey;
alter table evaluation_grade_history add primary key (subject_index, changed_at, id);
drop index evaluation_grade_history_subject;
alter sequence evaluation_grade_history_id_seq cache 100;
