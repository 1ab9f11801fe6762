package org.chengxin.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.PublicDecisionType;
import org.chengxin.identity.Citizens;
import org.chengxin.identity.PopulationRegister;
import org.chengxin.ingestion.DepartmentFigures;
import org.chengxin.ingestion.RecordBatches;
import org.chengxin.lists.ListEntry;
import org.chengxin.lists.SeriousDishonestyList;
import org.chengxin.organization.Department;
import org.chengxin.organization.Departments;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.PublicDecisionQuery;
import org.chengxin.records.Records;
import org.chengxin.shared.id.Masking;
import org.chengxin.shared.listing.Kept;
import org.chengxin.shared.listing.SingleFlight;
import org.chengxin.shared.organization.DepartmentCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the public portal publishes about persons, and only that: the administrative licensing and penalty
 * decisions (双公示) and the serious-dishonesty list's entries in force, with the name and the ID number masked.
 * Which records may be published is decided at read time (scope, severity, status, period), so a record is
 * gone from every page and answer the moment it expires, is revoked or repaired.
 */
@Component
class PublicListings {

    static final int MAX_PAGE_SIZE = 100;
    static final String LICENCE = "行政许可";
    static final String PENALTY = "行政处罚";
    /** Ten or more digits in a row: an ID number or a part of one, never a decision number (a year and a sequence). */
    private static final Pattern ID_LIKE = Pattern.compile("[0-9０-９]{10,}|[0-9０-９]{6,}[xXｘＸ]");

    private final Records records;
    private final SeriousDishonestyList list;
    private final Catalog catalog;
    private final Citizens citizens;
    private final PopulationRegister register;
    private final Departments departments;
    private final RecordBatches batches;
    private final Clock clock;
    private final Duration countsKept;
    /**
     * The per-department counts of decisions in force, kept {@code chengxin.portal.statistics-kept} (ten minutes, as
     * the figures) and recounted in the background, never in a visitor's request ({@link Kept}): they count every
     * published decision (4.4 s on the city's 20,000,000 records before V49's covering index; far longer cold).
     */
    private final Kept<List<DepartmentCount>> departmentCounts;
    /** Totals per query, kept for {@link #countsKept}: aggregates, never the rows shown. */
    private final Map<Object, Counted> counts = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Counted> eldest) {
            return size() > 1000;
        }
    };

    private record Counted(Object value, Instant until) {
    }

    /** One count at a time per key: the others answer the previous count meanwhile, or wait for the first. */
    private final SingleFlight counting = new SingleFlight();

    PublicListings(Records records, SeriousDishonestyList list, Catalog catalog, Citizens citizens, PopulationRegister register,
            Departments departments, RecordBatches batches, Clock clock,
            @Value("${chengxin.portal.counts-kept:PT1M}") Duration countsKept,
            @Value("${chengxin.portal.statistics-kept:PT10M}") Duration statisticsKept, PlatformTransactionManager transactions) {
        this.countsKept = countsKept;
        // read-only, so that a replica serves the count when one is configured (chengxin.db.replica.url)
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        this.departmentCounts = new Kept<>("department-counts", () -> readOnly.execute(tx -> countDepartments()), statisticsKept,
                clock, Kept.ownThread("department-counts"));
        this.records = records;
        this.list = list;
        this.catalog = catalog;
        this.citizens = citizens;
        this.register = register;
        this.departments = departments;
        this.batches = batches;
        this.clock = clock;
    }

    /** A search of the 双公示 list; every field may be null. {@code text} is looked for in item names, department names, decision numbers. */
    record Search(String text, String documentNumber, String departmentCode, String itemCode, LocalDate decidedFrom,
            LocalDate decidedTo) {

        static final Search ALL = new Search(null, null, null, null, null, null);

        /** Whether a text field holds an ID number (or part of one): such a search answers nothing personal. */
        boolean asksForIdNumber() {
            return idLike(text) || idLike(documentNumber);
        }
    }

    /**
     * One page of a public list; {@code totalCapped}: the search matched more than {@link #REACHABLE_ROWS} rows, and
     * {@code total} is a lower bound (the count stopped there).
     */
    record Page<T>(List<T> items, long total, int page, int size, int pages, boolean totalCapped) {

        Page(List<T> items, long total, int page, int size, int pages) {
            this(items, total, page, size, pages, false);
        }

        /** The pages that can be turned to: those holding the first {@link #REACHABLE_ROWS} rows. */
        public int reachablePages() {
            return reachable(pages, size);
        }

        /** Whether the list holds more rows than can be paged through (the page then asks for a narrower search). */
        public boolean beyondReach() {
            return pages > reachablePages();
        }
    }

    /**
     * The rows of a public search that can be paged through, 10,000 (500 pages of 20): a page deeper down would have
     * PostgreSQL read and skip every row before it (millions at the city's scale, seconds a page, open to anyone). Every
     * decision can still be found by narrowing the search (a department, an item, a few days of decision dates).
     */
    static final int REACHABLE_ROWS = 10_000;

    static int reachable(int pages, int size) {
        return Math.max(1, Math.min(pages, REACHABLE_ROWS / size));
    }

    /** A published decision: the person by masked name and masked number only. */
    record Decision(String type, String maskedName, String maskedId, String itemCode, String itemName, String departmentCode,
            String department, String documentNumber, LocalDate decisionDate, String substance, LocalDate publishedUntil,
            boolean disputed) {
    }

    /** A department's decisions published today, and the share of its pushes that came within 7 working days. */
    record DepartmentCount(String code, String name, long published, Double timelyShare) {
    }

    /** An entry of the serious-dishonesty list in force. */
    record Listed(String maskedName, String maskedId, String items, String departmentCode, String department,
            String documentNumber, String legalBasis, String criteria, LocalDate startDate, LocalDate endDate) {
    }

    /** An item that may appear in the 双公示 list, for the search form. */
    record PublicItem(String code, String name, String type) {
    }

    static boolean idLike(String text) {
        return text != null && ID_LIKE.matcher(text).find();
    }

    /** The items whose decisions the 双公示 publishes: public licences and public penalties, never minor ones. */
    List<PublicItem> publicItems() {
        return catalog.current().allItems().stream().filter(PublicListings::published)
                .sorted(Comparator.comparing(Item::code))
                .map(i -> new PublicItem(i.code(), i.name(), typeOf(i))).toList();
    }

    private static boolean published(Item item) {
        return PublicDecisionType.of(item).isPresent();
    }

    private static String typeOf(Item item) {
        return PublicDecisionType.of(item).map(PublicDecisionType::label).orElse(PENALTY);
    }

    List<Department> departments() {
        return departments.all().stream().sorted(Comparator.comparing(d -> d.code().value())).toList();
    }

    // one read-only transaction: on the replica when one is configured (chengxin.db.replica.url)
    @Transactional(readOnly = true)
    Page<Decision> decisions(Search search, int page, int size) {
        if (search.asksForIdNumber()) {
            return new Page<>(List.of(), 0, 0, size, 1);
        }
        Optional<PublicDecisionQuery> query = queryOf(search);
        if (query.isEmpty()) {
            return new Page<>(List.of(), 0, 0, size, 1);
        }
        // counted up to the first row past reach: more is "over 10,000", and the pages stop at 10,000 rows anyway
        long total = counted(query.get(), () -> records.countPublicDecisions(query.get(), REACHABLE_ROWS + 1L));
        boolean capped = total > REACHABLE_ROWS;
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int current = Math.min(Math.max(page, 0), reachable(pages, size) - 1);
        Map<String, String> names = new HashMap<>();
        Map<String, Item> items = new HashMap<>();
        List<CreditRecord> found = records.publicDecisions(query.get(), current, size);
        Map<Long, Person> people = people(found.stream().map(CreditRecord::subjectId).toList());
        List<Decision> lines = found.stream().map(r -> decision(r, people.getOrDefault(r.subjectId(), Person.UNKNOWN), names, items))
                .toList();
        return new Page<>(lines, total, current, size, pages, capped);
    }

    /** The query for a search, or empty when the search can match nothing (an unknown item, a text that names nothing). */
    private Optional<PublicDecisionQuery> queryOf(Search search) {
        List<PublicItem> publicItems = publicItems();
        Set<String> itemCodes = publicItems.stream().map(PublicItem::code).collect(Collectors.toCollection(HashSet::new));
        Set<DepartmentCode> departmentCodes = new HashSet<>();
        String documentNumber = blank(search.documentNumber()) ? null : search.documentNumber().strip();
        if (!blank(search.itemCode())) {
            if (!itemCodes.contains(search.itemCode())) {
                return Optional.empty();
            }
            itemCodes = Set.of(search.itemCode());
        }
        if (!blank(search.departmentCode())) {
            Optional<DepartmentCode> code = DepartmentCode.parse(search.departmentCode().strip());
            if (code.isEmpty()) {
                return Optional.empty();
            }
            departmentCodes.add(code.get());
        }
        if (!blank(search.text())) {
            String text = search.text().strip().toLowerCase(Locale.ROOT);
            Set<String> byName = publicItems.stream().filter(i -> i.name().toLowerCase(Locale.ROOT).contains(text)
                    || i.code().toLowerCase(Locale.ROOT).equals(text)).map(PublicItem::code).collect(Collectors.toSet());
            Set<DepartmentCode> byDepartment = departments.all().stream().filter(d -> d.name().toLowerCase(Locale.ROOT).contains(text)
                    || d.code().value().equalsIgnoreCase(text)).map(Department::code).collect(Collectors.toSet());
            if (!byName.isEmpty()) {
                itemCodes.retainAll(byName);
            } else if (!byDepartment.isEmpty()) {
                if (departmentCodes.isEmpty()) {
                    departmentCodes.addAll(byDepartment);
                } else {
                    departmentCodes.retainAll(byDepartment);
                }
                if (departmentCodes.isEmpty()) {
                    return Optional.empty();
                }
            } else if (documentNumber == null) {
                documentNumber = search.text().strip();
            } else {
                return Optional.empty();
            }
        }
        if (itemCodes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PublicDecisionQuery(itemCodes, documentNumber, departmentCodes, search.decidedFrom(), search.decidedTo()));
    }

    /**
     * A count as of at most {@code chengxin.portal.counts-kept} ago (one minute): counting a million published decisions
     * for every page view would cost more than the page. The rows on a page are always read afresh.
     */
    private <T> T counted(Object key, Supplier<T> count) {
        return counted(key, countsKept, count);
    }

    @SuppressWarnings("unchecked")
    private <T> T counted(Object key, Duration kept, Supplier<T> count) {
        if (kept.isZero()) {
            return count.get();
        }
        Instant now = Instant.now(clock);
        Counted known;
        synchronized (counts) {
            known = counts.get(key);
        }
        if (known != null && known.until().isAfter(now)) {
            return (T) known.value();
        }
        return counting.get(key, known == null ? null : (T) known.value(), () -> {
            T value = count.get();
            synchronized (counts) {
                counts.put(key, new Counted(value, Instant.now(clock).plus(kept)));
            }
            return value;
        });
    }

    /** Each department with decisions published today, with its timeliness from the ingestion's figures. */
    List<DepartmentCount> departmentCounts() {
        return departmentCounts.get();
    }

    /** Counts the per-department figures once the platform is up and before it reports itself ready: no visitor waits for them. */
    @EventListener(ApplicationReadyEvent.class)
    void countAtStart() {
        departmentCounts.warm();
    }

    private List<DepartmentCount> countDepartments() {
        Set<String> itemCodes = publicItems().stream().map(PublicItem::code).collect(Collectors.toSet());
        Map<DepartmentCode, Long> counts = records.publicDecisionsByDepartment(itemCodes);
        Map<DepartmentCode, DepartmentFigures> figures = batches.figures().stream()
                .collect(Collectors.toMap(DepartmentFigures::departmentCode, f -> f, (a, b) -> a));
        Map<String, String> names = new HashMap<>();
        List<DepartmentCount> out = new ArrayList<>();
        counts.forEach((code, n) -> {
            DepartmentFigures f = figures.get(code);
            long stored = f == null ? 0 : f.accepted() + f.corrected();
            Double timely = stored == 0 ? null : Math.max(0, stored - f.lateRows()) / (double) stored;
            out.add(new DepartmentCount(code.value(), departmentName(code, names), n, timely));
        });
        return out;
    }

    // one read-only transaction: on the replica when one is configured (chengxin.db.replica.url)
    @Transactional(readOnly = true)
    Page<Listed> listed(int page, int size) {
        long total = list.countInForce();
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int current = Math.min(Math.max(page, 0), pages - 1);
        Map<String, String> names = new HashMap<>();
        List<Listed> lines = list.inForce(current, size).stream().map(e -> listed(e, names)).toList();
        return new Page<>(lines, total, current, size, pages);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private Decision decision(CreditRecord r, Person person, Map<String, String> names, Map<String, Item> items) {
        Item item = items.computeIfAbsent(r.itemCode(), code -> catalog.item(code).orElse(null));
        String type = "BASIC".equals(r.kind()) ? LICENCE : PENALTY;
        return new Decision(type, person.maskedName(), person.maskedId(), r.itemCode(), item == null ? r.itemCode() : item.name(),
                r.departmentCode().value(), departmentName(r.departmentCode(), names), Masking.maskIdShaped(r.documentNumber()),
                r.decisionDate(), substance(r), r.expiresOn().minusDays(1), r.status().disputed());
    }

    private Listed listed(ListEntry e, Map<String, String> names) {
        List<CreditRecord> theirs = e.recordIds().stream().map(records::find).flatMap(Optional::stream).toList();
        Person person = theirs.isEmpty() ? Person.UNKNOWN : person(theirs.get(0).subjectId());
        String items = theirs.stream().map(r -> catalog.item(r.itemCode()).map(Item::name).orElse(r.itemCode())).distinct()
                .collect(Collectors.joining("；"));
        return new Listed(person.maskedName(), person.maskedId(), items, e.departmentCode().value(),
                departmentName(e.departmentCode(), names), Masking.maskIdShaped(e.documentNumber()),
                Masking.maskIdShaped(e.legalBasis()), Masking.maskIdShaped(e.criteria()), e.startDate(), e.endDate());
    }

    private record Person(String maskedName, String maskedId) {
        static final Person UNKNOWN = new Person("—", "—");
    }

    private Person person(long subjectId) {
        return people(List.of(subjectId)).getOrDefault(subjectId, Person.UNKNOWN);
    }

    /**
     * The masked name and number of the people of a page, in two queries whatever their count (a page of 20 decisions
     * made 40 before: each person's number and name looked up one by one).
     */
    private Map<Long, Person> people(List<Long> subjectIds) {
        if (subjectIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> maskedIds = citizens.maskedIds(subjectIds);
        Map<Long, String> names = register.namesOf(subjectIds);
        Map<Long, Person> people = new HashMap<>();
        for (Long id : subjectIds) {
            String name = names.get(id);
            people.put(id, new Person(name == null ? "—" : maskName(name), maskedIds.getOrDefault(id, "—")));
        }
        return people;
    }

    /** The surname stays, every other character is hidden: 张三 → 张*, 欧阳娜娜 → 欧***. */
    static String maskName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            return "—";
        }
        int first = n.offsetByCodePoints(0, 1);
        return n.substring(0, first) + "*".repeat(Math.max(1, n.codePointCount(first, n.length())));
    }

    /** What was decided: the penalty's result or the licence's name and content; never the facts, which may tell more. */
    private static String substance(CreditRecord r) {
        Map<String, Object> c = r.content();
        String text;
        if ("BASIC".equals(r.kind())) {
            text = join(c.get("licenseName"), c.get("licenseContent"));
        } else {
            text = join(c.get("penaltyType"), c.get("penaltyResult"));
        }
        return text.isEmpty() ? "—" : Masking.maskIdShaped(text);
    }

    private static String join(Object a, Object b) {
        return Stream.of(a, b).filter(Objects::nonNull).map(Object::toString).map(String::strip)
                .filter(s -> !s.isEmpty()).distinct().collect(Collectors.joining("：")).strip();
    }

    private String departmentName(DepartmentCode code, Map<String, String> names) {
        return names.computeIfAbsent(code.value(), c -> departments.find(code).map(Department::name).orElse(c));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
