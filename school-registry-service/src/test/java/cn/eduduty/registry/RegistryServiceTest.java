package cn.eduduty.registry;

import java.util.Set;

import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.ServiceContract;
import cn.eduduty.testsupport.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class RegistryServiceTest extends ServiceContract {

    @Override
    protected String bodyPath() {
        return "/api/v1/regions/930000";
    }

    @Override
    protected String writerRole() {
        return Api.SYSTEM;
    }

    @Override
    protected String writerRegion() {
        return "930000";
    }

    @Override
    protected Set<String> appendOnlyTables() {
        return Set.of("audit_event");
    }
}
