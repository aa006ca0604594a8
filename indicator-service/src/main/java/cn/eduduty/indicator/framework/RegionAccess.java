package cn.eduduty.indicator.framework;

import cn.eduduty.runtime.security.Access;
import cn.eduduty.runtime.security.RegionCode;

/** A framework issued for a region applies to every county below it, who may therefore read it. */
final class RegionAccess {

    private RegionAccess() {
    }

    static boolean appliesTo(String frameworkRegion, Access access) {
        return RegionCode.within(access.region(), frameworkRegion);
    }
}
