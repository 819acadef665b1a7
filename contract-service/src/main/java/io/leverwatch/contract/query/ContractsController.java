package io.leverwatch.contract.query;

import io.leverwatch.kit.security.AgencyAuthentication;
import io.leverwatch.kit.web.DomainRejection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/contracts/{id}}: a contract as its agency sees it. Another agency gets 403. */
@RestController
class ContractsController {

    private final JdbcTemplate jdbc;

    ContractsController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/contracts/{contractId}")
    Map<String, Object> contract(@PathVariable String contractId, AgencyAuthentication agency) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select contract_id as \"contractId\", agency_id as \"agencyId\", agency_name as \"agencyName\","
                        + " client_id as \"clientId\", client_name as \"clientName\", scope, start_date as \"startDate\","
                        + " status, terminated_by as \"terminatedBy\","
                        + " termination_effective_at as \"terminationEffectiveAt\","
                        + " termination_reason as \"terminationReason\" from contract_view where contract_id = ?",
                contractId);
        if (rows.isEmpty()) {
            throw new DomainRejection(DomainRejection.Kind.NOT_FOUND, "contract " + contractId + " is not registered");
        }
        Map<String, Object> contract = new LinkedHashMap<>(rows.get(0));
        if (!agency.agencyId().equals(contract.get("agencyId"))) {
            throw new AccessDeniedException("contract " + contractId + " belongs to another agency");
        }
        contract.put(
                "accounts",
                jdbc.queryForList(
                        "select account_id as \"accountId\", platform, label, held_in_name_of as \"heldInNameOf\""
                                + " from account_view where contract_id = ? order by registered_at, account_id",
                        contractId));
        contract.put(
                "criticalPeriods",
                jdbc.queryForList(
                        "select starts_at as \"from\", ends_at as \"to\", description from critical_period_view"
                                + " where contract_id = ? order by starts_at",
                        contractId));
        return contract;
    }
}
