package nl.borgingsbot.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** bot-core is plain Java: no Spring, Slack or Bot Framework type may appear in it. */
@AnalyzeClasses(packages = "nl.borgingsbot.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule noSpring = noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule noSlack = noClasses().should().dependOnClassesThat().resideInAPackage("com.slack..");

    @ArchTest
    static final ArchRule noBotFramework = noClasses().should().dependOnClassesThat().resideInAPackage("com.microsoft.bot..");

    @ArchTest
    static final ArchRule noJakarta = noClasses().should().dependOnClassesThat().resideInAPackage("jakarta..");

    /** The core's packages depend one way (docs/architecture.md draws which may use which). */
    @ArchTest
    static final ArchRule noCycles = slices().matching("nl.borgingsbot.core.(*)..").should().beFreeOfCycles();
}
