package cn.eduduty.registry.school;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class SchoolRepository implements PanacheRepositoryBase<School, String> {

    /** Schools whose township lies within the region with this code prefix. */
    public List<School> within(String regionPrefix) {
        return list("townshipCode like ?1", Sort.by("code"), regionPrefix + "%");
    }

    List<School> page(String regionPrefix, int page, int size) {
        return find("townshipCode like ?1", Sort.by("code"), regionPrefix + "%").page(Page.of(page, size)).list();
    }

    long count(String regionPrefix) {
        return count("townshipCode like ?1", regionPrefix + "%");
    }
}
