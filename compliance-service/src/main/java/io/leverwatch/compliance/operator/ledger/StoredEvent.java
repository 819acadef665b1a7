package io.leverwatch.compliance.operator.ledger;

import io.leverwatch.compliance.operator.evidence.Hashes;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One inbox event as the event store holds it ({@code domainevententry}): what the hash chain at rest vouches for.
 * Every column is covered, the serialized payload and metadata byte for byte, so that any change made to the row
 * after it was appended shows.
 */
record StoredEvent(
        long globalIndex,
        String eventId,
        String aggregateId,
        long sequenceNumber,
        String type,
        String payloadType,
        String payloadRevision,
        String timestamp,
        byte[] metaData,
        byte[] payload) {

    /** The columns {@link #of} reads, for a {@code select} from {@code domainevententry}. */
    static final String COLUMNS = "globalindex, eventidentifier, aggregateidentifier, sequencenumber, type,"
            + " payloadtype, payloadrevision, timestamp, metadata, payload";

    /** Selects the inbox's events among the store's (the Alert aggregate's events live there too). */
    static final String IS_INBOX_EVENT = "payloadtype like 'io.leverwatch.events.%'";

    static StoredEvent of(ResultSet rs) throws SQLException {
        return new StoredEvent(
                rs.getLong("globalindex"),
                rs.getString("eventidentifier"),
                rs.getString("aggregateidentifier"),
                rs.getLong("sequencenumber"),
                rs.getString("type"),
                rs.getString("payloadtype"),
                rs.getString("payloadrevision"),
                rs.getString("timestamp"),
                rs.getBytes("metadata"),
                rs.getBytes("payload"));
    }

    /**
     * SHA-256 over every column, each written as its length (-1 for null) and its bytes (text in UTF-8), so that no
     * two different rows give the same input.
     */
    byte[] digest() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(payload.length + 512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(globalIndex);
            text(out, eventId);
            text(out, aggregateId);
            out.writeLong(sequenceNumber);
            text(out, type);
            text(out, payloadType);
            text(out, payloadRevision);
            text(out, timestamp);
            binary(out, metaData);
            binary(out, payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Hashes.sha256(bytes.toByteArray());
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        binary(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void binary(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(value.length);
            out.write(value);
        }
    }
}
