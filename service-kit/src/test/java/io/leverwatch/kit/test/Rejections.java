package io.leverwatch.kit.test;

import static org.hamcrest.Matchers.equalTo;

import io.leverwatch.kit.web.ReasonedRejection;
import io.leverwatch.kit.web.RejectionReason;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;

/** Matches the rejection an aggregate test expects by the rule that refused the command, not by its wording. */
public final class Rejections {

    public static Matcher<ReasonedRejection> rejectedFor(RejectionReason reason) {
        return new FeatureMatcher<>(equalTo(reason), "a command rejected for", "reason") {
            @Override
            protected RejectionReason featureValueOf(ReasonedRejection actual) {
                return actual.reason();
            }
        };
    }

    private Rejections() {}
}
