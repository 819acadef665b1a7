package io.leverwatch.compliance.operator.evidence;

/** The files of an evidence bundle (a zip) and the manifest's fields. */
public final class BundleLayout {

    public static final String FORMAT = "leverwatch-evidence/1";

    public static final String MANIFEST = "manifest.json";
    public static final String EVENTS = "events.jsonl";
    public static final String CHAIN = "chain.txt";
    public static final String REPORT_HTML = "report.html";
    public static final String REPORT_PDF = "report.pdf";
    public static final String README = "README.txt";

    /** The manifest's keys. */
    public static final String FORMAT_KEY = "format";

    public static final String CONTRACT_ID = "contractId";
    public static final String EVENT_COUNT = "eventCount";
    public static final String CHAIN_HEAD = "chainHead";
    public static final String CHAIN_RULE = "chain";
    public static final String SOFTWARE_VERSION = "softwareVersion";
    public static final String GENERATED_AT = "generatedAt";
    /** SHA-256 (hex) of each file the chain does not cover: the reports and the README. */
    public static final String FILES = "files";

    private BundleLayout() {}
}
