package io.leverwatch.compliance.operator;

import io.leverwatch.compliance.operator.evidence.BundleVerifier;
import io.leverwatch.compliance.operator.evidence.BundleVerifier.Finding;
import io.leverwatch.compliance.operator.evidence.BundleVerifier.Verification;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Verifies an evidence bundle from the command line, with the JDK alone (no Spring, no library):
 *
 * <pre>
 * java -cp compliance-service/target/compliance-service-0.1.0-SNAPSHOT.jar \
 *     io.leverwatch.compliance.operator.VerifyBundle evidence-c-42.zip
 * </pre>
 *
 * Prints {@code VERIFIED} and the chain head, exit status 0; or {@code TAMPERED} and one line per event that was
 * altered, removed, inserted or moved (and per report that was altered), exit status 1; exit status 2 when the file
 * cannot be read.
 */
public final class VerifyBundle {

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            err.println("usage: java -cp compliance-service.jar " + VerifyBundle.class.getName() + " <bundle.zip>");
            return 2;
        }
        Verification verification;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            verification = BundleVerifier.verify(in);
        } catch (IOException e) {
            err.println("cannot read " + args[0] + ": " + e.getMessage());
            return 2;
        }
        if (verification.intact()) {
            out.println("VERIFIED: evidence of contract " + verification.contractId() + ", " + verification.eventCount()
                    + " events, chain head " + verification.chainHead());
            return 0;
        }
        out.println("TAMPERED: evidence of contract " + verification.contractId() + " does not match its chain");
        for (Finding finding : verification.findings()) {
            out.println(finding.kind() + ": " + finding.message());
        }
        return 1;
    }

    private VerifyBundle() {}
}
