package io.leverwatch.kit.ingest;

/** The answer to a delivery: how many events were new and how many had been received before. */
public record IngestionResult(int accepted, int duplicates) {}
