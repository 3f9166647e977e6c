package nl.borgingsbot.app;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code borging.*} settings of application.yml, overridable from the environment. */
@ConfigurationProperties(prefix = "borging")
public record BorgingProperties(Db db, String admins, String regionsFile, String questionnairesDir, Demo demo,
                                Schedule schedule, int retentionRounds, National national) {

    public record Db(String url, String user, String password) {
        @Override
        public String toString() {
            return "Db[url=" + url + ", user=" + user + "]"; // never the password
        }
    }

    public record Demo(String script, String output) {
    }

    /** The national comparison: how many other regions must share before a region's report compares. */
    public record National(int minimum) {
    }

    /** How often the round scheduler looks whether a round should open, be reminded or close. */
    public record Schedule(int tickSeconds) {
    }
}
