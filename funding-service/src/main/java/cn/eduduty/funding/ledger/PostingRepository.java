package cn.eduduty.funding.ledger;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Postings as entities (read-only: a posting is written once, by {@link LedgerQueries#insert}). */
@ApplicationScoped
class PostingRepository implements PanacheRepositoryBase<Posting, UUID> {
}
