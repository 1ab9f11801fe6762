package org.chengxin.lists.internal;

import java.util.List;

import org.chengxin.evaluation.Scores;
import org.chengxin.evaluation.Standing;
import org.chengxin.lists.CreditStatus;
import org.chengxin.lists.CreditStatus.Membership;
import org.chengxin.lists.CreditStatuses;
import org.chengxin.lists.SeriousDishonestyList;
import org.springframework.stereotype.Service;

/** Combines the evaluation's standing with the list entries in force. */
@Service
class DefaultCreditStatuses implements CreditStatuses {

    private final Scores scores;
    private final SeriousDishonestyList seriousDishonesty;

    DefaultCreditStatuses(Scores scores, SeriousDishonestyList seriousDishonesty) {
        this.scores = scores;
        this.seriousDishonesty = seriousDishonesty;
    }

    @Override
    public CreditStatus of(String subjectIndex) {
        Standing s = scores.standingOf(subjectIndex);
        List<Membership> lists = seriousDishonesty.activeFor(subjectIndex).stream()
                .map(e -> new Membership(e.listKind(), "严重失信主体名单", e.id(), e.departmentCode(), e.documentNumber(),
                        e.startDate(), e.endDate()))
                .toList();
        return new CreditStatus(s.day(), s.modelVersion(), s.points(), s.grade(), s.gradeLabel(), s.threeYearsClean(),
                s.disputed(), s.recordsCounted(), lists);
    }
}
