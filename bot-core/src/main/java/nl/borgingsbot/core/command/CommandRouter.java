package nl.borgingsbot.core.command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.region.Administrators;
import nl.borgingsbot.core.region.Region;

/**
 * Checks the role a command needs, in this one place, and hands it to the one handler that owns
 * it. Region commands are for that region's programme managers (or also its partners); everyone
 * else gets a polite refusal naming who can.
 */
public final class CommandRouter {

    /** One command type, the role it needs and its handler. */
    public record Route<C extends Command>(Class<C> type, Role role, BiFunction<C, Request, Message> handler,
                                           Optional<Function<Request, Message>> refusal) {

        public static <C extends Command> Route<C> of(Class<C> type, Role role, BiFunction<C, Request, Message> handler) {
            if (role == Role.ADMINISTRATOR) {
                throw new IllegalArgumentException("an administrator's command says how it refuses: use ofAdministrator");
            }
            return new Route<>(type, role, handler, Optional.empty());
        }

        /** An administrator's command, with what anyone else is told. */
        public static <C extends Command> Route<C> ofAdministrator(Class<C> type, BiFunction<C, Request, Message> handler,
                                                                   Function<Request, Message> refusal) {
            return new Route<>(type, Role.ADMINISTRATOR, handler, Optional.of(refusal));
        }

        Message handle(Command command, Request request) {
            return handler.apply(type.cast(command), request);
        }
    }

    /** A feature's commands: the routes to its handlers. */
    public interface Feature {
        List<Route<?>> routes();
    }

    private final Map<Class<?>, Route<?>> routes = new HashMap<>();
    private final Membership membership;
    private final Administrators admins;

    public CommandRouter(Membership membership, Administrators admins, Collection<? extends Feature> features) {
        this.membership = membership;
        this.admins = admins;
        for (Feature feature : features) {
            for (Route<?> route : feature.routes()) {
                if (routes.putIfAbsent(route.type(), route) != null) {
                    throw new IllegalArgumentException("two handlers for " + route.type().getSimpleName());
                }
            }
        }
    }

    /** Every route, for the test that each command type has exactly one. */
    public List<Route<?>> routes() {
        return new ArrayList<>(routes.values());
    }

    public Message handle(Command command, ChatUser from, Optional<ChatChannel> channel) {
        Route<?> route = routes.get(command.getClass());
        if (route == null) {
            throw new IllegalArgumentException("no handler for " + command.getClass().getSimpleName());
        }
        Optional<Region> region = membership.regionFor(from, channel);
        Texts texts = Texts.of(region.map(Region::language).orElse(Region.DUTCH));
        Request request = new Request(from, channel, region, texts);
        if (route.role() == Role.ANYONE) {
            return route.handle(command, request);
        }
        if (route.role() == Role.ADMINISTRATOR) {
            return admins.contains(from) ? route.handle(command, request) : route.refusal().orElseThrow().apply(request);
        }
        if (region.isEmpty()) {
            return Message.text(Texts.of(Region.DUTCH).get(channel.isPresent() ? "region.notLinked" : "region.whichOne"));
        }
        Region r = region.get();
        boolean manager = membership.isManager(r, from);
        if (route.role() == Role.PARTNER && !manager && !membership.isPartner(r, from)) {
            return Message.text(texts.get("refused.notInRegion", r.name()));
        }
        if (route.role() == Role.MANAGER && !manager) {
            return Message.text(texts.get("refused.notManager", r.name(), membership.managerNames(r)));
        }
        return route.handle(command, request);
    }
}
