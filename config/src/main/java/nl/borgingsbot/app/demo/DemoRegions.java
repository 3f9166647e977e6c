package nl.borgingsbot.app.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import nl.borgingsbot.core.Repositories;
import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.checkin.CheckIn;
import nl.borgingsbot.core.checkin.Score;
import nl.borgingsbot.core.checkin.Step;
import nl.borgingsbot.core.questionnaire.Element;
import nl.borgingsbot.core.questionnaire.Questionnaire;
import nl.borgingsbot.core.region.NewRegion;
import nl.borgingsbot.core.region.Partner;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.round.Round;

/**
 * Other (fictional) regions for the demo, so that the demo region's report can show the national
 * comparison: six that share the means of a round closed in the past months, one that does not
 * share, and one that never held a round (a "stille regio" in the programme office's overview).
 */
final class DemoRegions {

    /** A region, whether it shares, and its partners' scores per element (none: it never held a round). */
    private record Seed(String name, boolean sharing, int daysAgo, int[][] scores) {
    }

    private static final List<Seed> SEEDS = List.of(
            new Seed("Demo-regio Noordkust", true, 20, new int[][] {
                {4, 3, 3, 4, 3, 2, 3}, {4, 4, 3, 4, 3, 3, 3}, {3, 3, 2, 4, 2, 2, 3}, {4, 3, 3, 5, 3, 2, 4}}),
            new Seed("Demo-regio Twentestad", true, 45, new int[][] {
                {3, 4, 3, 3, 2, 3, 2}, {3, 4, 4, 3, 2, 3, 3}, {2, 4, 3, 3, 2, 2, 2}}),
            new Seed("Demo-regio Heuvelland", true, 60, new int[][] {
                {4, 4, 4, 3, 3, 3, 3}, {4, 5, 4, 4, 3, 3, 3}, {3, 4, 4, 3, 3, 2, 3}, {4, 4, 3, 3, 4, 3, 4}}),
            new Seed("Demo-regio Drechtoever", true, 75, new int[][] {
                {3, 3, 2, 4, 3, 2, 3}, {3, 3, 2, 4, 3, 2, 3}, {2, 3, 3, 4, 3, 2, 3}}),
            new Seed("Demo-regio Merenland", true, 100, new int[][] {
                {5, 4, 3, 4, 4, 3, 4}, {4, 4, 3, 4, 4, 3, 4}, {4, 4, 4, 5, 3, 3, 4}, {5, 3, 3, 4, 4, 3, 3}}),
            new Seed("Demo-regio Graafschap", true, 130, new int[][] {
                {3, 3, 3, 3, 2, 2, 3}, {3, 3, 3, 3, 2, 2, 3}, {2, 3, 3, 4, 2, 2, 3}}),
            new Seed("Demo-regio Deltakust", false, 40, new int[][] {
                {2, 2, 2, 2, 2, 2, 2}, {2, 3, 2, 2, 2, 2, 2}, {2, 2, 2, 2, 1, 2, 2}}),
            new Seed("Demo-regio Polderveld", false, 0, new int[0][]));

    private DemoRegions() {
    }

    /** Adds the regions with their closed rounds to the database; returns how many share. */
    static int seed(Repositories repositories, Questionnaire questionnaire, String workspace, Instant now) {
        int number = 0;
        for (Seed seed : SEEDS) {
            number++;
            ChatChannel channel = new ChatChannel(ConsoleGateway.PLATFORM, workspace, "C0SEED" + number);
            Region region = repositories.regions().create(NewRegion.withDefaults(seed.name(), channel));
            repositories.consents().set(region.id(), seed.sharing(), now);
            if (seed.scores().length == 0) {
                continue;
            }
            Instant closed = now.minus(Duration.ofDays(seed.daysAgo()));
            Round round = repositories.rounds().open(region.id(), questionnaire.id(), closed.minus(Duration.ofDays(14)),
                    closed);
            for (int p = 0; p < seed.scores().length; p++) {
                Partner partner = repositories.regions().addPartner(region.id(),
                        new ChatUser(ConsoleGateway.PLATFORM, workspace, "seed" + number + "p" + p), "Partner " + (p + 1),
                        "Organisatie " + (p + 1));
                CheckIn checkIn = repositories.checkIns().createOrGet(round.id(), partner.id());
                List<Element> elements = questionnaire.elements();
                for (int e = 0; e < elements.size(); e++) {
                    repositories.checkIns().saveScore(checkIn.id(), elements.get(e).id(),
                            new Score(seed.scores()[p][e], Optional.empty()), Step.SUMMARY, false, closed);
                }
                repositories.checkIns().submit(checkIn.id(), closed);
            }
            repositories.rounds().close(round.id(), closed);
        }
        return (int) SEEDS.stream().filter(Seed::sharing).count();
    }
}
