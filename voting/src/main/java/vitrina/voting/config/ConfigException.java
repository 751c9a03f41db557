package vitrina.voting.config;

/** A setting is missing or wrong; the message (Russian) names the flag and how to fix it. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
