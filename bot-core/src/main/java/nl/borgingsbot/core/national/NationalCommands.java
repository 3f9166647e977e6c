package nl.borgingsbot.core.national;

import java.time.Clock;
import java.util.function.BiPredicate;

import nl.borgingsbot.core.Repositories;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.questionnaire.QuestionnaireCatalog;
import nl.borgingsbot.core.region.Administrators;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.outbox.Outbox;

/**
 * The national commands: {@code regio landelijk aan|uit} (the region's programme manager — the
 * command router checks that role) and {@code landelijk} (administrators only, checked here).
 */
public final class NationalCommands {

    private final ConsentRepository consents;
    private final Administrators admins;
    private final NationalOverview overview;
    private final BiPredicate<ChatUser, Message> sendDirect;
    private final int minimum;
    private final Clock clock;

    public NationalCommands(Repositories repositories, QuestionnaireCatalog catalog, NationalFigures figures,
                            Outbox outbox, Administrators admins, int minimum, Clock clock) {
        this.consents = repositories.consents();
        this.admins = admins;
        this.overview = new NationalOverview(figures, repositories, catalog);
        this.sendDirect = outbox::sendDirect;
        this.minimum = minimum;
        this.clock = clock;
    }

    /** {@code regio landelijk aan|uit}: from now on the region is in, or out of, every comparison. */
    public Message setSharing(Region region, boolean sharing, Texts texts) {
        consents.set(region.id(), sharing, clock.instant());
        return Message.text(sharing ? texts.get("national.on", region.name(), minimum)
                : texts.get("national.off", region.name()));
    }

    /** The line {@code regio} shows. */
    public Part.Fact fact(Region region, Texts texts) {
        return new Part.Fact(texts.get("region.show.national"),
                texts.get(consents.sharing(region.id()) ? "national.show.on" : "national.show.off"));
    }

    /** {@code landelijk}: the overview in the administrator's DM; anyone else is told who may. */
    public Message overview(ChatUser from) {
        Texts texts = Texts.of(Region.DUTCH);
        if (!admins.contains(from)) {
            return Message.text(admins.isEmpty() ? texts.get("national.refusedNoAdmins")
                    : texts.get("national.refused", String.join(", ", admins.mentions())));
        }
        Message dm = overview.message(overview.compute(), texts);
        return Message.text(texts.get(sendDirect.test(from, dm) ? "national.overview.sent"
                : "national.overview.notDelivered"));
    }
}
