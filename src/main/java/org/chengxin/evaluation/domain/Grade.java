package org.chengxin.evaluation.domain;

/** The credit grades, best first. */
public enum Grade {
    AAA("优秀"), AA("良好"), A("较好"), B("一般"), C("较差"), D("差");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
