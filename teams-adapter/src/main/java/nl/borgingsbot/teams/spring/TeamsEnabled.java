package nl.borgingsbot.teams.spring;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Teams is connected: {@code MICROSOFT_APP_ID} is set, or {@code BORGING_TEAMS_EMULATOR=true}. */
final class TeamsEnabled implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return TeamsSettings.enabled(context.getEnvironment());
    }
}
