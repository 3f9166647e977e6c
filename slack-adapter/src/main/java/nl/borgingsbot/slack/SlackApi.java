package nl.borgingsbot.slack;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.impl.MethodsClientImpl;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.WebhookResponse;

import okhttp3.FormBody;
import okhttp3.Response;

/**
 * The Slack SDK's Web API client, and the sender of replies to a {@code response_url}, with one
 * {@link Gson} for every JSON they read or write. The SDK builds a new {@code Gson} for every
 * response it parses and every reply it sends, so each call rebuilds the reflective adapters of a
 * message and its blocks: about a millisecond of CPU per call, the largest share of the work after
 * a click (measured in docs/benchmarks.md, "one Gson"). A {@code Gson} is thread-safe and keeps its
 * adapters, so one per connection does the same work in microseconds. Requests are still built by
 * the SDK (its form builder already keeps one {@code Gson}), and every response still goes through
 * the SDK's listeners and its {@link SlackApiException} on an HTTP error (a 429 with Retry-After).
 */
final class SlackApi extends MethodsClientImpl {

    private final Slack slack;
    private final Gson gson;

    SlackApi(Slack slack, String token) {
        super(slack.getHttpClient(), token);
        setEndpointUrlPrefix(slack.getConfig().getMethodsEndpointUrlPrefix());
        this.slack = slack;
        this.gson = GsonFactory.createSnakeCase(slack.getConfig());
    }

    @Override
    protected <T extends SlackApiTextResponse> T postFormWithTokenAndParseResponse(FormBody.Builder form, String endpoint,
                                                                                  String token, Class<T> type)
            throws IOException, SlackApiException {
        return parse(runPostFormWithToken(form, endpoint, token), type);
    }

    @Override
    protected <T extends SlackApiTextResponse> T postFormAndParseResponse(FormBody.Builder form, String endpoint,
                                                                         Class<T> type)
            throws IOException, SlackApiException {
        return parse(runPostForm(form, endpoint), type);
    }

    /** Sends a reply (a {@code ActionResponse} or {@code SlashCommandResponse}) to a {@code response_url}. */
    WebhookResponse respond(String responseUrl, Object reply) throws IOException {
        return slack.send(responseUrl, gson.toJson(reply));
    }

    private <T extends SlackApiTextResponse> T parse(Response response, Class<T> type)
            throws IOException, SlackApiException {
        try (response) {
            String body = response.body() == null ? "" : response.body().string();
            getSlackHttpClient().runHttpResponseListeners(response, body);
            if (!response.isSuccessful()) {
                throw new SlackApiException(getSlackHttpClient().getConfig(), response, body);
            }
            T parsed = gson.fromJson(body, type);
            parsed.setHttpResponseHeaders(headers(response));
            return parsed;
        }
    }

    /** The response's headers with lower-case names, as the SDK gives them. */
    private static Map<String, List<String>> headers(Response response) {
        Map<String, List<String>> headers = new TreeMap<>();
        for (String name : response.headers().names()) {
            headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(response.headers(name)));
        }
        return headers;
    }
}
