package cn.eduduty.indicator;

import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.ServiceContract;
import cn.eduduty.testsupport.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
@ServiceContract.Service(bodyMethod = "POST", bodyPath = "/api/v1/frameworks", writerRole = Api.PREFECTURE_REVIEWER,
        writerRegion = "930100", appendOnlyTables = { "audit_event", "rating_change", "review_comment" })
class IndicatorServiceTest extends ServiceContract {
}
