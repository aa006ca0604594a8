package cn.eduduty.registry;

import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.ServiceContract;
import cn.eduduty.testsupport.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
@ServiceContract.Service(bodyPath = "/api/v1/regions/930000", writerRole = Api.SYSTEM, writerRegion = "930000",
        appendOnlyTables = { "audit_event" })
class RegistryServiceTest extends ServiceContract {
}
