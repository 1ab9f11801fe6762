package org.chengxin.inquiry.domain;

/** The kinds of query (policy 十二): at a window, by the person, by a department for its duties, by an organization's system. */
public enum QueryKind {
    WINDOW("窗口查询"), SELF("本人查询"), GOVERNMENT("政务共享查询"), API("授权机构查询");

    private final String label;

    QueryKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
