package io.leverwatch.compliance.operator.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void sortsKeysAtEveryLevelAndWritesNoWhitespace() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1);
        inner.put("a", Arrays.asList(true, null, "x"));
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("b", inner);
        outer.put("a", new BigDecimal("1800.00"));

        assertThat(CanonicalJson.write(outer)).isEqualTo("{\"a\":1800.00,\"b\":{\"a\":[true,null,\"x\"],\"z\":1}}");
    }

    @Test
    void escapesOnlyWhatJsonRequires() {
        assertThat(CanonicalJson.write("é \"q\" \\ \n\t\u0001 <b>"))
                .isEqualTo("\"é \\\"q\\\" \\\\ \\n\\t\\u0001 <b>\"");
    }

    @Test
    void readsBackWhatItWrites() {
        String canonical = "{\"a\":[1,2.50,{\"k\":\"v\\n\"}],\"b\":false,\"c\":null}";

        assertThat(CanonicalJson.write(CanonicalJson.parse(canonical))).isEqualTo(canonical);
        assertThat(CanonicalJson.write(
                        CanonicalJson.parse(" { \"c\" : null , \"b\":false,\"a\":[1,2.50,{\"k\":\"v\\n\"}]}")))
                .isEqualTo(canonical);
    }

    @Test
    void refusesWhatIsNotOneJsonValue() {
        assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":1} x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":1,\"a\":2}")).hasMessageContaining("repeated");
        assertThatThrownBy(() -> CanonicalJson.parse("[1,")).isInstanceOf(IllegalArgumentException.class);
    }
}
