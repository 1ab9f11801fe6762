package org.chengxin.remedies.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chengxin.catalog.Catalog;
import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.ItemField;
import org.chengxin.identity.CitizenRef;
import org.chengxin.identity.Citizens;
import org.chengxin.organization.Department;
import org.chengxin.organization.Departments;
import org.chengxin.records.CreditRecord;
import org.chengxin.records.Records;
import org.chengxin.remedies.Attachment;
import org.chengxin.remedies.Upload;
import org.chengxin.shared.error.ChengxinException;
import org.chengxin.shared.organization.DepartmentCode;
import org.chengxin.shared.security.ChengxinPrincipal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** What the remedies pages share: who the citizen is, their records as a person reads them, the uploaded files. */
@Component
class RemediesPages {

    private final Citizens citizens;
    private final Records records;
    private final Catalog catalog;
    private final Departments departments;

    RemediesPages(Citizens citizens, Records records, Catalog catalog, Departments departments) {
        this.citizens = citizens;
        this.records = records;
        this.catalog = catalog;
        this.departments = departments;
    }

    /** The logged-in citizen, as MyCreditPageController finds them. */
    CitizenRef me(ChengxinPrincipal who) {
        return citizens.signedIn(who);
    }

    /** The person's records shown and used today, as the forms offer them. */
    List<RecordView> inForce(CitizenRef person) {
        return records.inForceFor(person.subject()).stream().map(this::view).toList();
    }

    /** One record of this person, or the answer a missing one gets. */
    CreditRecord recordOf(CitizenRef person, long recordId) {
        return records.find(recordId).filter(r -> r.subject().equals(person.subject()))
                .orElseThrow(() -> ChengxinException.notFound("RECORD_NOT_FOUND", "记录不存在或不是关于您的记录"));
    }

    RecordView view(CreditRecord r) {
        Optional<Item> item = catalog.item(r.itemCode());
        Map<String, String> fields = new LinkedHashMap<>();
        item.ifPresent(i -> i.fields().forEach(f -> fields.put(f.name(), f.label())));
        r.content().keySet().forEach(name -> fields.putIfAbsent(name, name));
        return new RecordView(r.id(), r.itemCode(), item.map(Item::name).orElse(r.itemCode()), departmentName(r.departmentCode()),
                r.decisionDate().toString(), r.documentNumber(), r.status().name(), r.status().label(), r.kind(), fields);
    }

    /** The Chinese label of a record's field, by the item's catalog entry. */
    String fieldLabel(String itemCode, String field) {
        if (field == null) {
            return "整条记录";
        }
        return catalog.item(itemCode).flatMap(i -> i.fields().stream().filter(f -> f.name().equals(field)).map(ItemField::label)
                .findFirst()).orElse(field);
    }

    String itemName(String itemCode) {
        return catalog.item(itemCode).map(Item::name).orElse(itemCode);
    }

    String departmentName(DepartmentCode code) {
        return code == null ? null : departments.find(code).map(Department::name).orElse(code.value());
    }

    /**
     * A record as the pages show it.
     *
     * @param fields the item's field names with their labels
     */
    record RecordView(long id, String itemCode, String itemName, String departmentName, String decisionDate, String documentNumber,
            String status, String statusLabel, String kind, Map<String, String> fields) {

        public boolean objected() {
            return "OBJECTED".equals(status) || "SUSPENDED".equals(status);
        }
    }

    static List<Upload> uploads(List<MultipartFile> files) {
        List<Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (f != null && !f.isEmpty()) {
                    uploads.add(new Upload(f.getOriginalFilename(), f.getContentType(), bytes(f)));
                }
            }
        }
        return uploads;
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A case file as a download: its own checked type, never shown inline, never cached. */
    static ResponseEntity<byte[]> download(Attachment a) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(a.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(a.fileName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .body(a.content());
    }

    static Long parseId(String raw) {
        try {
            return raw == null || raw.isBlank() ? null : Long.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Record numbers ticked on a form; one that is not a number is refused like a record that is not the person's. */
    static List<Long> ids(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        for (String r : raw) {
            Long id = parseId(r);
            if (id == null) {
                throw ChengxinException.badRequest("REPAIR_PROOF_RECORD_INVALID",
                        "只能选择本人名下、仍在公示期内的志愿服务或慈善捐赠记录作为证明");
            }
            ids.add(id);
        }
        return ids;
    }
}
