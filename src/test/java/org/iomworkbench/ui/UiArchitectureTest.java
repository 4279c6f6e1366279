package org.iomworkbench.ui;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.iomworkbench.core.audit.AuditTrail;
import org.iomworkbench.core.browse.TableBrowser;
import org.iomworkbench.core.load.ExtractLoader;
import org.iomworkbench.core.load.SnapshotStore;
import org.iomworkbench.core.workspace.Workspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The desktop UI's own rules: view models work without a window, controllers only bind. */
class UiArchitectureTest {
    static JavaClasses ui;

    @BeforeAll
    static void load() {
        ui = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.iomworkbench.ui");
    }

    @Test
    void viewModelsNeedNoWindow() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.fxml..")
                .because("view models are tested without a window")
                .check(ui);
    }

    @Test
    void controllersLeaveTheWorkToViewModels() {
        noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().belongToAnyOf(Workspace.class, SnapshotStore.class, ExtractLoader.class,
                        TableBrowser.class, AuditTrail.class)
                .orShould().dependOnClassesThat().resideInAPackage("java.sql..")
                .because("a controller only binds; commands and database work live in the view model")
                .check(ui);
    }
}
