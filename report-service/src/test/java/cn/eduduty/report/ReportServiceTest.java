package cn.eduduty.report;

import cn.eduduty.contracts.Topics;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.ServiceContract;
import cn.eduduty.testsupport.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
@ServiceContract.Service(bodyMethod = "POST", bodyPath = "/api/v1/deadlines", writerRole = Api.PREFECTURE_REVIEWER,
        writerRegion = "930100", appendOnlyTables = { "audit_event", "received_event", "report_snapshot" },
        topicsConsumed = { Topics.INDICATOR, Topics.REGISTRY, Topics.FUNDING })
class ReportServiceTest extends ServiceContract {
}
