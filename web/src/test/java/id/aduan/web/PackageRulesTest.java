package id.aduan.web;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import id.aduan.testkit.PackageRules;

@AnalyzeClasses(packages = "id.aduan.web", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTest {

    @ArchTest
    static final ArchTests RULES = ArchTests.in(PackageRules.class);
}
