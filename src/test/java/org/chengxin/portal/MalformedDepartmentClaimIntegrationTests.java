package org.chengxin.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import org.chengxin.support.ApiContract;
import org.chengxin.support.ChengxinIntegrationTest;
import org.chengxin.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A token whose department claim is no department code at all is refused by each API exactly as a
 * token without a department is: the same status, stable code and message, never a 500.
 */
@ChengxinIntegrationTest
class MalformedDepartmentClaimIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Fixtures fixtures;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = ApiContract.mockMvc(context);
    }

    @Test
    void eachDepartmentApiRefusesAMalformedClaimAsItRefusesAMissingOne() throws Exception {
        String person = fixtures.syntheticIdNumber().value();
        String check = "{\"idNumber\":\"" + person + "\",\"matterCode\":\"XZSP\"}";
        for (String claim : new String[] {"SCJG", "市场监管局", "s", "scjg/../swj"}) {
            sameRefusal(MockMvcRequestBuilders.get("/api/v1/record-batches/1"), "records:write", claim, 403, "PUSH_WITHOUT_DEPARTMENT");
            sameRefusal(MockMvcRequestBuilders.post("/api/v1/records/1/revocation").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"reason\":\"复议撤销\"}"), "records:write", claim, 403, "PUSH_WITHOUT_DEPARTMENT");
            sameRefusal(MockMvcRequestBuilders.get("/api/v1/objections"), "remedies:decide", claim, 403, "REMEDIES_WITHOUT_DEPARTMENT");
            sameRefusal(MockMvcRequestBuilders.post("/api/v1/measure-checks").contentType(MediaType.APPLICATION_JSON).content(check),
                    "measures:check", claim, 403, "MEASURE_DEPARTMENT_REQUIRED");
        }
    }

    private void sameRefusal(MockHttpServletRequestBuilder request, String scope, String claim, int status, String code)
            throws Exception {
        MockHttpServletResponse malformed = call(request, scope, claim);
        MockHttpServletResponse missing = call(request, scope, null);

        assertThat(malformed.getStatus()).as(claim + " " + code).isEqualTo(status);
        assertThat(malformed.getContentAsString()).as(claim).contains("\"code\":\"" + code + "\"")
                .isEqualTo(missing.getContentAsString());
        assertThat(missing.getStatus()).isEqualTo(status);
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String scope, String claim) throws Exception {
        var token = jwt().jwt(j -> {
            j.subject("claim-test-client");
            if (claim != null) {
                j.claim("department", claim);
            }
        }).authorities(new SimpleGrantedAuthority("SCOPE_" + scope));
        return mvc.perform(request.with(csrf()).with(token)).andReturn().getResponse();
    }
}
