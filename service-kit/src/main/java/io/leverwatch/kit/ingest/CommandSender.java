package io.leverwatch.kit.ingest;

import io.leverwatch.kit.publish.MetaDataKeys;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** Sends the command an inbound event became, carrying the event's identity as metadata. */
public class CommandSender {

    private final CommandGateway gateway;

    public CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command, InboundEvent cause) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(
                        MetaDataKeys.CE_ID, cause.id(),
                        MetaDataKeys.CE_SOURCE, cause.source(),
                        MetaDataKeys.CE_TYPE, cause.type(),
                        MetaDataKeys.AGENCY_ID, cause.agencyId())));
    }

    public <R> R send(Object command) {
        return gateway.sendAndWait(command);
    }
}
