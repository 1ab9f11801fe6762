package org.chengxin;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Verifies the module structure (no cycles, only public APIs used) and writes its documentation to docs/. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(ChengxinApplication.class);

    @Test
    void modulesDependOnEachOtherOnlyThroughTheirApis() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases()
                .writeAggregatingDocument();
    }
}
