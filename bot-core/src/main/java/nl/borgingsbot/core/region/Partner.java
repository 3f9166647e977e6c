package nl.borgingsbot.core.region;

import java.util.Comparator;
import java.util.List;

import nl.borgingsbot.core.chat.ChatUser;

/** A steering-group member answering for an organisation in one region. */
public record Partner(long id, long regionId, ChatUser user, String name, String organisation) {

    /**
     * Partners by organisation and name, so that a list of people says nothing about the order they
     * joined in — nor, in an anonymous region, about who is Partner A.
     */
    public static List<Partner> alphabetical(List<Partner> partners) {
        return partners.stream().sorted(Comparator.comparing(Partner::organisation, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Partner::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }
}
