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
