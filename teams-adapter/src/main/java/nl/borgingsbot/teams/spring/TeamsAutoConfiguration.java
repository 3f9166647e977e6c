package nl.borgingsbot.teams.spring;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.schema.ChannelAccount;

import nl.borgingsbot.core.Borgingsbot;
import nl.borgingsbot.core.chat.RateLimits;
import nl.borgingsbot.core.store.Database;
import nl.borgingsbot.core.telemetry.Telemetry;
import nl.borgingsbot.teams.ConnectorClients;
import nl.borgingsbot.teams.ConnectorRetryStrategy;
import nl.borgingsbot.teams.ConversationStore;
import nl.borgingsbot.teams.FileOffers;
import nl.borgingsbot.teams.ImageLinks;
import nl.borgingsbot.teams.InboundMapper;
import nl.borgingsbot.teams.RequestAuthenticator;
import nl.borgingsbot.teams.TeamsBot;
import nl.borgingsbot.teams.TeamsGateway;
import nl.borgingsbot.teams.TenantAppCredentials;

/**
 * Connects Microsoft Teams when {@code MICROSOFT_APP_ID} is set (authenticated) or
 * {@code BORGING_TEAMS_EMULATOR=true} (local, unauthenticated): the {@link TeamsGateway} for the
 * core, and the {@code /api/messages} endpoint. Uses the core's beans (database, bot, clock).
 */
@AutoConfiguration
@Conditional(TeamsEnabled.class)
public class TeamsAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsAutoConfiguration.class);

    @Bean
    TeamsSettings teamsSettings(Environment environment) {
        TeamsSettings settings = TeamsSettings.from(environment);
        if (settings.authenticated()) {
            LOG.info("Microsoft Teams: app {} in tenant {}; requests to /api/messages need a Bot Framework token",
                    settings.appId(), settings.tenantId());
        } else {
            LOG.warn("""

                    ****************************************************************************
                    ** MICROSOFT TEAMS IN LOCAL EMULATOR MODE (BORGING_TEAMS_EMULATOR=true)
                    ** /api/messages accepts requests WITHOUT ANY AUTHENTICATION.
                    ** Only for the Bot Framework Emulator on your own machine. To connect Teams,
                    ** set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID
                    ** and remove BORGING_TEAMS_EMULATOR.
                    ****************************************************************************""");
        }
        return settings;
    }

    @Bean
    AppCredentials teamsCredentials(TeamsSettings settings) {
        return settings.authenticated()
                ? new TenantAppCredentials(settings.appId(), settings.password(), settings.tenantId(),
                settings.authorityUrl())
                : MicrosoftAppCredentials.empty();
    }

    @Bean
    ConnectorClients teamsConnectorClients(AppCredentials teamsCredentials) {
        return new ConnectorClients(teamsCredentials, ConnectorRetryStrategy.none());
    }

    @Bean
    RequestAuthenticator teamsRequestAuthenticator(TeamsSettings settings) {
        return settings.authenticated()
                ? RequestAuthenticator.botFramework(settings.appId(), settings.openIdMetadataUrl())
                : RequestAuthenticator.none();
    }

    @Bean
    ConversationStore teamsConversationStore(Database database, Clock clock) {
        return new ConversationStore(database.dataSource(), clock);
    }

    @Bean
    FileOffers teamsFileOffers(Database database, Clock clock) {
        return new FileOffers(database.dataSource(), clock);
    }

    /** Links to images Teams refuses inline, when {@code BORGING_PUBLIC_URL} says where the bot is reachable. */
    @Bean
    ImageLinks teamsImageLinks(Environment environment, Clock clock) {
        return new ImageLinks(Optional.ofNullable(environment.getProperty("borging.public-url")), clock);
    }

    @Bean
    TeamsImageController teamsImageController(ImageLinks links) {
        return new TeamsImageController(links);
    }

    @Bean
    TeamsGateway teamsGateway(ConversationStore store, ConnectorClients clients, FileOffers files, ImageLinks links,
                              ObjectProvider<Telemetry> telemetry) {
        Telemetry told = telemetry.getIfAvailable(() -> Telemetry.NONE);
        return new TeamsGateway(store, clients, files, links,
                new RateLimits((scope, wait) -> told.rateLimited("teams", wait)));
    }

    @Bean
    InboundMapper teamsInboundMapper(ConnectorClients clients, TeamsSettings settings) {
        return new InboundMapper((activity, teamsUserId) -> {
            try {
                ChannelAccount member = clients.forServiceUrl(activity.getServiceUrl()).getConversations()
                        .getConversationMember(teamsUserId, InboundMapper.withoutThreadOf(activity)).get();
                return Optional.ofNullable(member == null ? null : member.getAadObjectId());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } catch (Exception e) {
                LOG.warn("Could not look up a mentioned person in Teams: {}", e.getMessage());
                return Optional.empty();
            }
        }, settings.tenantId().isBlank() ? "emulator" : settings.tenantId());
    }

    @Bean
    TeamsBot teamsBot(ObjectProvider<Borgingsbot> core, InboundMapper mapper, ConversationStore store,
                      TeamsGateway gateway, ConnectorClients clients, FileOffers files) {
        return new TeamsBot(core.getObject(), mapper, store, gateway, clients, files);
    }

    @Bean
    TeamsController teamsController(RequestAuthenticator authenticator, TeamsBot bot) {
        return new TeamsController(authenticator, bot);
    }
}
