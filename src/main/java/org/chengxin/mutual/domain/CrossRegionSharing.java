package org.chengxin.mutual.domain;

import java.time.LocalDate;
import java.util.List;

import org.chengxin.catalog.domain.DisclosureScope;
import org.chengxin.catalog.domain.Severity;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.standing.CreditStanding;
import org.chengxin.standing.CreditStanding.RecordInForce;

/**
 * What another city's platform receives about a person: only what the city would show anybody, and nothing of its own
 * evaluation.
 * <ul>
 * <li>the entries of the serious-dishonesty list in force (they are published on 信用岳阳 and are the ground of joint
 * punishment everywhere, 国办发〔2020〕49号); an entry resting only on suspended records is not in force;</li>
 * <li>a dishonesty or good-credit record in force today (active or under objection, inside its disclosure period: never
 * an expired, revoked, repaired or suspended record) whose item the catalog discloses to the public ({@code PUBLIC});
 * an {@code AUTHORIZED} item needs the person's authorization to a named grantee, which a mutual query has not, a
 * {@code GOVERNMENT} item is shared with the city's own departments for their duties only, a {@code NOT_DISCLOSED}
 * one with nobody;</li>
 * <li>never a minor dishonesty record ({@code MINOR}: not published, NDRC Order 36), whatever its item's scope;</li>
 * <li>never a record decided while the person was under 18 (未成年人保护法 第一百零三条);</li>
 * <li>a record under objection is shared marked disputed (异议处理中);</li>
 * <li>never the points, the grade, the model or the three-years-clean flag: they come from the city's own points model,
 * which binds no other city and is no finding of dishonesty, and the flag would speak of records that may not be
 * shared.</li>
 * </ul>
 * The duty does not change what is shared: it is the lawful purpose the query is made and logged for.
 */
public final class CrossRegionSharing {

    /** What the answer says of itself, for the other city's clerk. */
    public static final String NOTE = "本答复仅含可跨区域共享的信息：有效期内的严重失信主体名单，以及信息目录规定向社会公开、"
            + "在公示期内的失信信息（轻微失信信息除外）和优良信用记录；不含未成年时形成的记录、需本人授权查询或仅限本市政务共享的信息，"
            + "不含信用积分和等级。标注“异议处理中”的记录，当事人已提出异议、尚在核查，使用时应当注意。";

    private CrossRegionSharing() {
    }

    /** The part of the person's standing today another region may receive. */
    public static SharedStatus share(CreditStanding standing, IdNumber person, LocalDate today) {
        return new SharedStatus(today, List.copyOf(standing.seriousDishonesty()),
                standing.dishonesty().stream().filter(r -> shareable(r, person, today)).toList(),
                standing.goodCredit().stream().filter(r -> shareable(r, person, today)).toList());
    }

    /** Whether a record in force may cross the region. */
    static boolean shareable(RecordInForce r, IdNumber person, LocalDate today) {
        return DisclosureScope.PUBLIC.name().equals(r.scope())
                && !Severity.MINOR.name().equals(r.severity())
                && !person.isMinorOn(r.decisionDate())
                && !r.lastDay().isBefore(today);
    }
}
