package id.aduan.testkit;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules every module keeps (docs/architecture.md, "Packages"). A module applies them all
 * with one field in a class that names its root package:
 * <pre>{@code
 * @AnalyzeClasses(packages = "id.aduan.intake", importOptions = ImportOption.DoNotIncludeTests.class)
 * class PackageRulesTest {
 *     @ArchTest
 *     static final ArchTests RULES = ArchTests.in(PackageRules.class);
 * }
 * }</pre>
 */
public final class PackageRules {

    /**
     * No cycle between the packages right under a module's root (intake's {@code complaint},
     * {@code submit}, ...): where two use cases need each other, what they share belongs in a package
     * both depend on. A module that keeps every class in its root package (auth-server) has nothing to
     * compare, which is no fault.
     */
    @ArchTest
    public static final ArchRule NO_PACKAGE_CYCLES = slices().matching("id.aduan.*.(*)..").namingSlices("package $1")
            .as("the packages under a module's root package")
            .should().beFreeOfCycles()
            .allowEmptyShould(true);

    private PackageRules() {
    }
}
