package io.leverwatch.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.leverwatch.kit.web.RejectionReason.Conflict;
import org.junit.jupiter.api.Test;

class ReasonedRejectionTest {

    enum Reason implements RejectionReason {
        MISSING_FIELD,
        @Conflict
        ALREADY_ISSUED
    }

    static class Refused extends ReasonedRejection {
        Refused(Reason reason) {
            super(reason, "refused");
        }
    }

    @Test
    void aConflictReasonIsAnsweredAsAConflictAndAnyOtherAsUnprocessable() {
        assertThat(new Refused(Reason.ALREADY_ISSUED).kind()).isEqualTo(DomainRejection.Kind.CONFLICT);
        assertThat(new Refused(Reason.MISSING_FIELD).kind()).isEqualTo(DomainRejection.Kind.UNPROCESSABLE);
        assertThat(new Refused(Reason.MISSING_FIELD).reason()).isEqualTo(Reason.MISSING_FIELD);
    }
}
