package org.chengxin.mutual.domain;

import java.time.LocalDate;
import java.util.List;

import org.chengxin.standing.CreditStanding.Listing;
import org.chengxin.standing.CreditStanding.RecordInForce;

/** What another city receives about a person on a day ({@link CrossRegionSharing}). */
public record SharedStatus(LocalDate asOf, List<Listing> lists, List<RecordInForce> dishonesty, List<RecordInForce> goodCredit) {

    public boolean seriouslyDishonest() {
        return !lists.isEmpty();
    }

    /** A shared record is under objection. */
    public boolean disputed() {
        return disputedRecords() > 0;
    }

    private long disputedRecords() {
        return dishonesty.stream().filter(RecordInForce::disputed).count() + goodCredit.stream().filter(RecordInForce::disputed).count();
    }

    /** The answer in one line of Chinese, as the person reads it in their query log. */
    public String summary() {
        long disputed = disputedRecords();
        return (seriouslyDishonest() ? "列入严重失信主体名单 " + lists.size() + " 个" : "未列入严重失信主体名单")
                + "，失信信息 " + dishonesty.size() + " 条，优良信用记录 " + goodCredit.size() + " 条"
                + (disputed > 0 ? "（其中异议处理中 " + disputed + " 条）" : "");
    }
}
