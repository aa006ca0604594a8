package cn.eduduty.funding.ledger;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
class AccountRepository implements PanacheRepository<Account> {

    /** Seeds a county's chart once; concurrent first uses insert nothing twice. */
    void seed(String regionCode, String principal) {
        for (ChartOfAccounts.Seed s : ChartOfAccounts.SEEDS) {
            getEntityManager().createNativeQuery("""
                    INSERT INTO account (region_code, code, name, type, category, seeded, created_by)
                    VALUES (:region, :code, :name, :type, :category, true, :by)
                    ON CONFLICT (region_code, code) DO NOTHING""")
                    .setParameter("region", regionCode)
                    .setParameter("code", s.code())
                    .setParameter("name", s.name())
                    .setParameter("type", s.type().name())
                    .setParameter("category", s.category() == null ? null : s.category().name())
                    .setParameter("by", principal)
                    .executeUpdate();
        }
    }

    boolean seeded(String regionCode) {
        return count("regionCode = ?1 and seeded = true", regionCode) > 0;
    }

    Map<String, Account> byCode(String regionCode) {
        return list("regionCode", regionCode).stream().collect(Collectors.toMap(a -> a.code, Function.identity()));
    }

    List<Account> page(String regionCode, int page, int size) {
        return find("regionCode", Sort.by("code"), regionCode).page(Page.of(page, size)).list();
    }

    long countOf(String regionCode) {
        return count("regionCode", regionCode);
    }
}
