package vitrina.generator.content;

/** Whether a path written in content stays inside its folder: relative, forward slashes, no {@code ..}. */
final class SafePath {
    private SafePath() {
    }

    static boolean isSafe(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf(':') >= 0
                || path.indexOf('\0') >= 0) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals("..") || segment.equals(".")) {
                return false;
            }
        }
        return true;
    }
}
