package vitrina.generator.problem;

/** How bad a problem is: an error leaves its stand (or the build) out; a warning only informs. */
public enum Severity {
    ERROR("ошибка"),
    WARNING("предупреждение");

    private final String russian;

    Severity(String russian) {
        this.russian = russian;
    }

    /** The word printed before the message in Russian reports. */
    public String russian() {
        return russian;
    }
}
