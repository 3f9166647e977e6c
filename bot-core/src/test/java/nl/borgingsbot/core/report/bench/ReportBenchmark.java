package nl.borgingsbot.core.report.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Platform;
import nl.borgingsbot.core.checkin.Answers;
import nl.borgingsbot.core.checkin.Score;
import nl.borgingsbot.core.questionnaire.Prompt;
import nl.borgingsbot.core.questionnaire.Questionnaire;
import nl.borgingsbot.core.region.Partner;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.report.ReportCalculator;
import nl.borgingsbot.core.report.Response;
import nl.borgingsbot.core.report.RoundReport;
import nl.borgingsbot.core.round.Round;
import nl.borgingsbot.core.round.RoundState;
import nl.borgingsbot.core.testing.Fixtures;

/**
 * The report statistics of a round of 15 partners, with the previous round for the change. Not a
 * unit test: run it with {@link Benchmarks}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReportBenchmark {

    private Questionnaire questionnaire;
    private Region region;
    private Round round;
    private List<Response> current;
    private List<Response> previous;

    @Setup
    public void setUp() {
        questionnaire = Fixtures.stoBorging();
        region = new Region(1, "Rivierenland", new ChatChannel(Platform.of("slack"), "T", "C"), Region.DUTCH,
                Region.AMSTERDAM, false, questionnaire.id());
        round = new Round(2, 1, 2, questionnaire.id(), RoundState.CLOSED, Instant.EPOCH, Instant.EPOCH,
                Optional.of(Instant.EPOCH), false);
        current = responses(1);
        previous = responses(2);
    }

    private List<Response> responses(int seed) {
        List<Response> responses = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            Map<String, Score> scores = new HashMap<>();
            for (int s = 0; s < questionnaire.statements().size(); s++) {
                scores.put(questionnaire.statements().get(s).element().id(),
                        new Score(1 + (i * seed + s) % 5, Optional.of("toelichting " + s)));
            }
            Map<String, String> reflections = new HashMap<>();
            for (Prompt prompt : questionnaire.prompts()) {
                reflections.put(prompt.id(), "reflectie van partner " + i);
            }
            Partner partner = new Partner(i, 1, new ChatUser(Platform.of("slack"), "T", "U" + i), "P" + i, "Organisatie " + i);
            responses.add(new Response(partner, new Answers(reflections, scores)));
        }
        return responses;
    }

    @Benchmark
    public RoundReport compute() {
        return ReportCalculator.compute(region, round, questionnaire, 16, 0, current, previous);
    }
}
