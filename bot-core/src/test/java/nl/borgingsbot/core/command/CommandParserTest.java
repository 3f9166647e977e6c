package nl.borgingsbot.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {

    static Stream<Arguments> commands() {
        UserReference jan = new UserReference("U0JAN", Optional.of("jan"));
        return Stream.of(
                Arguments.of("help", new Command.Help()),
                Arguments.of("Hulp", new Command.Help()),
                Arguments.of("/borging help", new Command.Help()),
                Arguments.of("regio koppel Amstelland Noord", new Command.LinkRegion("Amstelland Noord")),
                Arguments.of("region link Twente", new Command.LinkRegion("Twente")),
                Arguments.of("regio", new Command.ShowRegion()),
                Arguments.of("regio taal EN", new Command.SetLanguage("en")),
                Arguments.of("regio anoniem aan", new Command.SetAnonymous(true)),
                Arguments.of("region anonymous off", new Command.SetAnonymous(false)),
                Arguments.of("regio vragenlijst samenwerking", new Command.SetQuestionnaire("samenwerking")),
                Arguments.of("partner toevoegen @{U0JAN|jan} Technasium Noord",
                        new Command.AddPartner(jan, "Technasium Noord")),
                Arguments.of("partner add @U0PIET ROC", new Command.AddPartner(new UserReference("U0PIET", Optional.empty()), "ROC")),
                Arguments.of("partner verwijderen @{U0JAN|jan}", new Command.RemovePartner(jan)),
                Arguments.of("partner toevoegen @{U0AB|Anna de Vries}   Vmbo De Brug",
                        new Command.AddPartner(new UserReference("U0AB", Optional.of("Anna de Vries")), "Vmbo De Brug")),
                Arguments.of("/borging partner add @{U0AB} Smit & Zn",
                        new Command.AddPartner(new UserReference("U0AB", Optional.empty()), "Smit & Zn")),
                Arguments.of("partner verwijderen @{U0JAN|jan} extra", new Command.Misused("usage.partnerRemove")),
                Arguments.of("partners", new Command.ListPartners()),
                Arguments.of("ronde start", new Command.StartRound(Optional.empty())),
                Arguments.of("ronde start 15 december 2026", new Command.StartRound(Optional.of("15 december 2026"))),
                Arguments.of("round status", new Command.RoundStatus()),
                Arguments.of("ronde sluit", new Command.CloseRound()),
                Arguments.of("ronde rapport", new Command.PostReport()),
                Arguments.of("herinner", new Command.Remind()),
                Arguments.of("export", new Command.Export(Optional.empty(), false)),
                Arguments.of("export 3 csv", new Command.Export(Optional.of(3), true)),
                Arguments.of("export pdf", new Command.Misused("usage.export")),
                Arguments.of("mijn gegevens", new Command.MyData()),
                Arguments.of("vergeet mij", new Command.Forget(Optional.empty(), false)),
                Arguments.of("forget me confirm", new Command.Forget(Optional.empty(), true)),
                Arguments.of("vergeet @{U0JAN|jan} bevestig", new Command.Forget(Optional.of(jan), true)),
                Arguments.of("afwezig tot 14-2-2027", new Command.Away(Optional.empty(), "14-2-2027")),
                Arguments.of("afwezig @{U0JAN|jan} tot 14 februari 2027", new Command.Away(Optional.of(jan), "14 februari 2027")),
                Arguments.of("aanwezig", new Command.Back(Optional.empty())),
                Arguments.of("trend", new Command.Trend()),
                Arguments.of("acties", new Command.ListActions()),
                Arguments.of("actie 3 klaar omdat het lukte", new Command.UpdateAction(3,
                        nl.borgingsbot.core.actions.ActionStatus.DONE, Optional.of("omdat het lukte"))),
                Arguments.of("actie structuur Uren regelen @{U0JAN|Jan de Vries} 31 maart 2027", new Command.RecordAction(
                        "structuur", "Uren regelen", Optional.of(new UserReference("U0JAN", Optional.empty())),
                        Optional.of("31 maart 2027"))),
                Arguments.of("planning cron 0 0 9 ? * MON Europe/Amsterdam",
                        new Command.SetCron("0 0 9 ? * MON", Optional.of("Europe/Amsterdam"))),
                Arguments.of("planning herinneringen 7,2", new Command.SetReminders(java.util.List.of(7, 2))),
                Arguments.of("regio koppel", new Command.Misused("usage.regionLink")),
                Arguments.of("regio taal fr", new Command.Misused("usage.regionLanguage")),
                Arguments.of("regio anoniem misschien", new Command.Misused("usage.regionAnonymous")),
                Arguments.of("partner toevoegen @jan", new Command.Misused("usage.partnerAdd")),
                Arguments.of("partner", new Command.Misused("usage.partner")),
                Arguments.of("ronde", new Command.Misused("usage.round")));
    }

    @ParameterizedTest(name = "''{0}''")
    @MethodSource("commands")
    void parsesDutchAndEnglish(String line, Command expected) {
        assertThat(CommandParser.parse(line)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "4 omdat het goed gaat", "Bij ons denken we aan de lange termijn", "versturen",
            "wijzig 3", "start", "mijn school doet mee", "klaar"})
    void answersAreNoCommands(String line) {
        assertThat(CommandParser.parse(line)).isEmpty();
    }
}
