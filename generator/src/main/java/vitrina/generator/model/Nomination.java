package vitrina.generator.model;

/** A contest nomination from site.yaml: {@code id} is latin and used in URLs. */
public record Nomination(String id, String title) {
}
