package org.eimas.micro.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.RandomAccessFile;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole dependency picture of ARCHITECTURE.md, checked on the production classes of every
 * module (this module, the composition root, sees them all on its test class path).
 */
class ArchitectureTest {
    private static final String BASE = "org.eimas.micro";
    private static final String DOMAIN = BASE + ".domain..";
    private static final String NETWORK = BASE + ".network..";
    private static final String APPLICATION = BASE + ".application..";
    private static final String CLI = BASE + ".cli..";
    private static final String WEB = BASE + ".web..";
    private static final String FLINK = BASE + ".flink..";
    private static final List<String> ADAPTERS = List.of(
            BASE + ".polygon..", BASE + ".alpaca..", BASE + ".storage..", BASE + ".replay..", BASE + ".fred..");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
        assertThat(classes.stream().filter(c -> c.getPackageName().startsWith(BASE + ".domain")).count())
                .as("domain classes found on the class path").isGreaterThan(5);
    }

    @Test
    void domainDependsOnlyOnTheJdk() {
        classes().that().resideInAPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN)
                .because("the domain is pure Java: no third-party library")
                .check(classes);
    }

    @Test
    void domainDoesNoIo() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.net..", "java.sql..",
                        "java.nio.channels..", "java.net.http..")
                .orShould().dependOnClassesThat().belongToAnyOf(File.class, FileInputStream.class,
                        FileOutputStream.class, FileReader.class, FileWriter.class, RandomAccessFile.class)
                .orShould().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().accessField(System.class, "in")
                .because("models take their inputs as arguments; I/O belongs to adapters")
                .check(classes);
    }

    @Test
    void domainReadsNoClock() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .because("time comes in as data or through the TimeSource port")
                .check(classes);
    }

    @Test
    void portsAreInterfaces() {
        classes().that().resideInAPackage(BASE + ".domain.port").and().areTopLevelClasses()
                .should().beInterfaces()
                .check(classes);
    }

    @Test
    void adaptersDoNotDependOnEachOtherOrOnDrivingSide() {
        for (String adapter : ADAPTERS) {
            if (classes.stream().noneMatch(c -> c.getPackageName().startsWith(adapter.replace("..", "")))) {
                continue; // a module that is not built yet
            }
            String[] forbidden = java.util.stream.Stream.concat(
                            ADAPTERS.stream().filter(a -> !a.equals(adapter)),
                            java.util.stream.Stream.of(APPLICATION, CLI, WEB, FLINK, NETWORK))
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage(adapter)
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                    .because("adapters only implement domain ports")
                    .check(classes);
        }
    }

    @Test
    void networkBuilderDependsOnlyOnDomainAndCommonsMath() {
        classes().that().resideInAPackage(NETWORK)
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", DOMAIN, NETWORK, "org.apache.commons.math3..")
                .check(classes);
    }

    @Test
    void applicationUsesAdaptersOnlyThroughGuiceModules() {
        noClasses().that().resideInAPackage(APPLICATION)
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS.toArray(String[]::new))
                .orShould().dependOnClassesThat().resideInAnyPackage(CLI, WEB, FLINK)
                .check(classes);
    }

    @Test
    void webDrivesTheApplicationNotTheAdapters() {
        noClasses().that().resideInAPackage(WEB)
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS.toArray(String[]::new))
                .orShould().dependOnClassesThat().resideInAnyPackage(CLI, FLINK)
                .because("web is a driving adapter like cli; only cli, the composition root, names adapters")
                .check(classes);
    }

    private static final DescribedPredicate<JavaClass> A_GUICE_MODULE =
            new DescribedPredicate<>("a class named *Module (or nested in one)") {
                @Override
                public boolean test(JavaClass c) {
                    String name = c.getName();
                    int nested = name.indexOf('$');
                    String top = nested < 0 ? name : name.substring(0, nested);
                    return top.endsWith("Module");
                }
            };

    @Test
    void guiceOnlyInApplicationCliAndModules() {
        noClasses().that().resideOutsideOfPackages(APPLICATION, CLI)
                .and(not(A_GUICE_MODULE))
                .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..")
                .because("wiring is the composition root's job")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching(BASE + ".(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void aRuleThatChecksNothingFails() {
        ArchRule empty = classes().that().resideInAPackage(BASE + ".no_such_package..").should().beInterfaces();
        assertThatThrownBy(() -> empty.check(classes)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }
}
