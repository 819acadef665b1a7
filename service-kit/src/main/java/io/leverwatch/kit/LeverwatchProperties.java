package io.leverwatch.kit;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What makes one service different from another, and the switches of the embedded mode. Every value can
 * be set from the environment (e.g. {@code LEVERWATCH_EMBEDDED=true}).
 */
@ConfigurationProperties("leverwatch")
public class LeverwatchProperties {

    /** The service's name, e.g. {@code contract-service}; also the CloudEvents source of what it publishes. */
    private String service;

    /** Inbound topic agencies write to, e.g. {@code leverwatch.inbound.contract}; empty: none. */
    private String inboundTopic = "";

    /** Outbound topic the service's domain events go to; empty: it publishes nothing. */
    private String outboundTopic = "";

    /** Embedded mode: demo keys and users exist and are printed. Never true in production. */
    private boolean embedded = false;

    /** Demo API keys created in embedded mode only: agencyId=plainKey. */
    private List<String> demoKeys = new ArrayList<>();

    /** Largest accepted request body on POST /api/events, in bytes. */
    private long maxBodyBytes = 1_048_576;

    public String getService() {
        return service;
    }

    public void setService(String service) {
        this.service = service;
    }

    public String getInboundTopic() {
        return inboundTopic;
    }

    public void setInboundTopic(String inboundTopic) {
        this.inboundTopic = inboundTopic;
    }

    public String getOutboundTopic() {
        return outboundTopic;
    }

    public void setOutboundTopic(String outboundTopic) {
        this.outboundTopic = outboundTopic;
    }

    public boolean isEmbedded() {
        return embedded;
    }

    public void setEmbedded(boolean embedded) {
        this.embedded = embedded;
    }

    public List<String> getDemoKeys() {
        return demoKeys;
    }

    public void setDemoKeys(List<String> demoKeys) {
        this.demoKeys = demoKeys;
    }

    public long getMaxBodyBytes() {
        return maxBodyBytes;
    }

    public void setMaxBodyBytes(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }
}
