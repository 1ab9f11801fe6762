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
import org.springframework.modulith.core.DependencyType;
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

    /**
     * The module map of docs/architecture.md, drawn from the modules as they are (every dependency on
     * another module's API, dashed where a module only hears the other's events), so that the
     * document cannot drift from the code. Only the block between the markers is rewritten.
     */
    @Test
    void writesTheModuleMapIntoTheArchitectureDocument() throws IOException {
        Path architecture = Path.of("docs", "architecture.md");
        String document = Files.readString(architecture, StandardCharsets.UTF_8);
        int start = document.indexOf(MAP_START);
        int end = document.indexOf(MAP_END);
        assertThat(start).as("the architecture document marks where its module map goes").isNotNegative();
        assertThat(end).isGreaterThan(start);
        String map = moduleMap();
        Files.writeString(architecture, document.substring(0, start + MAP_START.length()) + "\n" + map
                + document.substring(end), StandardCharsets.UTF_8);
        assertThat(map).contains("records --> catalog");
    }

    private static final String MAP_START = "<!-- module-map:start (written by ModularityTests) -->";
    private static final String MAP_END = "<!-- module-map:end -->";

    private String moduleMap() {
        StringBuilder out = new StringBuilder("```mermaid\nflowchart TB\n");
        List<String> nodes = new ArrayList<>();
        List<String> arrows = new ArrayList<>();
        modules.forEach(module -> {
            nodes.add("    " + module.getName() + "[\"" + module.getDisplayName() + "\"]");
            module.getDirectDependencies(modules).uniqueModules().forEach(target -> {
                boolean eventsOnly = module.getDirectDependencies(modules).stream()
                        .filter(d -> d.getTargetModule().equals(target))
                        .allMatch(d -> d.getDependencyType() == DependencyType.EVENT_LISTENER);
                arrows.add("    " + module.getName() + (eventsOnly ? " -.->|hears events| " : " --> ") + target.getName());
            });
        });
        Collections.sort(nodes);
        Collections.sort(arrows);
        nodes.forEach(n -> out.append(n).append('\n'));
        arrows.forEach(a -> out.append(a).append('\n'));
        return out.append("```\n").toString();
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
