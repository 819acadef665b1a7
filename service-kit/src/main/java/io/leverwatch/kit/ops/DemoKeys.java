package io.leverwatch.kit.ops;

import io.leverwatch.kit.security.ApiKeys;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Embedded mode only: registers the demo agencies' keys (given as {@code agencyId=key}). */
public class DemoKeys {

    private static final Logger log = LoggerFactory.getLogger(DemoKeys.class);

    public DemoKeys(ApiKeys keys, List<String> demoKeys) {
        for (String entry : demoKeys) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("leverwatch.demo-keys entries are agencyId=key");
            }
            keys.register(entry.substring(0, eq), entry.substring(eq + 1), "embedded demo key");
        }
        log.warn("EMBEDDED MODE: {} demo agency keys are active. Never run this mode in production.", demoKeys.size());
    }
}
