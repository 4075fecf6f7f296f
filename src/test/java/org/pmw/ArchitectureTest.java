package org.pmw;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the layers of DESIGN.md true: dependencies point down only; UI and CLI talk only to app (and model). */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.pmw");
    }

    @Test
    void layersDependDownwardsOnly() {
        layeredArchitecture().consideringOnlyDependenciesInAnyPackage("org.pmw..").withOptionalLayers(true)
                .layer("Entry").definedBy("org.pmw")
                .layer("Ui").definedBy("org.pmw.ui..")
                .layer("Cli").definedBy("org.pmw.cli..")
                .layer("App").definedBy("org.pmw.app..")
                .layer("Sample").definedBy("org.pmw.sample..")
                .layer("Report").definedBy("org.pmw.report..")
                .layer("Analysis").definedBy("org.pmw.analysis..")
                .layer("Index").definedBy("org.pmw.index..")
                .layer("Ingest").definedBy("org.pmw.ingest..")
                .layer("Project").definedBy("org.pmw.project..")
                .layer("Model").definedBy("org.pmw.model..")
                .whereLayer("Ui").mayOnlyBeAccessedByLayers("Entry")
                .whereLayer("Cli").mayOnlyBeAccessedByLayers("Entry")
                .whereLayer("App").mayOnlyBeAccessedByLayers("Ui", "Cli")
                .whereLayer("Sample").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Report").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Analysis").mayOnlyBeAccessedByLayers("Report", "App")
                .whereLayer("Index").mayOnlyBeAccessedByLayers("Analysis", "Report", "App")
                .whereLayer("Ingest").mayOnlyBeAccessedByLayers("Index", "Analysis", "Report", "App")
                .whereLayer("Project").mayOnlyBeAccessedByLayers("Ingest", "Index", "Analysis", "Report", "App")
                .check(classes);
    }

    @Test
    void modelKnowsNothingOfLuceneOrJavaFx() {
        noClasses().that().resideInAPackage("org.pmw.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.lucene..", "javafx..", "picocli..")
                .check(classes);
    }

    @Test
    void onlyTheIndexTouchesLucene() {
        noClasses().that().resideOutsideOfPackage("org.pmw.index..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..")
                .check(classes);
    }

    @Test
    void onlyTheWindowTouchesJavaFx() {
        noClasses().that().resideOutsideOfPackage("org.pmw.ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }
}
