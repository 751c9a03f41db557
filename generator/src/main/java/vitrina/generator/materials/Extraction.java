package vitrina.generator.materials;

/** What one extractor got from a file: text (capped), pages, or the code of the problem that stopped it. */
record Extraction(String text, int pages, String problemCode, String problemMessage) {
    Extraction {
        text = text.length() > MaterialInspector.MAX_CHARS ? text.substring(0, MaterialInspector.MAX_CHARS) : text;
        problemMessage = problemMessage.replace('\n', ' ');
    }

    static Extraction failed(String code, String message) {
        return new Extraction("", 0, code, message);
    }
}
