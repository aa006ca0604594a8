package cn.eduduty.indicator;

import java.util.Set;

import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.ServiceContract;
import cn.eduduty.testsupport.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class IndicatorServiceTest extends ServiceContract {

    @Override
    protected String bodyPath() {
        return "/api/v1/frameworks";
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
        return Set.of("audit_event", "rating_change", "review_comment");
    }
}
