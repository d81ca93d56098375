package id.aduan.intake;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import id.aduan.testkit.PackageRules;

@AnalyzeClasses(packages = "id.aduan.intake", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTest {

    @ArchTest
    static final ArchTests RULES = ArchTests.in(PackageRules.class);

    /** The aggregate, its commands and events are the core every use case builds on, and know none of them. */
    @ArchTest
    static final ArchRule COMPLAINT_KNOWS_NO_USE_CASE = noClasses().that().resideInAPackage("id.aduan.intake.complaint..")
            .should().dependOnClassesThat(resideInAPackage("id.aduan.intake..").and(resideOutsideOfPackage("id.aduan.intake.complaint..")))
            .as("the complaint package depends on no other intake package");
}
