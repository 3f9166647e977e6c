package nl.borgingsbot.teams;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.restclient.RestClient;
import com.microsoft.bot.restclient.ServiceResponseBuilder;
import com.microsoft.bot.restclient.retry.RetryStrategy;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;

import okhttp3.OkHttpClient;
import retrofit2.Retrofit;

/**
 * One SDK {@link ConnectorClient} per Bot Connector service URL, each with the bot's credentials
 * and the {@link ConnectorRetryStrategy}.
 */
public final class ConnectorClients {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final AppCredentials credentials;
    private final RetryStrategy retry;
    private final Map<String, ConnectorClient> clients = new ConcurrentHashMap<>();

    /**
     * @param credentials the bot's credentials; {@code MicrosoftAppCredentials.empty()} for the
     *                    unauthenticated local (emulator) mode
     * @param retry       when and how to retry a failed call
     */
    public ConnectorClients(AppCredentials credentials, RetryStrategy retry) {
        this.credentials = credentials;
        this.retry = retry;
    }

    /** The client for a service URL (from an activity or a stored conversation reference). */
    public ConnectorClient forServiceUrl(String serviceUrl) {
        return clients.computeIfAbsent(serviceUrl, this::create);
    }

    private ConnectorClient create(String serviceUrl) {
        RestClient rest = new RestClient.Builder(new OkHttpClient.Builder(), new Retrofit.Builder())
                .withBaseUrl(serviceUrl)
                .withCredentials(credentials)
                .withSerializerAdapter(new JacksonAdapter())
                .withResponseBuilderFactory(new ServiceResponseBuilder.Factory())
                .withRetryStrategy(retry)
                .withConnectionTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .withReadTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .build();
        return new RestConnectorClient(rest);
    }
}
