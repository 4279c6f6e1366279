package org.iomworkbench.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;

/** The core is one library driven alike by the UI, the command line and the tests. */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.iomworkbench");
    }

    @Test
    void coreDoesNotKnowTheUserInterfaceOrCommandLine() {
        ArchRule rule = noClasses().that().resideInAPackage("org.iomworkbench.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.iomworkbench.ui..", "org.iomworkbench.cli..",
                        "org.iomworkbench.app..", "javafx..", "org.controlsfx..", "picocli..");
        rule.check(classes);
    }

    @Test
    void coreDoesNotPrint() {
        noClasses().that().resideInAPackage("org.iomworkbench.core..")
                .should(ACCESS_STANDARD_STREAMS).check(classes);
    }

    @Test
    void commandLineDoesNotUseJavaFx() {
        noClasses().that().resideInAPackage("org.iomworkbench.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.iomworkbench.ui..")
                .check(classes);
    }

    @Test
    void theUserInterfaceDoesNotUseTheCommandLine() {
        noClasses().that().resideInAPackage("org.iomworkbench.ui..")
                .should().dependOnClassesThat().resideInAPackage("org.iomworkbench.cli..")
                .check(classes);
    }
}
