package org.chengxin.bulletins;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The portal's notices and legal texts. */
public interface Bulletins {

    /** Published articles of a kind, newest first. */
    List<Article> published(Kind kind, int page, int size);

    long countPublished(Kind kind);

    /** A published article; empty for a draft, a withdrawn or an unknown one. */
    Optional<Article> publishedById(long id);

    /** Every article, drafts and withdrawn ones included (the administrator's list), newest change first. */
    List<Article> all();

    Optional<Article> find(long id);

    /**
     * Creates (id null) or changes an article; publishes it when asked, or keeps it a draft. Refused with
     * BULLETIN_TITLE_INVALID, BULLETIN_BODY_INVALID, BULLETIN_SOURCE_INVALID, BULLETIN_PERSONAL_DATA (an ID number in
     * the text), BULLETIN_NOT_FOUND.
     */
    Article save(Long id, Kind kind, String title, String body, String source, boolean publish);

    /** Takes a published article off the portal at once (it stays for the administrator). */
    Article withdraw(long id);

    enum Kind {
        NOTICE("通知公告"), LAW("政策法规");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    enum Status {
        DRAFT("草稿"), PUBLISHED("已发布"), WITHDRAWN("已撤回");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** An article: its body is plain text, paragraphs separated by blank lines. */
    record Article(long id, Kind kind, String title, String body, String source, Status status, Instant publishedAt, Instant updatedAt,
            String updatedBy) {

        /** The body's paragraphs, for the page to show each as text. */
        public List<String> paragraphs() {
            return Arrays.stream(body.split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        }
    }
}
