package org.chengxin.catalog.domain;

/** The law or regulation, and its article, that authorizes collecting an item (policy 九). */
public record LegalBasis(String law, String article) {

    public boolean isComplete() {
        return law != null && !law.isBlank() && article != null && !article.isBlank();
    }

    @Override
    public String toString() {
        return law + article;
    }
}
