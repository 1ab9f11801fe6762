package org.chengxin.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The committed snapshot of the API description, {@code docs/openapi.json}, is the description the platform serves: the
 * Java client of the {@code client} Maven profile is generated from it (issue 18, item 5), so it must not go stale. The
 * file is pretty-printed with every object's members in name order, so that a change of the API shows as a small diff.
 * The served {@code servers} member is left out: it only names the address the description was requested on (a random
 * port here).
 *
 * <p>When the API changes, rewrite the file with {@code ./mvnw -B test -Dtest=OpenApiSnapshotTests -Dopenapi.write=true}
 * and commit it.
 */
@ChengxinIntegrationTest
class OpenApiSnapshotTests {

    static final Path SNAPSHOT = Path.of("docs", "openapi.json");
    private static final String REGENERATE = "./mvnw -B test -Dtest=OpenApiSnapshotTests -Dopenapi.write=true";
    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @LocalServerPort
    int port;

    @Test
    void theCommittedSnapshotIsTheServedDescription() throws IOException {
        Http.Response answer = new Http(port).get("/v3/api-docs", null);
        assertThat(answer.status()).isEqualTo(200);
        String served = snapshotOf(answer.json());
        assertThat(served).as("the description names the platform's operations").contains("\"/api/v1/record-batches\"",
                "\"/api/v1/measure-checks\"", "\"Problem\"");

        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(SNAPSHOT, served, StandardCharsets.UTF_8);
        }
        if (!Files.exists(SNAPSHOT)) {
            fail(SNAPSHOT + " is missing. Write it with " + REGENERATE + " and commit it.");
        }
        String committed = Files.readString(SNAPSHOT, StandardCharsets.UTF_8).replace("\r\n", "\n");
        if (!committed.equals(served)) {
            fail(SNAPSHOT + " is not the description the platform serves at /v3/api-docs (" + firstDifference(committed, served)
                    + "). The API has changed: rewrite the snapshot with " + REGENERATE
                    + ", look at its diff and commit it with the change (the client profile generates its client from it).");
        }
    }

    /** The description as the file holds it: members in name order, without {@code servers}, two-space indents, a final newline. */
    static String snapshotOf(JsonNode description) {
        ObjectNode sorted = (ObjectNode) sorted(description);
        sorted.remove("servers");
        return PRETTY.writeValueAsString(sorted).replace("\r\n", "\n") + "\n";
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            List<String> names = new ArrayList<>(node.propertyNames());
            names.sort(null);
            for (String name : names) {
                copy.set(name, sorted(node.get(name)));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    private static String firstDifference(String committed, String served) {
        String[] a = committed.split("\n", -1);
        String[] b = served.split("\n", -1);
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (!a[i].equals(b[i])) {
                return "first difference at line " + (i + 1) + ": committed «" + a[i].strip() + "», served «" + b[i].strip() + "»";
            }
        }
        return "the committed file has " + a.length + " lines, the served description " + b.length;
    }
}
