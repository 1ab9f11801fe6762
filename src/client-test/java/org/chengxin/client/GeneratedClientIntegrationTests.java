package org.chengxin.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chengxin.client.api.DefaultApi;
import org.chengxin.client.model.Applicable;
import org.chengxin.client.model.BasisRecord;
import org.chengxin.client.model.BatchReport;
import org.chengxin.client.model.CheckRequest;
import org.chengxin.client.model.MeasureCheck;
import org.chengxin.client.model.Problem;
import org.chengxin.client.model.PushedRecord;
import org.chengxin.client.model.RecordBatch;
import org.chengxin.shared.id.IdNumber;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.chengxin.support.Http;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A department system built on the Java client that openapi-generator makes from the committed API description
 * ({@code docs/openapi.json}, the {@code client} Maven profile; issue 18, item 5). Only the generated API class and
 * models call the platform: the tax office's system pushes a JSON batch and follows it until it has ended, the emergency
 * management bureau's system checks the person for a matter and gets the punishment that rests on the pushed record, and a
 * refusal comes back as the generated {@link Problem} with its stable code. The token comes from the token endpoint
 * (the generated client has no OAuth2 of its own in its {@code native} library) and goes on every request it sends.
 */
@Tag("client")
@ChengxinIntegrationTest
class GeneratedClientIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    /** The generated client of a department system whose client has the scope, as its own code would set it up. */
    private ApiClient clientOf(String department, String scope) {
        String token = new Http(port).token(fixtures.apiClientOf(department, scope), Fixtures.PASSWORD, scope);
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setReadTimeout(Duration.ofSeconds(30));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    @Test
    void aDepartmentSystemPushesABatchFollowsItAndChecksThePersonThroughTheGeneratedClient() throws Exception {
        IdNumber person = fixtures.syntheticIdNumber();
        String documentNumber = "岳税罚〔2026〕" + Math.floorMod(UUID.randomUUID().hashCode(), 10_000) + "号";

        // the tax office pushes one serious tax-evasion record
        DefaultApi tax = new DefaultApi(clientOf("swj", "records:write"));
        RecordBatch batch = new RecordBatch().records(List.of(new PushedRecord()
                .sourceId("client-" + UUID.randomUUID())
                .itemCode("YY-TX-001")
                .idNumber(person.value())
                .name("客户端测试")
                .decisionDate(LocalDate.now().minusDays(15))
                .documentNumber(documentNumber)
                .content(Map.of("facts", "少缴税款", "penaltyResult", "追缴并罚款", "evadedAmount", "120000", "authority", "岳阳市税务局"))));
        ApiResponse<BatchReport> pushed = tax.pushRecordBatchWithHttpInfo(batch, null, null, false);
        assertThat(pushed.getStatusCode()).isEqualTo(202);
        long id = pushed.getData().getId();
        assertThat(pushed.getHeaders().get("location")).containsExactly("/api/v1/record-batches/" + id);
        assertThat(pushed.getData().getDepartmentCode()).isEqualTo("swj");

        BatchReport report = awaitEnd(tax, id);
        assertThat(report.getStatus()).isEqualTo(BatchReport.StatusEnum.COMPLETED);
        assertThat(report.getFormat()).isEqualTo(BatchReport.FormatEnum.JSON);
        assertThat(report.getTotal()).isEqualTo(1);
        assertThat(report.getAccepted()).isEqualTo(1);
        assertThat(report.getRejected()).isZero();
        assertThat(report.getRejections()).isEmpty();

        // the emergency management bureau checks the person for a routine inspection (日常监督检查): the record triggers the inspection measure
        DefaultApi inspector = new DefaultApi(clientOf("yjj", "measures:check"));
        ApiResponse<MeasureCheck> created = inspector.checkWithHttpInfo(new CheckRequest().idNumber(person.value()).matterCode("RCJG"));
        assertThat(created.getStatusCode()).isEqualTo(201);
        MeasureCheck check = created.getData();
        assertThat(created.getHeaders().get("location")).containsExactly("/api/v1/measure-checks/" + check.getId());
        assertThat(check.getMaskedIdNumber()).isEqualTo(person.masked());
        assertThat(check.getMatterCode()).isEqualTo("RCJG");
        assertThat(check.getDepartmentCode()).isEqualTo("yjj");
        assertThat(check.getPunishments()).extracting(Applicable::getCode).contains("CJ-JCPC").doesNotContain("CJ-ZDJG");
        Applicable inspection = check.getPunishments().stream().filter(m -> m.getCode().equals("CJ-JCPC")).findFirst().orElseThrow();
        assertThat(inspection.getRecords()).singleElement().satisfies(basis -> {
            assertThat(basis.getItemCode()).isEqualTo("YY-TX-001");
            assertThat(basis.getDepartmentCode()).isEqualTo("swj");
            assertThat(basis.getDocumentNumber()).isEqualTo(documentNumber);
        });
        assertThat(inspector.find(check.getId()).getPunishments()).flatExtracting(Applicable::getRecords)
                .extracting(BasisRecord::getDocumentNumber).contains(documentNumber);
    }

    @Test
    void aRefusalComesBackAsTheGeneratedProblemWithItsCode() throws Exception {
        ApiClient client = clientOf("yjj", "measures:check");
        DefaultApi inspector = new DefaultApi(client);
        String number = fixtures.syntheticIdNumber().value();
        String wrong = number.substring(0, 17) + (number.endsWith("0") ? "1" : "0");

        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> inspector.check(new CheckRequest().idNumber(wrong).matterCode("RCJG")));
        assertThat(refused).as("a wrong check character is refused").isNotNull();
        assertThat(refused.getCode()).isEqualTo(400);
        assertThat(refused.getResponseHeaders().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        Problem problem = client.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getCode()).isEqualTo("ID_BAD_CHECK_CHARACTER");
        // asserted as a boolean, so that a failure would not print the number
        assertThat(refused.getResponseBody().contains(wrong)).as("the problem shows no full ID number").isFalse();

        // a batch the department does not have: 404 with its own code, the same problem model
        ApiException unknown = catchThrowableOfType(ApiException.class, () -> new DefaultApi(clientOf("swj", "records:write")).batchReport(Long.MAX_VALUE));
        assertThat(unknown).isNotNull();
        assertThat(unknown.getCode()).isEqualTo(404);
        Problem notFound = client.getObjectMapper().readValue(unknown.getResponseBody(), Problem.class);
        assertThat(notFound.getCode()).isEqualTo("BATCH_NOT_FOUND");
        assertThat(notFound.getStatus()).isEqualTo(404);
    }

    /** Follows the batch ({@code GET /api/v1/record-batches/{id}}) until it has ended; fails after a minute. */
    private static BatchReport awaitEnd(DefaultApi api, long id) throws ApiException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            BatchReport report = api.batchReport(id);
            if (report.getStatus() != BatchReport.StatusEnum.RECEIVED && report.getStatus() != BatchReport.StatusEnum.PROCESSING) {
                return report;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("batch " + id + " did not end within a minute");
    }
}
