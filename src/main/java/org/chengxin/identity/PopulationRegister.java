package org.chengxin.identity;

import java.nio.charset.Charset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chengxin.shared.id.IdNumber;
import org.chengxin.shared.subject.SubjectKey;

/**
 * The population register (人口基础信息, policy (六)): residents' ID numbers and names, imported from
 * the city's population base data. Later modules check pushed names against it.
 */
public interface PopulationRegister {

    /**
     * Imports a CSV file (columns 身份证号 and 姓名, optionally 手机号码); valid rows are kept, invalid ones
     * reported.
     */
    RegisterImport importCsv(byte[] content, Charset declared, String source);

    void register(IdNumber number, String name, String source);

    /**
     * Registers a resident with the mobile number the register holds for them (null keeps the one known): the
     * only number enrolment codes are ever sent to.
     */
    void register(IdNumber number, String name, String mobile, String source);

    NameMatch checkName(IdNumber number, String name);

    /** Checks many names at once (bulk ingestion); the answer has an entry for every number given. */
    Map<IdNumber, NameMatch> checkNames(Map<IdNumber, String> names);

    /**
     * The same as {@link #checkNames(Map)} for numbers already looked up ({@link Citizens#lookUp}): only the subjects
     * the lookup found can be residents, so only their entries in the register are read.
     */
    Map<IdNumber, NameMatch> checkNames(Map<IdNumber, String> names, SubjectLookup lookup);

    long size();

    /**
     * The registered name of a person (decrypted), for documents about them such as the credit report;
     * empty when the person is not in the register.
     */
    Optional<String> nameOf(long subjectId);

    /** {@link #nameOf} for many people in one query (a list page, an export); people not in the register are left out. */
    Map<Long, String> namesOf(Collection<Long> subjectIds);

    /**
     * The subjects registered under this name (compared as the register compares names: no spaces, half-width, one
     * middle dot), found by the name's blind index, at most {@code limit}: a filter by name without the name ever
     * being stored or searched in clear.
     */
    List<SubjectKey> subjectsNamed(String name, int limit);

    /** How a pushed name compares with the register. */
    enum NameMatch {
        MATCH, MISMATCH, NOT_REGISTERED
    }
}
