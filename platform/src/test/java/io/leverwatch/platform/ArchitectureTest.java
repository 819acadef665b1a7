package io.leverwatch.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layout of STYLE.md, checked on the compiled classes of every module. */
class ArchitectureTest {

    static final List<String> SERVICES = List.of("contract", "billing", "access", "compliance");
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.leverwatch");
    }

    @Test
    void theEventsApiDependsOnNothingOfOursNorOnSpringOrPersistence() {
        noClasses()
                .that()
                .resideInAPackage("io.leverwatch.events..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.leverwatch.kit..",
                        "io.leverwatch.infra..",
                        "io.leverwatch.platform..",
                        "io.leverwatch.contract..",
                        "io.leverwatch.billing..",
                        "io.leverwatch.access..",
                        "io.leverwatch.compliance..",
                        "org.springframework..",
                        "jakarta.persistence..",
                        "java.sql..")
                .check(classes);
    }

    @Test
    void noServiceImportsAnother() {
        for (String service : SERVICES) {
            String[] others = SERVICES.stream()
                    .filter(s -> !s.equals(service))
                    .map(s -> "io.leverwatch." + s + "..")
                    .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage("io.leverwatch." + service + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others)
                    .check(classes);
        }
    }

    @Test
    void theKitKnowsNoService() {
        noClasses()
                .that()
                .resideInAPackage("io.leverwatch.kit..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.leverwatch.contract..",
                        "io.leverwatch.billing..",
                        "io.leverwatch.access..",
                        "io.leverwatch.compliance..",
                        "io.leverwatch.platform..")
                .check(classes);
    }

    @Test
    void domainCodeHasNoWebNorPersistenceTypes() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.leverwatch.contract.lifecycle..",
                        "io.leverwatch.billing.invoice..",
                        "io.leverwatch.billing.creditnote..",
                        "io.leverwatch.access.account..",
                        "io.leverwatch.compliance.leverage..",
                        "io.leverwatch.compliance.alert..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework.web..",
                        "org.springframework.jdbc..",
                        "jakarta.servlet..",
                        "jakarta.persistence..",
                        "java.sql..")
                .check(classes);
    }

    @Test
    void domainCodeTakesTimeFromEventsOrAClockNeverFromTheWallClock() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.leverwatch.contract.lifecycle..",
                        "io.leverwatch.billing.invoice..",
                        "io.leverwatch.billing.creditnote..",
                        "io.leverwatch.access.account..",
                        "io.leverwatch.compliance.leverage..",
                        "io.leverwatch.compliance.alert..")
                .should()
                .callMethod(java.time.Instant.class, "now")
                .orShould()
                .callMethod(java.time.LocalDate.class, "now")
                .orShould()
                .callMethod(java.time.LocalDateTime.class, "now")
                .orShould()
                .callMethod(java.time.OffsetDateTime.class, "now")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .check(classes);
    }
}
