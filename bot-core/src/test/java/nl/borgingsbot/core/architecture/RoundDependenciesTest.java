package nl.borgingsbot.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The round's lifecycle knows neither the check-in, the report nor the outbox: those use the
 * round, not the other way round (no cycles round ↔ checkin, round ↔ report); and the outbox, the
 * one way out for every feature, uses none of the features that send through it.
 */
@AnalyzeClasses(packages = "nl.borgingsbot.core", importOptions = ImportOption.DoNotIncludeTests.class)
class RoundDependenciesTest {

    @ArchTest
    static final ArchRule roundUsesNoFeatureAboveIt = noClasses().that().resideInAPackage("nl.borgingsbot.core.round..")
            .should().dependOnClassesThat().resideInAnyPackage("nl.borgingsbot.core.checkin..",
                    "nl.borgingsbot.core.report..", "nl.borgingsbot.core.outbox..", "nl.borgingsbot.core.command..",
                    "nl.borgingsbot.core.schedule..");

    @ArchTest
    static final ArchRule outboxUsesNoSender = noClasses().that().resideInAPackage("nl.borgingsbot.core.outbox..")
            .should().dependOnClassesThat().resideInAnyPackage("nl.borgingsbot.core.checkin..",
                    "nl.borgingsbot.core.report..", "nl.borgingsbot.core.command..", "nl.borgingsbot.core.schedule..",
                    "nl.borgingsbot.core.personal..", "nl.borgingsbot.core.privacy..", "nl.borgingsbot.core.export..");
}
