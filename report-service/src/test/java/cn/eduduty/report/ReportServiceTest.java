package cn.eduduty.report;

import java.util.Set;

import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.ServiceContract;
import cn.eduduty.testsupport.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class ReportServiceTest extends ServiceContract {

    @Override
    protected String bodyPath() {
        return "/api/v1/deadlines";
    }

    @Override
    protected String bodyMethod() {
        return "POST";
    }

    @Override
    protected String writerRole() {
        return Api.PREFECTURE_REVIEWER;
    }

    @Override
    protected String writerRegion() {
        return "930100";
    }

    @Override
    protected Set<String> appendOnlyTables() {
        return Set.of("audit_event", "received_event", "report_snapshot");
    }
}
