package org.chengxin.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.chengxin.catalog.domain.Domain;
import org.chengxin.catalog.domain.Item;
import org.chengxin.catalog.domain.KeyGroup;
import org.chengxin.shared.cluster.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A new installation starts with the city's initial catalog (setting {@code chengxin.catalog.default};
 * for Yueyang the file shipped in the application); afterwards the administrator maintains it. The catalog is the city's reference
 * data, not demo data: it is loaded in production too.
 */
@Component
@Order(-10)
class InitialCatalogLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialCatalogLoader.class);

    record CatalogFile(String version, LocalDate effectiveFrom, String note, List<Domain> domains, List<KeyGroup> groups,
            List<Item> items) {
    }

    private final JdbcCatalog catalog;
    private final TransactionTemplate transactions;
    private final Resource file;
    private final ClusterJobs cluster;

    InitialCatalogLoader(JdbcCatalog catalog, TransactionTemplate transactions,
            @Value("${chengxin.catalog.default:classpath:catalog/yueyang-catalog.json}") Resource file, ClusterJobs cluster) {
        this.cluster = cluster;
        this.catalog = catalog;
        this.transactions = transactions;
        this.file = file;
    }

    @Override
    public void run(ApplicationArguments args) {
        // instances starting together on a new database: one loads, the other waits and finds the catalog
        cluster.exclusively("catalog.initial", this::loadIfNone);
    }

    private void loadIfNone() {
        catalog.refresh();
        if (!catalog.versions().isEmpty()) {
            return;
        }
        CatalogFile content = read(file);
        transactions.executeWithoutResult(status -> {
            catalog.saveDomainsAndGroups(content.domains(), content.groups());
            catalog.publish(content.version(), content.effectiveFrom(), content.note(), content.items());
        });
        log.info("已载入默认信息目录 {}：{} 个领域，{} 类重点人群，{} 个信息项", content.version(), content.domains().size(),
                content.groups().size(), content.items().size());
    }

    static CatalogFile read(Resource file) {
        try (InputStream in = file.getInputStream()) {
            return JsonMapper.builder().build().readValue(in, CatalogFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取默认信息目录 " + file, e);
        }
    }
}
