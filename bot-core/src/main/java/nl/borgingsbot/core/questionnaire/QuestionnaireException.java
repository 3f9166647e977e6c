package nl.borgingsbot.core.questionnaire;

/** A questionnaire file is malformed; the message names the file and the problem. */
public class QuestionnaireException extends RuntimeException {

    public QuestionnaireException(String message) {
        super(message);
    }

    public QuestionnaireException(String message, Throwable cause) {
        super(message, cause);
    }
}
