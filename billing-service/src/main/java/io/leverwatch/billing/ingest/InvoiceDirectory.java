package io.leverwatch.billing.ingest;

import io.leverwatch.events.billing.InvoiceIssued;
import io.leverwatch.kit.publish.MetaDataKeys;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which contract each invoice was issued under, and by which agency: what an event naming only the invoice
 * (a payment, a dispute) is about. Updated in the same transaction as the event store (a subscribing
 * processor), so the next event on the invoice already finds it.
 */
@Component
@ProcessingGroup(InvoiceDirectory.PROCESSING_GROUP)
class InvoiceDirectory {

    static final String PROCESSING_GROUP = "invoice-directory";

    /** The invoice's contract and the agency that issued it. */
    record IssuedInvoice(String contractId, String agencyId) {}

    private final JdbcTemplate jdbc;

    InvoiceDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InvoiceIssued event, @MetaDataValue(MetaDataKeys.AGENCY_ID) String agencyId) {
        jdbc.update(
                "insert into invoice_directory (invoice_id, contract_id, agency_id) values (?, ?, ?)"
                        + " on conflict (invoice_id) do nothing",
                event.invoiceId(),
                event.contractId(),
                agencyId);
    }

    Optional<IssuedInvoice> find(String invoiceId) {
        List<IssuedInvoice> found = jdbc.query(
                "select contract_id, agency_id from invoice_directory where invoice_id = ?",
                (rs, row) -> new IssuedInvoice(rs.getString("contract_id"), rs.getString("agency_id")),
                invoiceId);
        return found.stream().findFirst();
    }
}
