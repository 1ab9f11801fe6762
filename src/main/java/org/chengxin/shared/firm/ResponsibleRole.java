package org.chengxin.shared.firm;

/**
 * The part a natural person played in a firm's decision, as the 双公示 formats and the policy (十四, 企业法定代表人及相关责任人)
 * name it: the firm's legal representative, or the person directly responsible for the act.
 */
public enum ResponsibleRole {
    LEGAL_REPRESENTATIVE("法定代表人", "FR"),
    RESPONSIBLE_PERSON("直接责任人", "ZR");

    private final String label;
    private final String suffix;

    ResponsibleRole(String label, String suffix) {
        this.label = label;
        this.suffix = suffix;
    }

    public String label() {
        return label;
    }

    /**
     * The person's record is held under the firm's source id and this suffix ({@code CF2026-001#FR}): one push of the firm's
     * row again corrects both, and a revocation of the firm's record finds the person's.
     */
    public String sourceIdOf(String firmSourceId) {
        return firmSourceId + "#" + suffix;
    }
}
