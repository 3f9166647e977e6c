package nl.borgingsbot.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import nl.borgingsbot.core.Borgingsbot;
import nl.borgingsbot.core.CoreAssembly;
import nl.borgingsbot.core.chat.Gateways;
import nl.borgingsbot.core.chat.Platform;
import nl.borgingsbot.core.region.Administrators;
import nl.borgingsbot.core.store.Database;
import nl.borgingsbot.core.testing.Fixtures;
import nl.borgingsbot.core.testing.RecordingGateway;

/** Every command type of every feature has exactly one handler, and that handler says which role it needs. */
class CommandRoutesTest {

    @TempDir
    Path dir;

    @Test
    void everyCommandHasExactlyOneHandlerAndADeclaredRole() {
        List<Class<?>> commandTypes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.borgingsbot.core").stream()
                .filter(c -> c.isAssignableTo(Command.class) && !c.isInterface())
                .map(JavaClass::reflect)
                .collect(Collectors.toList());
        try (Database database = Database.open("jdbc:sqlite:" + dir.resolve("bot.db"), "", "")) {
            Borgingsbot.Parts parts = CoreAssembly.assemble(database.repositories(), Fixtures.catalog(),
                    new Gateways(List.of(new RecordingGateway(Platform.of("slack")))), Administrators.none(),
                    Clock.systemUTC(), Borgingsbot.Settings.defaults().withWorkers(1));
            try {
                Map<Class<?>, List<CommandRouter.Route<?>>> routes = parts.commands().routes().stream()
                        .collect(Collectors.groupingBy(CommandRouter.Route::type));
                assertThat(commandTypes).hasSizeGreaterThan(30);
                assertThat(routes.keySet()).containsExactlyInAnyOrderElementsOf(commandTypes);
                assertThat(routes.values()).allSatisfy(handlers -> assertThat(handlers).hasSize(1));
                assertThat(parts.commands().routes()).allSatisfy(route -> assertThat(route.role()).isNotNull());
                assertThat(parts.commands().routes()).filteredOn(route -> route.role() == Role.ADMINISTRATOR)
                        .allSatisfy(route -> assertThat(route.refusal()).isPresent());
            } finally {
                parts.inbox().close();
            }
        }
    }

    @Test
    void theRouterRefusesTwoHandlersForOneCommand() {
        CommandRouter.Feature twice = () -> List.of(
                CommandRouter.Route.of(CoreCommands.Help.class, Role.ANYONE, (help, request) -> null),
                CommandRouter.Route.of(CoreCommands.Help.class, Role.MANAGER, (help, request) -> null));
        assertThatThrownBy(() -> new CommandRouter(null, Administrators.none(), List.of(twice)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Help");
    }
}
