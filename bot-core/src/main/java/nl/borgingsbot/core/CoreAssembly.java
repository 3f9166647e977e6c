package nl.borgingsbot.core;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;

import nl.borgingsbot.core.absence.AbsenceCommands;
import nl.borgingsbot.core.actions.ActionCommands;
import nl.borgingsbot.core.chat.Gateways;
import nl.borgingsbot.core.checkin.CheckInService;
import nl.borgingsbot.core.checkin.Invitations;
import nl.borgingsbot.core.command.CommandParser;
import nl.borgingsbot.core.command.CommandRouter;
import nl.borgingsbot.core.command.CoreCommands;
import nl.borgingsbot.core.command.Membership;
import nl.borgingsbot.core.cycle.RoundCommands;
import nl.borgingsbot.core.export.ExportCommands;
import nl.borgingsbot.core.export.Exports;
import nl.borgingsbot.core.home.HomePage;
import nl.borgingsbot.core.inbox.Inbox;
import nl.borgingsbot.core.national.NationalCommands;
import nl.borgingsbot.core.national.NationalComparison;
import nl.borgingsbot.core.national.NationalFigures;
import nl.borgingsbot.core.national.NationalOverview;
import nl.borgingsbot.core.outbox.FailureNotices;
import nl.borgingsbot.core.outbox.Outbox;
import nl.borgingsbot.core.personal.PersonalResultCommands;
import nl.borgingsbot.core.personal.PersonalResults;
import nl.borgingsbot.core.privacy.PrivacyCommands;
import nl.borgingsbot.core.questionnaire.QuestionnaireCatalog;
import nl.borgingsbot.core.region.Administrators;
import nl.borgingsbot.core.report.ReportAddition;
import nl.borgingsbot.core.report.RoundReport;
import nl.borgingsbot.core.report.RoundReports;
import nl.borgingsbot.core.round.RoundLifecycle;
import nl.borgingsbot.core.schedule.Planning;
import nl.borgingsbot.core.setup.RegionCommands;
import nl.borgingsbot.core.telemetry.Telemetry;

/**
 * The core's one composition place: every service of the core is built here, from the stores,
 * questionnaires, gateways and settings the application ({@code config}) gives, and each gets the
 * narrow parts it uses. The features' commands are listed here once: a new feature adds its
 * parser entries to {@link #PARSER} and its handler to {@link #assemble}.
 */
public final class CoreAssembly {

    /** Every command word of every feature. */
    public static final CommandParser PARSER = new CommandParser(List.of(
            CoreCommands.ENTRIES, RegionCommands.ENTRIES, RoundCommands.ENTRIES, Planning.ENTRIES,
            ActionCommands.ENTRIES, AbsenceCommands.ENTRIES, ExportCommands.ENTRIES, PrivacyCommands.ENTRIES,
            PersonalResultCommands.ENTRIES, NationalCommands.ENTRIES));

    private CoreAssembly() {
    }

    /** The parts of one bot. */
    public static Borgingsbot.Parts assemble(Repositories repositories, QuestionnaireCatalog catalog, Gateways gateways,
                                             Administrators admins, Clock clock, Borgingsbot.Settings settings) {
        Inbox inbox = new Inbox(repositories.handledEvents(), clock, settings.workers(), settings.waitingLimit());
        CheckInService checkIns = new CheckInService(repositories.regions(), repositories.rounds(),
                repositories.checkIns(), repositories.actions(), repositories.absences(), catalog, clock,
                settings.telemetry());
        Outbox outbox = new Outbox(repositories.outbox(), repositories.regions(), new FailureNotices(
                repositories.regions(), repositories.rounds(), repositories.deliveryFailures(), clock), gateways, clock,
                Outbox.BULK_WORKERS, settings.telemetry());
        RoundLifecycle lifecycle = new RoundLifecycle(repositories.rounds(), repositories.absences(), clock,
                settings.telemetry());
        Invitations invitations = new Invitations(repositories.regions(), repositories.checkIns(),
                repositories.reminders(), catalog, lifecycle, outbox, clock, settings.telemetry());
        // the national figures are computed from the plain round reports, without the comparison itself
        NationalFigures figures = new NationalFigures(repositories.regions(), repositories.rounds(),
                repositories.consents(), reports(repositories, catalog, lifecycle, outbox, clock, settings,
                report -> ReportAddition.NONE, Telemetry.NONE), clock);
        RoundReports reports = reports(repositories, catalog, lifecycle, outbox, clock, settings,
                new NationalComparison(figures, settings.nationalMinimum()), settings.telemetry());
        PersonalResults personalResults = new PersonalResults(repositories.rounds(),
                repositories.personalResults(), reports, outbox);
        reports.whenClosed(personalResults::sendAll);
        Membership membership = new Membership(repositories.regions());
        Planning planning = new Planning(repositories.schedules(), clock);
        NationalCommands national = new NationalCommands(repositories.consents(),
                new NationalOverview(figures, repositories.regions(), repositories.consents(), catalog),
                outbox::sendDirect, admins, settings.nationalMinimum(), clock);
        CommandRouter router = new CommandRouter(membership, admins, List.of(
                new CoreCommands(membership, admins),
                new RegionCommands(repositories.regions(), repositories.rounds(), invitations, catalog, planning,
                        national, membership),
                new RoundCommands(repositories.regions(), repositories.rounds(), invitations, reports, clock),
                planning,
                new ActionCommands(repositories.actions(), repositories.regions(), catalog, clock),
                new AbsenceCommands(repositories.regions(), repositories.rounds(), repositories.absences(), invitations,
                        membership, clock),
                new ExportCommands(new Exports(repositories.rounds(), repositories.actions(), reports),
                        outbox::sendDirect),
                new PrivacyCommands(repositories.regions(), repositories.rounds(), repositories.checkIns(),
                        repositories.actions(), repositories.absences(), repositories.forgetting(), catalog,
                        outbox::sendDirect),
                new PersonalResultCommands(personalResults, membership),
                national));
        HomePage homePage = new HomePage(repositories.regions(), repositories.rounds(), checkIns, invitations, reports);
        return new Borgingsbot.Parts(inbox, checkIns, PARSER, router, invitations, reports, outbox, homePage);
    }

    private static RoundReports reports(Repositories repositories, QuestionnaireCatalog catalog, RoundLifecycle lifecycle,
                                        Outbox outbox, Clock clock, Borgingsbot.Settings settings,
                                        Function<RoundReport, ReportAddition> additions, Telemetry telemetry) {
        return new RoundReports(repositories.regions(), repositories.rounds(), repositories.checkIns(),
                repositories.actions(), catalog, lifecycle, outbox, clock, settings.random(), additions, telemetry);
    }
}
