package cn.eduduty.funding;

import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.ServiceContract;
import cn.eduduty.testsupport.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
@ServiceContract.Service(bodyPath = "/api/v1/counties/930101/fiscal-contexts/2025", writerRole = Api.COUNTY_EDITOR,
        writerRegion = "930101", appendOnlyTables = { "audit_event", "fiscal_year_closure", "posting", "posting_line" })
class FundingServiceTest extends ServiceContract {
}
