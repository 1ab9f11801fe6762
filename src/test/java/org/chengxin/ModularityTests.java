package org.chengxin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Verifies the module structure (no cycles, only public APIs used) and writes its documentation to docs/. */
class ModularityTests {

    private static final Path DOCS = Path.of("docs", "modules");

    private final ApplicationModules modules = ApplicationModules.of(ChengxinApplication.class);

    @Test
    void modulesDependOnEachOtherOnlyThroughTheirApis() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases()
                .writeAggregatingDocument();
        sortRelations();
        assertThat(DOCS.resolve("components.puml")).content().contains("Rel(");
    }

    /** The documenter writes relations in no fixed order; sorted, the files change only when the modules do. */
    private static void sortRelations() throws IOException {
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                List<String> out = new ArrayList<>(lines.size());
                List<String> relations = new ArrayList<>();
                for (String line : lines) {
                    if (line.startsWith("Rel(")) {
                        relations.add(line);
                        continue;
                    }
                    Collections.sort(relations);
                    out.addAll(relations);
                    relations.clear();
                    out.add(line);
                }
                Collections.sort(relations);
                out.addAll(relations);
                Files.write(file, out, StandardCharsets.UTF_8);
            }
        }
    }
}
