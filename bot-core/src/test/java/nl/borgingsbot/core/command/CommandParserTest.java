package nl.borgingsbot.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import nl.borgingsbot.core.CoreAssembly;
import nl.borgingsbot.core.absence.AbsenceCommands;
import nl.borgingsbot.core.actions.ActionCommands;
import nl.borgingsbot.core.export.ExportCommands;
import nl.borgingsbot.core.privacy.PrivacyCommands;
import nl.borgingsbot.core.cycle.RoundCommands;
import nl.borgingsbot.core.schedule.Planning;
import nl.borgingsbot.core.setup.RegionCommands;

class CommandParserTest {

    static Stream<Arguments> commands() {
        UserReference jan = new UserReference("U0JAN", Optional.of("jan"));
        return Stream.of(
                Arguments.of("help", new CoreCommands.Help()),
                Arguments.of("Hulp", new CoreCommands.Help()),
                Arguments.of("/borging help", new CoreCommands.Help()),
                Arguments.of("regio koppel Amstelland Noord", new RegionCommands.LinkRegion("Amstelland Noord")),
                Arguments.of("region link Twente", new RegionCommands.LinkRegion("Twente")),
                Arguments.of("regio", new RegionCommands.ShowRegion()),
                Arguments.of("regio taal EN", new RegionCommands.SetLanguage("en")),
                Arguments.of("regio anoniem aan", new RegionCommands.SetAnonymous(true)),
                Arguments.of("region anonymous off", new RegionCommands.SetAnonymous(false)),
                Arguments.of("regio vragenlijst samenwerking", new RegionCommands.SetQuestionnaire("samenwerking")),
                Arguments.of("partner toevoegen @{U0JAN|jan} Technasium Noord",
                        new RegionCommands.AddPartner(jan, "Technasium Noord")),
                Arguments.of("partner add @U0PIET ROC", new RegionCommands.AddPartner(new UserReference("U0PIET", Optional.empty()), "ROC")),
                Arguments.of("partner verwijderen @{U0JAN|jan}", new RegionCommands.RemovePartner(jan)),
                Arguments.of("partner toevoegen @{U0AB|Anna de Vries}   Vmbo De Brug",
                        new RegionCommands.AddPartner(new UserReference("U0AB", Optional.of("Anna de Vries")), "Vmbo De Brug")),
                Arguments.of("/borging partner add @{U0AB} Smit & Zn",
                        new RegionCommands.AddPartner(new UserReference("U0AB", Optional.empty()), "Smit & Zn")),
                Arguments.of("partner verwijderen @{U0JAN|jan} extra", new CoreCommands.Misused("usage.partnerRemove")),
                Arguments.of("partners", new RegionCommands.ListPartners()),
                Arguments.of("ronde start", new RoundCommands.StartRound(Optional.empty())),
                Arguments.of("ronde start 15 december 2026", new RoundCommands.StartRound(Optional.of("15 december 2026"))),
                Arguments.of("round status", new RoundCommands.RoundStatus()),
                Arguments.of("ronde sluit", new RoundCommands.CloseRound()),
                Arguments.of("ronde rapport", new RoundCommands.PostReport()),
                Arguments.of("herinner", new RoundCommands.Remind()),
                Arguments.of("export", new ExportCommands.Export(Optional.empty(), false)),
                Arguments.of("export 3 csv", new ExportCommands.Export(Optional.of(3), true)),
                Arguments.of("export pdf", new CoreCommands.Misused("usage.export")),
                Arguments.of("mijn gegevens", new PrivacyCommands.MyData()),
                Arguments.of("vergeet mij", new PrivacyCommands.Forget(Optional.empty(), false)),
                Arguments.of("forget me confirm", new PrivacyCommands.Forget(Optional.empty(), true)),
                Arguments.of("vergeet @{U0JAN|jan} bevestig", new PrivacyCommands.Forget(Optional.of(jan), true)),
                Arguments.of("afwezig tot 14-2-2027", new AbsenceCommands.Away(Optional.empty(), "14-2-2027")),
                Arguments.of("afwezig @{U0JAN|jan} tot 14 februari 2027", new AbsenceCommands.Away(Optional.of(jan), "14 februari 2027")),
                Arguments.of("aanwezig", new AbsenceCommands.Back(Optional.empty())),
                Arguments.of("trend", new RoundCommands.Trend()),
                Arguments.of("acties", new ActionCommands.ListActions()),
                Arguments.of("actie 3 klaar omdat het lukte", new ActionCommands.UpdateAction(3,
                        nl.borgingsbot.core.actions.ActionStatus.DONE, Optional.of("omdat het lukte"))),
                Arguments.of("actie structuur Uren regelen @{U0JAN|Jan de Vries} 31 maart 2027", new ActionCommands.RecordAction(
                        "structuur", "Uren regelen", Optional.of(new UserReference("U0JAN", Optional.empty())),
                        Optional.of("31 maart 2027"))),
                Arguments.of("planning cron 0 0 9 ? * MON Europe/Amsterdam",
                        new Planning.SetCron("0 0 9 ? * MON", Optional.of("Europe/Amsterdam"))),
                Arguments.of("planning herinneringen 7,2", new Planning.SetReminders(java.util.List.of(7, 2))),
                Arguments.of("regio koppel", new CoreCommands.Misused("usage.regionLink")),
                Arguments.of("regio taal fr", new CoreCommands.Misused("usage.regionLanguage")),
                Arguments.of("regio anoniem misschien", new CoreCommands.Misused("usage.regionAnonymous")),
                Arguments.of("partner toevoegen @jan", new CoreCommands.Misused("usage.partnerAdd")),
                Arguments.of("partner", new CoreCommands.Misused("usage.partner")),
                Arguments.of("ronde", new CoreCommands.Misused("usage.round")));
    }

    @ParameterizedTest(name = "''{0}''")
    @MethodSource("commands")
    void parsesDutchAndEnglish(String line, Command expected) {
        assertThat(CoreAssembly.PARSER.parse(line)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "4 omdat het goed gaat", "Bij ons denken we aan de lange termijn", "versturen",
            "wijzig 3", "start", "mijn school doet mee", "klaar"})
    void answersAreNoCommands(String line) {
        assertThat(CoreAssembly.PARSER.parse(line)).isEmpty();
    }
}
