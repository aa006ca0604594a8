package cn.eduduty.funding;

import java.util.Set;

import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.ServiceContract;
import cn.eduduty.testsupport.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class FundingServiceTest extends ServiceContract {

    @Override
    protected String bodyPath() {
        return "/api/v1/counties/930101/fiscal-contexts/2025";
    }

    @Override
    protected String writerRole() {
        return Api.COUNTY_EDITOR;
    }

    @Override
    protected String writerRegion() {
        return "930101";
    }

    @Override
    protected Set<String> appendOnlyTables() {
        return Set.of("audit_event", "fiscal_year_closure", "posting", "posting_line");
    }
}
